import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { verifyAuditChain } from '../../../src/core/audit/verify';
import { createRng } from '../../../src/core/testdata';
import { ok } from '../../helpers/core';
import { preparedLaptop } from './prepared-laptop';

const ITEMS = ['knowledge', 'reasoning', 'communication', 'professionalism'];

/** The marks and absences as stored, without the columns that name the machine that stored them. */
async function stored(core: Core, sessionId: string) {
  const marks = await core.db
    .selectFrom('interview_marks')
    .select(['id', 'event_id', 'candidate_id', 'interviewer', 'item_key', 'value', 'unable', 'supersedes_json', 'actor', 'hlc'])
    .where('session_id', '=', sessionId)
    .orderBy('id')
    .execute();
  const absences = await core.db
    .selectFrom('interview_absences')
    .select(['id', 'event_id', 'candidate_id', 'actor', 'hlc'])
    .where('session_id', '=', sessionId)
    .orderBy('id')
    .execute();
  return { marks, absences };
}

describe('station bundles of many scores', () => {
  it('a bundle of more than a hundred scores arrives whole; the next one adds only what is new, counted exactly', async () => {
    const { co, lap, sessionId } = await preparedLaptop(30, 3);
    const rng = createRng(11);
    const score = async (from: number, to: number) => {
      for (let cand = from; cand <= to; cand++)
        for (const item of ITEMS)
          await ok(lap.core, lap.session, 'interview.setScore', {
            sessionId,
            candidate: String(cand),
            item,
            score: rng.int(10, 25),
          });
    };

    await score(1, 29); // 116 marks: more than one statement's worth
    const first = await ok(lap.core, lap.session, 'stations.exportBundle', {});
    const r1 = await ok(co.core, co.session, 'stations.import', first);
    expect(r1).toMatchObject({ kind: 'bundle', marksAdded: 116, absencesAdded: 0, alreadyImported: false, conflicts: 0 });

    // A correction, one more candidate and an absence: the second bundle carries the whole chain again.
    await ok(lap.core, lap.session, 'interview.setScore', { sessionId, candidate: '1', item: 'knowledge', score: 24.5 });
    await ok(lap.core, lap.session, 'interview.markAbsent', { sessionId, candidate: '30' });
    const second = await ok(lap.core, lap.session, 'stations.exportBundle', {});
    const r2 = await ok(co.core, co.session, 'stations.import', second);
    expect(r2).toMatchObject({ marksAdded: 1, absencesAdded: 1, alreadyImported: false, conflicts: 0 });
    expect(r2.eventsAdded).toBe(2);
    expect(r1.eventsAdded + r2.eventsAdded).toBe(
      Number(
        (
          await lap.core.db
            .selectFrom('events')
            .select((e) => e.fn.countAll().as('n'))
            .where('station_id', '=', lap.core.stationId)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );

    // The coordinator holds exactly the laptop's facts, and importing either bundle again changes nothing.
    expect(await stored(co.core, sessionId)).toEqual(await stored(lap.core, sessionId));
    for (const b of [first, second])
      expect(await ok(co.core, co.session, 'stations.import', b)).toMatchObject({
        alreadyImported: true,
        eventsAdded: 0,
        marksAdded: 0,
      });
    expect(await stored(co.core, sessionId)).toEqual(await stored(lap.core, sessionId));
    expect((await verifyAuditChain(co.core.db)).ok).toBe(true);
  });

  it('reports the conflicts of the session after the import, the marks stored before it included', async () => {
    const { co, lap, sessionId } = await preparedLaptop(6, 5);
    const mark = (core: Core, session: string, candidate: string, item: string, score: number, interviewer?: string) =>
      ok(core, session, 'interview.setScore', { sessionId, candidate, item, score, ...(interviewer ? { interviewer } : {}) });
    // Paper marks at the coordinator for iv1: two differ from what the laptop will record, one agrees.
    await mark(co.core, co.session, '1', 'knowledge', 20, 'iv1');
    await mark(co.core, co.session, '2', 'knowledge', 21, 'iv1');
    await mark(co.core, co.session, '3', 'knowledge', 15, 'iv1');
    for (const cand of ['1', '2', '3']) await mark(lap.core, lap.session, cand, 'knowledge', 15);
    const first = await ok(lap.core, lap.session, 'stations.exportBundle', {});
    expect(await ok(co.core, co.session, 'stations.import', first)).toMatchObject({ marksAdded: 3, conflicts: 2 });

    // The next bundle carries the same marks again and one more: still the same two conflicts, one new mark.
    await mark(lap.core, lap.session, '4', 'knowledge', 18);
    const second = await ok(lap.core, lap.session, 'stations.exportBundle', {});
    expect(await ok(co.core, co.session, 'stations.import', second)).toMatchObject({ marksAdded: 1, conflicts: 2 });
    // The laptop corrects candidate 1 to the paper value: its new mark supersedes its old one, one conflict left.
    await mark(lap.core, lap.session, '1', 'knowledge', 20);
    const third = await ok(lap.core, lap.session, 'stations.exportBundle', {});
    expect(await ok(co.core, co.session, 'stations.import', third)).toMatchObject({ marksAdded: 1, conflicts: 1 });
  });
});
