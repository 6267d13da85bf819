/**
 * Candidates for a year's completion exam: proposed from the registry and the rotation plans (idempotent:
 * a second run adds only new people and refreshes the end dates of those not yet decided), added or edited
 * by the coordinator with a reason. Every change is audited in its transaction.
 */
import type { ExamCandidateList, ExamCandidateView, ExamProposal, ExamSubject } from '../../shared/contract/exam';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx, WriteTx } from '../context';
import { findTrainee } from '../trainees/find';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { calendarFor } from './calendars';
import { factsContext, factsOf } from './facts';
import { proposeCandidates, proposeOne, subjectsToSit, trainingEnd, type Proposal } from './rules';
import type { ExamCandidateTable } from './tables';
import { candidateRows, subjectsOf, viewsFor } from './views';

async function insertProposal(
  tx: WriteTx,
  core: Core,
  actor: Actor,
  year: number,
  p: Proposal,
  reason: string | undefined,
): Promise<void> {
  const id = uuidv7(core.clock.nowMs());
  const now = isoNow(core.clock);
  await tx
    .insertInto('exam_candidates')
    .values({
      id,
      year,
      trainee_id: p.traineeId,
      retake: p.retake ? 1 : 0,
      subjects_json: JSON.stringify(p.subjects),
      training_end: p.trainingEnd,
      source: 'proposed',
      status: 'proposed',
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await appendEvent(tx, core, actor.username, {
    action: 'exam.propose',
    entity: 'exam_candidate',
    entityId: id,
    after: { year, traineeId: p.traineeId, subjects: p.subjects, retake: p.retake, trainingEnd: p.trainingEnd },
    reason: reason ?? null,
  });
}

/** The plan moved (leave, 补轮) since the last run: an undecided candidate's end date must be today's. */
async function refreshEnd(
  tx: WriteTx,
  core: Core,
  actor: Actor,
  c: ExamCandidateTable,
  end: string,
  reason: string | undefined,
): Promise<boolean> {
  if (c.status !== 'proposed' || c.training_end === end) return false;
  await tx
    .updateTable('exam_candidates')
    .set({ training_end: end, updated_at: isoNow(core.clock) })
    .where('id', '=', c.id)
    .execute();
  await appendEvent(tx, core, actor.username, {
    action: 'exam.refresh',
    entity: 'exam_candidate',
    entityId: c.id,
    before: { trainingEnd: c.training_end },
    after: { trainingEnd: end },
    reason: reason ?? null,
  });
  return true;
}

export async function proposeYear(core: Core, actor: Actor, year: number, reason?: string): Promise<ExamProposal> {
  return core.db.transaction().execute(async (tx) => {
    const { calendar } = await calendarFor(tx, year);
    const ctx = await factsContext(tx);
    const trainees = await tx.selectFrom('trainees').selectAll().orderBy('cohort_year').orderBy('id').execute();
    const facts = new Map(trainees.map((t) => [t.id, factsOf(ctx, t)]));
    const { proposals, notProposed } = proposeCandidates([...facts.values()], calendar);
    const existing = new Map(
      (await tx.selectFrom('exam_candidates').selectAll().where('year', '=', year).execute()).map((c) => [c.trainee_id, c]),
    );
    let added = 0;
    for (const p of proposals.filter((p) => !existing.has(p.traineeId))) {
      await insertProposal(tx, core, actor, year, p, reason);
      added++;
    }
    let refreshed = 0;
    for (const c of existing.values()) {
      const f = facts.get(c.trainee_id);
      if (f && (await refreshEnd(tx, core, actor, c, trainingEnd(f), reason))) refreshed++;
    }
    const byId = new Map(trainees.map((t) => [t.id, t]));
    return {
      year,
      added,
      refreshed,
      notProposed: notProposed
        .filter((n) => !existing.has(n.traineeId))
        .map((n) => ({
          traineeId: n.traineeId,
          name: byId.get(n.traineeId)!.name,
          idNumber: maskIdNumber(byId.get(n.traineeId)!.id_number),
          reason: n.reason,
        })),
    };
  });
}

export async function listCandidates(
  core: Core,
  input: { year: number; reveal: boolean; program?: 'residency' | 'agp' | undefined },
): Promise<ExamCandidateList> {
  const tx = core.db;
  const { calendar } = await calendarFor(tx, input.year);
  const rows = await candidateRows(tx, input.year, input.program ? { program: input.program } : {});
  return { year: input.year, revealed: input.reveal, candidates: await viewsFor(tx, core, calendar, rows, input.reveal) };
}

export async function findCandidate(tx: Tx, year: number, who: string): Promise<ExamCandidateTable> {
  const t = await findTrainee(tx, who);
  const c = await tx
    .selectFrom('exam_candidates')
    .selectAll()
    .where('year', '=', year)
    .where('trainee_id', '=', t.id)
    .executeTakeFirst();
  if (!c) {
    throw new AppError(
      'EXAM_NOT_CANDIDATE',
      `${t.name}（${maskIdNumber(t.id_number)}）不在 ${year} 年结业考核报考人员中。请先生成报考人员，或手工增加。`,
    );
  }
  return c;
}

export async function candidateViewOf(tx: Tx, core: Core, year: number, traineeId: string): Promise<ExamCandidateView> {
  const { calendar } = await calendarFor(tx, year);
  const [view] = await viewsFor(tx, core, calendar, await candidateRows(tx, year, { traineeIds: [traineeId] }), false);
  return view!;
}

export async function addCandidate(
  core: Core,
  actor: Actor,
  input: { year: number; trainee: string; subjects?: ExamSubject[] | undefined; reason: string },
): Promise<ExamCandidateView> {
  return core.db.transaction().execute(async (tx) => {
    const { calendar } = await calendarFor(tx, input.year);
    const t = await findTrainee(tx, input.trainee);
    if (!calendar.programs.includes(t.program)) {
      throw new AppError(
        'EXAM_PROGRAM_NOT_IN_CALENDAR',
        `${calendar.province} ${input.year} 年的结业考核日程不含${t.program === 'agp' ? '助理全科' : '住培'}学员。`,
      );
    }
    const dup = await tx
      .selectFrom('exam_candidates')
      .select('id')
      .where('year', '=', input.year)
      .where('trainee_id', '=', t.id)
      .executeTakeFirst();
    if (dup) throw new AppError('EXAM_CANDIDATE_EXISTS', `${t.name} 已在 ${input.year} 年报考人员中，请直接修改。`);
    const facts = factsOf(await factsContext(tx, [t.id]), t);
    const due = subjectsToSit(facts.results, input.year, calendar.resultValidYears);
    if (due.length === 0)
      throw new AppError('EXAM_ALREADY_PASSED', `${t.name} 的两科结业考核成绩均合格且在有效期内，无需再报考。`);
    const subjects = input.subjects ?? due;
    const proposal = proposeOne(facts, calendar);
    const retake = proposal !== null && 'retake' in proposal ? proposal.retake : facts.results.length > 0;
    const now = isoNow(core.clock);
    const id = uuidv7(core.clock.nowMs());
    const end = trainingEnd(facts);
    await tx
      .insertInto('exam_candidates')
      .values({
        id,
        year: input.year,
        trainee_id: t.id,
        retake: retake ? 1 : 0,
        subjects_json: JSON.stringify(subjects),
        training_end: end,
        source: 'manual',
        status: 'proposed',
        decision_reason: null,
        decided_by: null,
        decided_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'exam.add',
      entity: 'exam_candidate',
      entityId: id,
      after: { year: input.year, traineeId: t.id, subjects, retake, trainingEnd: end },
      reason: input.reason,
    });
    return candidateViewOf(tx, core, input.year, t.id);
  });
}

export async function editCandidate(
  core: Core,
  actor: Actor,
  input: { year: number; trainee: string; subjects?: ExamSubject[] | undefined; withdraw?: boolean | undefined; reason: string },
): Promise<ExamCandidateView> {
  return core.db.transaction().execute(async (tx) => {
    const c = await findCandidate(tx, input.year, input.trainee);
    const subjects = input.subjects ?? subjectsOf(c);
    const status =
      input.withdraw === true ? 'withdrawn' : input.withdraw === false && c.status === 'withdrawn' ? 'proposed' : c.status;
    await tx
      .updateTable('exam_candidates')
      .set({ subjects_json: JSON.stringify(subjects), status, updated_at: isoNow(core.clock) })
      .where('id', '=', c.id)
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'exam.edit',
      entity: 'exam_candidate',
      entityId: c.id,
      before: { subjects: subjectsOf(c), status: c.status },
      after: { subjects, status },
      reason: input.reason,
    });
    return candidateViewOf(tx, core, input.year, c.trainee_id);
  });
}
