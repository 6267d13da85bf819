import { describe, expect, it } from 'vitest';
import { err, ok, setupBase } from '../../helpers/core';
import { addApplicants, storeScores } from './fixtures';

/** Jilin (tie-breaks interview, then written): three candidates of 内科 with complete results. */
async function ranked() {
  const { core, session } = await setupBase('jilin-2024');
  const people = await addApplicants(core, 3, { specialties: ['0100'] });
  await storeScores(
    core,
    people.flatMap((p) => [
      { applicantId: p.id, component: 'written', value: 8000 },
      { applicantId: p.id, component: 'interview', value: 7000 },
    ]),
  );
  return { core, session, people };
}

describe('a stored value the ranking cannot order', () => {
  it('ranks the intact data', async () => {
    const { core, session } = await ranked();
    const view = await ok(core, session, 'ranking.show', {});
    expect(view.groups[0]!.ranked.map((r) => [r.rank, r.tied])).toEqual([
      [1, true],
      [1, true],
      [1, true],
    ]);
  });

  it('a tie-break score that is not whole hundredths is refused, naming the candidate and the component', async () => {
    const { core, session, people } = await ranked();
    // written 80.00 x 60% + interview 70.005 x 40% is still a whole number of hundredths: only the tie-break is damaged.
    await core.raw
      .prepare("UPDATE component_scores SET value = 7000.5 WHERE applicant_id = ? AND component = 'interview'")
      .run(people[1]!.id);
    for (const [op, input] of [
      ['ranking.show', {}],
      ['ranking.page', { onlyAdmissible: false, pages: {} }],
    ] as const) {
      const e = await err(core, session, op, input);
      expect([e.code, e.details]).toEqual(['RANK_BAD_SCORE', { id: people[1]!.id, key: 'interview' }]);
    }
  });

  it('a manual order that is not a finite number is refused', async () => {
    const { core, session, people } = await ranked();
    await core.raw
      .prepare(
        `INSERT INTO ranking_overrides (cohort_year, group_key, applicant_id, manual_order, reason, actor, updated_at)
         VALUES (2024, '0100', ?, 9e999, '损坏', 'admin', '2024-07-01T00:00:00.000Z')`,
      )
      .run(people[2]!.id);
    const e = await err(core, session, 'ranking.show', {});
    expect([e.code, e.details]).toEqual(['RANK_BAD_MANUAL_ORDER', { id: people[2]!.id }]);
  });
});
