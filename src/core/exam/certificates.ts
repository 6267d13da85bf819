/**
 * 合格证书 and 结业: 结业考核成绩合格者，颁发……合格证书 (重庆2024 八). The certificate is recorded for a trainee
 * whose two subjects are passed and still valid and whose training has ended (未完成培训的学员必须……完成剩余
 * 轮转并通过培训基地相关考核，方可申请合格证书, 福建2024 五(六)); the trainee then becomes 结业 through the
 * registry's status history, in the same transaction.
 */
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx, WriteTx } from '../context';
import { checkEffectiveDate } from '../trainees/status';
import { checkTransition } from '../trainees/rules/status';
import { findTrainee } from '../trainees/find';
import type { TraineeTable } from '../trainees/tables';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { calendarFor } from './calendars';
import { factsContext, factsOf } from './facts';
import { passedAll, trainingEnd } from './rules';
import { formatDate } from '../../shared/dates';

/** 单科考核结果 3 年（含考试当年）内有效 (福建2024 四), unless that year's calendar says otherwise. */
async function validYears(tx: Tx, year: number): Promise<number> {
  try {
    return (await calendarFor(tx, year)).calendar.resultValidYears;
  } catch (e) {
    if (e instanceof AppError && e.code === 'EXAM_NO_CALENDAR') return 3;
    throw e;
  }
}

async function markCompleted(
  tx: WriteTx,
  core: Core,
  actor: Actor,
  t: TraineeTable,
  date: string,
  reason: string,
): Promise<void> {
  checkTransition(t.name, t.status, 'completed');
  const effectiveDate = await checkEffectiveDate(tx, t, date, '发证日期');
  const at = isoNow(core.clock);
  await tx
    .insertInto('trainee_status_changes')
    .values({
      id: uuidv7(core.clock.nowMs()),
      trainee_id: t.id,
      from_status: t.status,
      to_status: 'completed',
      effective_date: effectiveDate,
      reason,
      actor: actor.username,
      at,
    })
    .execute();
  await tx.updateTable('trainees').set({ status: 'completed', updated_at: at }).where('id', '=', t.id).execute();
  await appendEvent(tx, core, actor.username, {
    action: 'trainee.status',
    entity: 'trainee',
    entityId: t.id,
    before: { status: t.status },
    after: { status: 'completed', effectiveDate },
    reason,
  });
}

export async function recordCertificate(
  core: Core,
  actor: Actor,
  input: { trainee: string; certNo: string; issuedOn: string; reason?: string | undefined },
): Promise<{ traineeId: string; completed: boolean }> {
  return core.db.transaction().execute(async (tx) => {
    const t = await findTrainee(tx, input.trainee);
    const facts = factsOf(await factsContext(tx, [t.id]), t);
    const year = Number(input.issuedOn.slice(0, 4));
    if (!passedAll(facts.results, year, await validYears(tx, year))) {
      throw new AppError(
        'EXAM_NOT_PASSED',
        `${t.name} 的专业理论和临床实践技能尚未都合格（或合格成绩已超过有效期），不能登记合格证书。`,
      );
    }
    const end = trainingEnd(facts);
    if (end > input.issuedOn) {
      throw new AppError(
        'EXAM_TRAINING_NOT_ENDED',
        `${t.name} 按轮转计划 ${formatDate(end)} 才结束培训，须完成剩余轮转后再登记合格证书。`,
      );
    }
    const taken = await tx
      .selectFrom('exam_certificates')
      .select('trainee_id')
      .where('cert_no', '=', input.certNo)
      .executeTakeFirst();
    if (taken && taken.trainee_id !== t.id)
      throw new AppError('EXAM_CERT_DUPLICATE', `证书编号 ${input.certNo} 已登记给另一名学员，请核对。`);
    const before = await tx.selectFrom('exam_certificates').selectAll().where('trainee_id', '=', t.id).executeTakeFirst();
    const values = { cert_no: input.certNo, issued_on: input.issuedOn, actor: actor.username, at: isoNow(core.clock) };
    await tx
      .insertInto('exam_certificates')
      .values({ trainee_id: t.id, ...values })
      .onConflict((oc) => oc.column('trainee_id').doUpdateSet(values))
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'exam.certificate',
      entity: 'trainee',
      entityId: t.id,
      before: before ? { certNo: before.cert_no, issuedOn: before.issued_on } : null,
      after: { certNo: input.certNo, issuedOn: input.issuedOn },
      reason: input.reason ?? null,
    });
    const completed = t.status !== 'completed';
    if (completed)
      await markCompleted(tx, core, actor, t, input.issuedOn, `结业考核合格，颁发培训合格证书（编号 ${input.certNo}）`);
    return { traineeId: t.id, completed };
  });
}
