/**
 * Training status (在培 / 暂停 / 延期 / 退培 / 结业): every change carries a reason and an effective date,
 * is kept in trainee_status_changes and audited in the same transaction. 结业 is recorded by hand for now;
 * the completion flow will record it once it exists.
 */
import type { TraineeDetail, TraineeStatus } from '../../shared/contract/trainees';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { requireRealDate } from './dates';
import { traineeDetail } from './detail';
import { findTrainee } from './find';
import { checkTransition } from './rules/status';
import type { TraineeTable } from './tables';
import { formatDate } from '../../shared/dates';

/** Nothing is recorded as happening before training started, or before the last recorded change. */
export async function checkEffectiveDate(tx: Tx, t: TraineeTable, date: string, what: string): Promise<string> {
  requireRealDate(date, what);
  if (date < t.start_date) {
    throw new AppError(
      'TRAINEE_BAD_DATE',
      `${what} ${formatDate(date)} 早于 ${t.name} 的培训开始日期 ${formatDate(t.start_date)}，请核对。`,
    );
  }
  const last = await tx
    .selectFrom('trainee_status_changes')
    .select('effective_date')
    .where('trainee_id', '=', t.id)
    .orderBy('effective_date', 'desc')
    .executeTakeFirst();
  if (last && date < last.effective_date) {
    throw new AppError(
      'TRAINEE_BAD_DATE',
      `${what} ${formatDate(date)} 早于上一次状态变更的生效日期 ${formatDate(last.effective_date)}，请核对。`,
    );
  }
  return date;
}

export async function setTraineeStatus(
  core: Core,
  actor: Actor,
  input: { id: string; status: TraineeStatus; effectiveDate: string; reason: string },
): Promise<TraineeDetail> {
  return core.db.transaction().execute(async (tx) => {
    const t = await findTrainee(tx, input.id);
    checkTransition(t.name, t.status, input.status);
    const effectiveDate = await checkEffectiveDate(tx, t, input.effectiveDate, '生效日期');
    const at = isoNow(core.clock);
    await tx
      .insertInto('trainee_status_changes')
      .values({
        id: uuidv7(core.clock.nowMs()),
        trainee_id: t.id,
        from_status: t.status,
        to_status: input.status,
        effective_date: effectiveDate,
        reason: input.reason,
        actor: actor.username,
        at,
      })
      .execute();
    await tx.updateTable('trainees').set({ status: input.status, updated_at: at }).where('id', '=', t.id).execute();
    await appendEvent(tx, core, actor.username, {
      action: 'trainee.status',
      entity: 'trainee',
      entityId: t.id,
      before: { status: t.status },
      after: { status: input.status, effectiveDate },
      reason: input.reason,
    });
    return traineeDetail(tx, await findTrainee(tx, t.id));
  });
}
