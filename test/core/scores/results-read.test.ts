import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { evaluateScores, loadAllPeople, loadScoreTable } from '../../../src/core/scores/results';
import { ok, setupBase } from '../../helpers/core';
import { addApplicants, storeScores, type TestApplicant } from './fixtures';

/** Six applicants with distinct scores (the last one has none), so a row read out of line shows. */
async function scored(): Promise<{ core: Core; session: string; people: TestApplicant[] }> {
  const { core, session } = await setupBase('jilin-2024');
  const people = await addApplicants(core, 6, { specialties: ['0100', '0200'] });
  await storeScores(
    core,
    people
      .slice(0, 5)
      .flatMap((a, n) =>
        ['written', 'interview'].map((component, k) => ({ applicantId: a.id, component, value: 6000 + n * 500 + k * 100 })),
      ),
  );
  return { core, session, people };
}

describe('the score table read', () => {
  it('keeps every applicant in line with their own scores, also when a stored text holds a control character', async () => {
    const { core, session, people } = await scored();
    // U+001F is what the read joins text columns with; a value holding it must still come back whole.
    const odd = '张\u001f三';
    await core.db.updateTable('applicants').set({ name: odd }).where('id', '=', people[2]!.id).execute();
    await core.db.updateTable('applicants').set({ choices_json: '["0100"]\u001f' }).where('id', '=', people[4]!.id).execute();
    const t = await loadScoreTable(core.db, 2024);
    expect(t).toEqual(await loadScoreTable(core.db, 2024, { asJson: true }));
    const at = t.ids.indexOf(people[2]!.id);
    expect(t.names[at]).toBe(odd);
    expect(t.values.map((col) => col[at])).toEqual([7000, 7100]);
    expect(t.choicesJson[t.ids.indexOf(people[4]!.id)]).toBe('["0100"]\u001f');

    // Restore the choice list (a damaged one is refused by the ranking), then the ranking shows the name whole.
    await core.db.updateTable('applicants').set({ choices_json: '["0100"]' }).where('id', '=', people[4]!.id).execute();
    const view = await ok(core, session, 'ranking.show', {});
    const row = view.groups.flatMap((g) => g.ranked).find((r) => r.applicantId === people[2]!.id);
    expect(row).toMatchObject({ name: odd, components: { written: 7000, interview: 7100 }, total: 7040 });
  });

  it('reads the same table in either order, with or without names, and for a cohort without applicants', async () => {
    const { core, people } = await scored();
    const byId = await loadScoreTable(core.db, 2024);
    const stored = await loadScoreTable(core.db, 2024, { order: 'stored' });
    const lean = await loadScoreTable(core.db, 2024, { order: 'stored', people: false });
    const row = (t: typeof byId, id: string) => {
      const i = t.ids.indexOf(id);
      return [t.names[i], t.idNumbers[i], t.categories[i], t.choicesJson[i], t.values.map((c) => c[i])];
    };
    for (const a of people) {
      expect(row(stored, a.id)).toEqual(row(byId, a.id));
      expect(row(lean, a.id).slice(2)).toEqual(row(byId, a.id).slice(2));
    }
    expect(lean.names.filter((x) => x !== undefined)).toEqual([]);
    expect(evaluateScores(stored).status.filter((s) => s === 'complete')).toHaveLength(5);
    const empty = await loadScoreTable(core.db, 2031);
    expect([empty.ids, empty.names, empty.choicesJson, empty.values]).toEqual([[], [], [], [[], []]]);
  });

  it('fills in everyone’s name and ID number afterwards, in line also when the table is in another order', async () => {
    const { core, people } = await scored();
    const whole = await loadScoreTable(core.db, 2024, { order: 'stored' });
    const lean = await loadScoreTable(core.db, 2024, { order: 'stored', people: false });
    await loadAllPeople(core.db, lean, 2024);
    expect(lean).toEqual(whole);

    // A table in another order (as read in another state): everyone still gets their own name.
    const other = await loadScoreTable(core.db, 2024, { people: false });
    other.ids.reverse();
    await loadAllPeople(core.db, other, 2024);
    for (const a of people) {
      const i = other.ids.indexOf(a.id);
      expect([other.names[i], other.idNumbers[i]]).toEqual([a.name, a.idNumber]);
    }
  });
});
