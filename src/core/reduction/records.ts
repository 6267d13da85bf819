/**
 * The reduction record per applicant: the 申请表 facts, the 审批表 outcome the province decided (recorded by
 * the base, never decided here), and the applicant's signed agreement. Every change is audited in the same
 * transaction; a refused change writes nothing.
 */
import type { ReductionFacts, ReductionList, ReductionRow } from '../../shared/contract/reduction';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { cohortContext, describeApplicants, findApplicant, type CohortContext, type ReductionApplicant } from './applicants';
import { checkOutcome, experienceRowsRequired, reviewDeadline } from './rules';
import type { ReductionRecordTable } from './tables';
import { rowsFor } from './view';

/** Everyone with a record, or who asked for a reduction on the roster (报名时申请减免). */
export async function listReductions(tx: Tx): Promise<ReductionList> {
  const ctx = await cohortContext(tx);
  const recorded = tx.selectFrom('reduction_records').select('applicant_id');
  const applicants = await tx
    .selectFrom('applicants')
    .selectAll()
    .where('cohort_year', '=', ctx.cohortYear)
    .where((eb) => eb.or([eb('reduction_years', '>', 0), eb('id', 'in', recorded)]))
    .orderBy('name_initials')
    .orderBy('id')
    .execute();
  return {
    cohortYear: ctx.cohortYear,
    province: ctx.province,
    reviewDeadline: reviewDeadline(ctx.province, ctx.cohortYear),
    experienceRows: experienceRowsRequired(ctx.province),
    rows: await rowsFor(tx, ctx, await describeApplicants(tx, ctx, applicants)),
  };
}

export async function oneRow(tx: Tx, ctx: CohortContext, applicantId: string): Promise<ReductionRow> {
  const a = await findApplicant(tx, ctx.cohortYear, applicantId);
  const [row] = await rowsFor(tx, ctx, await describeApplicants(tx, ctx, [a]));
  return row!;
}

export async function requirePerson(tx: Tx, ctx: CohortContext, target: string): Promise<ReductionApplicant> {
  const a = await findApplicant(tx, ctx.cohortYear, target);
  const [p] = await describeApplicants(tx, ctx, [a]);
  if (p!.program === 'agp') {
    throw new AppError('REDUCTION_AGP_NONE', `${a.name} 报考助理全科医生培训：助理全科培训没有年限减免。未做任何更改。`);
  }
  return p!;
}

async function upsert(tx: Tx, core: Core, ctx: CohortContext, applicantId: string, patch: Partial<ReductionRecordTable>) {
  const now = isoNow(core.clock);
  await tx
    .insertInto('reduction_records')
    .values({
      applicant_id: applicantId,
      cohort_year: ctx.cohortYear,
      facts_json: patch.facts_json ?? '{}',
      makeup_json: patch.makeup_json ?? '[]',
      created_at: now,
      ...patch,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('applicant_id').doUpdateSet({ ...patch, updated_at: now }))
    .execute();
}

/** Apply a change to one person's record in one transaction, with its event. */
export async function changeRecord(
  core: Core,
  actor: Actor,
  target: string,
  action: string,
  reason: string | null,
  patchOf: (p: ReductionApplicant, before: ReductionRow) => Partial<ReductionRecordTable>,
): Promise<ReductionRow> {
  return core.db.transaction().execute(async (tx) => {
    const ctx = await cohortContext(tx);
    const p = await requirePerson(tx, ctx, target);
    const before = await oneRow(tx, ctx, p.a.id);
    await upsert(tx, core, ctx, p.a.id, patchOf(p, before));
    const after = await oneRow(tx, ctx, p.a.id);
    await appendEvent(tx, core, actor.username, { action, entity: 'reduction', entityId: p.a.id, before, after, reason });
    return after;
  });
}

export function applyFacts(
  core: Core,
  actor: Actor,
  input: { applicant: string; facts: ReductionFacts; reason?: string | undefined },
) {
  return changeRecord(core, actor, input.applicant, 'reduction.apply', input.reason ?? null, () => ({
    facts_json: JSON.stringify(input.facts),
  }));
}

export function recordOutcome(
  core: Core,
  actor: Actor,
  input: {
    applicant: string;
    monthsGranted: number;
    makeup: Array<{ department: string; months: number }>;
    decidedOn: string;
    note?: string | undefined;
  },
) {
  return changeRecord(core, actor, input.applicant, 'reduction.record', input.note ?? null, (p) => {
    const makeup = checkOutcome(input, p.defaultYears);
    return {
      months_granted: input.monthsGranted,
      makeup_json: JSON.stringify(makeup),
      decided_on: input.decidedOn,
      decision_note: input.note ?? null,
      recorded_by: actor.username,
      recorded_at: isoNow(core.clock),
    };
  });
}

export function recordAgreement(core: Core, actor: Actor, input: { applicant: string; signedOn: string }) {
  return changeRecord(core, actor, input.applicant, 'reduction.agreement', null, (_p, before) => {
    if (before.outcome === null) {
      throw new AppError(
        'REDUCTION_NO_OUTCOME',
        `${before.name} 还没有认定的培训年限：先登记审批结果，再登记本人对认定年限的书面意见。`,
      );
    }
    return { agreement_signed_on: input.signedOn, agreement_recorded_by: actor.username };
  });
}
