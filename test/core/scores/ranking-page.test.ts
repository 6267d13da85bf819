import { describe, expect, it } from 'vitest';
import type { RankingGroup, RankingLine } from '../../../src/shared/contract/scores';
import type { Core } from '../../../src/core/context';
import { createRng } from '../../../src/core/testdata';
import { ok, setupBase } from '../../helpers/core';
import { addApplicants, storeScores, type TestApplicant } from './fixtures';

/**
 * 130 generated applicants in 内科 and 外科 with seeded scores (several equal totals, some absent, some
 * without a score), a few not yet confirmed: the paged ranking must show exactly what the whole one shows.
 */
async function scenario() {
  const { core, session } = await setupBase('jilin-2024');
  const people = await addApplicants(core, 130, { specialties: ['0100', '0200'] });
  const { components } = await ok(core, session, 'scores.components', {});
  const rng = createRng(42);
  await storeScores(
    core,
    people.flatMap((a, n) =>
      n % 29 === 5
        ? [] // no score at all: incomplete
        : components.map((c) => {
            const absent = n % 31 === 7 && c.key === components[0]!.key;
            // Coarse values so that equal totals (ties) happen.
            return { applicantId: a.id, component: c.key, value: absent ? null : rng.int(12, 18) * 500, absent };
          }),
    ),
  );
  await core.db
    .updateTable('applicants')
    .set({ confirmation_status: 'returned' })
    .where('id', 'in', [people[3]!.id, people[10]!.id])
    .execute();
  return { core, session, people };
}

/** The lines the 成绩排名 screen lists for a group, cut from the whole answer. */
function wholeLines(g: RankingGroup, onlyAdmissible = false): RankingLine[] {
  return [
    ...g.ranked.filter((r) => !onlyAdmissible || r.admissible).map((row) => ({ kind: 'ranked' as const, row })),
    ...(onlyAdmissible ? [] : g.unranked.map((row) => ({ kind: 'unranked' as const, row }))),
  ];
}

async function whole(core: Core, session: string) {
  return ok(core, session, 'ranking.show', {});
}

