/**
 * 变更专业 / 变更基地, kept as history (trainee_transfers) and audited. A specialty change moves the trainee
 * to the new specialty; a base change records where they went or came from (the registry keeps the row).
 */
import type { TraineeDetail } from '../../shared/contract/trainees';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import { loadCatalogue, matchSpecialty } from '../catalogue/catalogue';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { traineeDetail } from './detail';
import { findTrainee } from './find';
import { checkEffectiveDate } from './status';
import type { TraineeTable } from './tables';

type TransferInput = { id: string; kind: 'specialty' | 'base'; after: string; effectiveDate: string; reason: string };

async function specialtyAfter(tx: Tx, t: TraineeTable, raw: string): Promise<{ before: string; after: string }> {
  const s = matchSpecialty(await loadCatalogue(tx), raw);
  if (!s) {
    throw new AppError('TRAINEE_UNKNOWN_SPECIALTY', `“${raw}”不在本基地专业目录中，请核对专业名称或代码。`);
  }
  return { before: t.specialty_code, after: s.code };
}

/** The base a trainee is at: the last base transfer's destination, or this base. */
async function baseAfter(tx: Tx, t: TraineeTable, raw: string): Promise<{ before: string; after: string }> {
  const last = await tx
    .selectFrom('trainee_transfers')
    .select('after')
    .where('trainee_id', '=', t.id)
    .where('kind', '=', 'base')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return { before: last?.after ?? (await requireBase(tx)).name, after: raw.trim() };
}

export async function transferTrainee(core: Core, actor: Actor, input: TransferInput): Promise<TraineeDetail> {
  return core.db.transaction().execute(async (tx) => {
    const t = await findTrainee(tx, input.id);
    if (t.status === 'withdrawn' || t.status === 'completed') {
      throw new AppError(
        'TRAINEE_NOT_IN_TRAINING',
        `${t.name} 已${t.status === 'withdrawn' ? '退培' : '结业'}，不能变更专业或基地。`,
      );
    }
    const effectiveDate = await checkEffectiveDate(tx, t, input.effectiveDate, '变更日期');
    const { before, after } =
      input.kind === 'specialty' ? await specialtyAfter(tx, t, input.after) : await baseAfter(tx, t, input.after);
    if (before === after) {
      throw new AppError(
        'TRAINEE_TRANSFER_UNCHANGED',
        `${t.name} 当前${input.kind === 'specialty' ? '专业' : '基地'}已是“${input.after}”，无需变更。`,
      );
    }
    const at = isoNow(core.clock);
    await tx
      .insertInto('trainee_transfers')
      .values({
        id: uuidv7(core.clock.nowMs()),
        trainee_id: t.id,
        kind: input.kind,
        before,
        after,
        effective_date: effectiveDate,
        reason: input.reason,
        actor: actor.username,
        at,
      })
      .execute();
    if (input.kind === 'specialty') {
      await tx.updateTable('trainees').set({ specialty_code: after, updated_at: at }).where('id', '=', t.id).execute();
    }
    await appendEvent(tx, core, actor.username, {
      action: `trainee.transfer-${input.kind}`,
      entity: 'trainee',
      entityId: t.id,
      before: { [input.kind]: before },
      after: { [input.kind]: after, effectiveDate },
      reason: input.reason,
    });
    return traineeDetail(tx, await findTrainee(tx, t.id));
  });
}
