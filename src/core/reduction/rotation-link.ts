/**
 * Hands the 审批表's "需要补足培训时间的培训内容" to the rotation plan. The planner reads a reduced-year trainee's
 * make-up list from the trainee registry ("缺什么、补什么", seed 002 八（二）), so this writes it there through the
 * registry's own audited operation, which also refuses a trainee whose length was not reduced.
 */
import type { ReductionRow } from '../../shared/contract/reduction';
import { AppError } from '../../shared/errors';
import type { Actor, Core } from '../context';
import { setMustServe } from '../trainees/must-serve';
import { cohortContext } from './applicants';
import { oneRow } from './records';

async function stateOf(core: Core, applicant: string): Promise<{ row: ReductionRow; traineeId: string }> {
  return core.db.transaction().execute(async (tx) => {
    const ctx = await cohortContext(tx);
    const row = await oneRow(tx, ctx, applicant);
    const link = row.rotation;
    if (link.state === 'no-outcome') {
      throw new AppError('REDUCTION_NO_OUTCOME', `${row.name} 没有登记减免的审批结果，没有需补足的培训内容可交给轮转计划。`);
    }
    if (link.state === 'not-enrolled') {
      throw new AppError('REDUCTION_NOT_ENROLLED', `${row.name} 尚未入培（不在学员名册中）：入培后再交给轮转计划。`);
    }
    if (link.state === 'years-differ') {
      throw new AppError(
        'REDUCTION_YEARS_DIFFER',
        `学员名册中 ${row.name} 的培训年限为 ${link.traineeYears} 年，审批表认定为 ${link.expectedYears} 年：请先在“培训年限”中登记省级审核结果并调整名册，再交给轮转计划。`,
      );
    }
    const t = await tx.selectFrom('trainees').select('id').where('applicant_id', '=', row.applicantId).executeTakeFirstOrThrow();
    return { row, traineeId: t.id };
  });
}

export async function applyToRotation(
  core: Core,
  actor: Actor,
  input: { applicant: string; reason: string },
): Promise<ReductionRow> {
  const { row, traineeId } = await stateOf(core, input.applicant);
  if (row.rotation.state !== 'applied') {
    const mustServe = row.outcome!.makeup.map((m) => ({ standardDepartment: m.department, months: m.months }));
    await setMustServe(core, actor, { id: traineeId, mustServe, reason: input.reason });
  }
  return core.db.transaction().execute(async (tx) => oneRow(tx, await cohortContext(tx), row.applicantId));
}