describe('ranking.page: one page per group of the same ranking', () => {
  it('each page is the slice of the whole ranking, with totals, clamped pages, ties with names and the filter options', async () => {
    const { core, session } = await scenario();
    const all = await whole(core, session);
    expect(all.groups.map((g) => g.groupKey)).toEqual(['0100', '0200']);

    const first = await ok(core, session, 'ranking.page', {});
    expect(first.specialties.map((s) => s.code)).toEqual(['0100', '0200']);
    expect(first.tieBreaks).toEqual(all.tieBreaks);
    for (const [k, g] of all.groups.entries()) {
      const p = first.groups[k]!;
      const lines = wholeLines(g);
      expect(p).toMatchObject({
        groupKey: g.groupKey,
        specialtyName: g.specialtyName,
        total: lines.length,
        page: 1,
        pageSize: 20,
      });
      expect(p.lines).toEqual(lines.slice(0, 20));
      expect(p.ties.map((t) => ({ rank: t.rank, applicantIds: t.candidates.map((c) => c.applicantId) }))).toEqual(g.ties);
      const names = new Map(g.ranked.map((r) => [r.applicantId, r.name]));
      for (const t of p.ties) for (const c of t.candidates) expect(c.name).toBe(names.get(c.applicantId));
    }
    expect(all.groups.some((g) => g.ties.length > 0)).toBe(true);

    // One specialty: a longer page; the last page holds the rest; a page past the end shows the last one.
    const g0 = all.groups[0]!;
    const lines = wholeLines(g0);
    const lastPage = Math.ceil(lines.length / 50);
    for (const asked of [lastPage, lastPage + 5]) {
      const one = await ok(core, session, 'ranking.page', { specialty: '0100', pages: { '0100': asked } });
      expect(one.groups).toHaveLength(1);
      expect(one.specialties.map((s) => s.code)).toEqual(['0100', '0200']);
      expect(one.groups[0]).toMatchObject({ page: lastPage, pageSize: 50, total: lines.length });
      expect(one.groups[0]!.lines).toEqual(lines.slice((lastPage - 1) * 50));
    }
    const sized = await ok(core, session, 'ranking.page', { pageSize: 7, pages: { '0200': 2 } });
    expect(sized.groups[1]!.lines).toEqual(wholeLines(all.groups[1]!).slice(7, 14));
  });

  it('只看可录取 leaves out who cannot be admitted and who has no complete result', async () => {
    const { core, session } = await scenario();
    const all = await whole(core, session);
    const p = await ok(core, session, 'ranking.page', { onlyAdmissible: true, pageSize: 500 });
    for (const [k, g] of all.groups.entries()) expect(p.groups[k]!.lines).toEqual(wholeLines(g, true));
    expect(p.groups.flatMap((g) => g.lines).every((l) => l.kind === 'ranked' && l.row.admissible)).toBe(true);
    expect(all.groups.flatMap((g) => g.ranked).some((r) => !r.admissible)).toBe(true);
  });

  it('a search finds people by name, pinyin initials or ID digits, keeping their rank; groups without a match are left out', async () => {
    const { core, session, people } = await scenario();
    const all = await whole(core, session);
    const rowOf = (a: TestApplicant) =>
      wholeLines(all.groups.find((g) => g.specialty === a.specialty)!).find((l) => l.row.applicantId === a.id)!;
    const target = people[40]!;
    const byName = await ok(core, session, 'ranking.page', { query: target.name });
    const found = byName.groups.flatMap((g) => g.lines);
    expect(found).toContainEqual(rowOf(target));
    expect(found.every((l) => l.row.name.includes(target.name))).toBe(true);
    expect(byName.groups.every((g) => g.total === g.lines.length && g.total > 0)).toBe(true);

    const byTail = await ok(core, session, 'ranking.page', { query: target.idNumber.slice(-6) });
    expect(byTail.groups.map((g) => g.groupKey)).toEqual([target.specialty]);
    expect(byTail.groups[0]!.lines).toEqual([rowOf(target)]);

    await core.db.updateTable('applicants').set({ name_initials: 'qqz' }).where('id', '=', people[41]!.id).execute();
    const byInitials = await ok(core, session, 'ranking.page', { query: 'QQZ' });
    expect(byInitials.groups.flatMap((g) => g.lines.map((l) => l.row.applicantId))).toEqual([people[41]!.id]);

    const nobody = await ok(core, session, 'ranking.page', { query: '没有这个人' });
    expect(nobody.groups).toEqual([]);
    expect(nobody.specialties).toHaveLength(2);
  });

  it('those without a result are listed by masked ID number, and equal masked numbers by the full number, however stored', async () => {
    const { core, session } = await setupBase('jilin-2024');
    // Same first six and last four digits: the masked numbers are equal. Stored in reverse ID-number order.
    const idNumbers = ['220102199001010013', '220102198001010013', '220102197001010013', '110101199001010011'];
    const now = new Date(0).toISOString();
    await core.db
      .insertInto('applicants')
      .values(
        idNumbers.map((id_number, k) => ({
          id: `U${k}`,
          cohort_year: 2024,
          id_number,
          name: `未考${k}`,
          category: '社会人',
          choices_json: JSON.stringify(['0100']),
          confirmation_status: 'confirmed',
          created_at: now,
          updated_at: now,
        })) as never,
      )
      .execute();
    const expected = ['U3', 'U2', 'U1', 'U0'];
    const all = await ok(core, session, 'ranking.show', {});
    expect(all.groups[0]!.unranked.map((u) => u.applicantId)).toEqual(expected);
    expect(all.groups[0]!.unranked[1]!.idMasked).toBe('220102********0013');
    const page = await ok(core, session, 'ranking.page', {});
    expect(page.groups[0]!.lines.map((l) => [l.row.applicantId, l.row.name, l.row.idMasked])).toEqual(
      all.groups[0]!.unranked.map((u) => [u.applicantId, u.name, u.idMasked]),
    );
  });
});
