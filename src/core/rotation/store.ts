/**
 * Writing a trainee's plan: blocks that did not change keep their id (exit-exam results and manual edits
 * refer to it), the rest are replaced; the plan row records who planned it, and a change after the base
 * approved it is flagged with its reason. Always called inside the caller's transaction, next to its event.
 */
import { AppError } from '../../shared/errors';
import type { Actor, Core, Tx, WriteTx } from '../context';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { slotEndDate, slotStartDate } from './rules';
import type { Block } from './rules/types';
import type { PlanStatus, RotationBlockTable } from './tables';
import { blockRange } from './world';

export async function planRow(tx: Tx, traineeId: string) {
  return tx.selectFrom('rotation_plans').selectAll().where('trainee_id', '=', traineeId).executeTakeFirst();
}

/** After the base approved a plan, changing it needs a reason (it is audited and reported to the province). */
export function requireReasonIfApproved(status: PlanStatus | undefined, reason: string | undefined, who: string): void {
  if (status !== undefined && status !== 'draft' && !reason) {
    throw new AppError('ROTATION_REASON_REQUIRED', `${who}的轮转计划已经基地审核通过，修改需要填写原因。`);
  }
}

const sameBlock = (a: Block, b: RotationBlockTable): boolean => {
  const r = blockRange(b);
  return (
    r.from === a.from && r.to === a.to && b.department_id === a.departmentId && b.standard_department === a.standardDepartment
  );
};

const sameStart = (a: Block, b: RotationBlockTable): boolean =>
  a.fixed &&
  blockRange(b).from === a.from &&
  b.department_id === a.departmentId &&
  b.standard_department === a.standardDepartment;

export type SaveOptions = { schemeId: string | null; reason?: string | undefined; flag?: string | null | undefined };

/** Replaces the trainee's blocks with `blocks` (fixed ones are already stored and stay as they are). */
export async function savePlan(
  tx: WriteTx,
  core: Core,
  actor: Actor,
  traineeId: string,
  blocks: readonly Block[],
  opts: SaveOptions,
) {
  const stored = await tx.selectFrom('rotation_blocks').selectAll().where('trainee_id', '=', traineeId).execute();
  const keep = new Set<string>();
  const now = isoNow(core.clock);
  for (const b of blocks) {
    const same = stored.find((s) => !keep.has(s.id) && sameBlock(b, s));
    if (same) {
      keep.add(same.id);
      continue;
    }
    // Leave that starts inside the block being served cuts it short: the same block, a new end.
    const cut = stored.find((s) => !keep.has(s.id) && sameStart(b, s));
    if (cut) {
      keep.add(cut.id);
      await tx
        .updateTable('rotation_blocks')
        .set({ end_date: slotEndDate(b.to - 1) })
        .where('id', '=', cut.id)
        .execute();
      continue;
    }
    const id = uuidv7(core.clock.nowMs());
    keep.add(id);
    await tx
      .insertInto('rotation_blocks')
      .values({
        id,
        trainee_id: traineeId,
        department_id: b.departmentId,
        standard_department: b.standardDepartment,
        start_date: slotStartDate(b.from),
        end_date: slotEndDate(b.to - 1),
        actual_start: null,
        actual_end: null,
        exit_exam_date: null,
        exit_exam_result: null,
        retake_of: null,
        created_at: now,
      })
      .execute();
  }
  const gone = stored.filter((s) => !keep.has(s.id)).map((s) => s.id);
  if (gone.length > 0) {
    await tx.updateTable('rotation_blocks').set({ retake_of: null }).where('retake_of', 'in', gone).execute();
    await tx.deleteFrom('rotation_blocks').where('id', 'in', gone).execute();
  }
  await linkRetakes(tx, traineeId);
  await upsertPlanRow(tx, core, actor, traineeId, blocks, opts);
}

/** Each failed block points its 补轮 to the earliest later block of the same standard department not yet taken. */
async function linkRetakes(tx: Tx, traineeId: string): Promise<void> {
  const blocks = await tx
    .selectFrom('rotation_blocks')
    .selectAll()
    .where('trainee_id', '=', traineeId)
    .orderBy('start_date')
    .execute();
  const taken = new Set(blocks.map((b) => b.retake_of).filter((x): x is string => x !== null));
  const used = new Set(blocks.filter((b) => b.retake_of !== null).map((b) => b.id));
  for (const failed of blocks.filter((b) => b.exit_exam_result === 'fail' && !taken.has(b.id))) {
    const retake = blocks.find(
      (b) => !used.has(b.id) && b.standard_department === failed.standard_department && b.start_date > failed.end_date,
    );
    if (!retake) continue;
    used.add(retake.id);
    await tx.updateTable('rotation_blocks').set({ retake_of: failed.id }).where('id', '=', retake.id).execute();
  }
}

export function planEndDate(blocks: readonly { to: number }[]): string | null {
  const end = blocks.reduce((m, b) => Math.max(m, b.to), 0);
  return end === 0 ? null : slotEndDate(end - 1);
}

async function upsertPlanRow(tx: Tx, core: Core, actor: Actor, traineeId: string, blocks: readonly Block[], opts: SaveOptions) {
  const now = isoNow(core.clock);
  const existing = await planRow(tx, traineeId);
  const end = planEndDate(blocks);
  if (!existing) {
    await tx
      .insertInto('rotation_plans')
      .values({
        trainee_id: traineeId,
        scheme_id: opts.schemeId,
        status: 'draft',
        planned_at: now,
        planned_by: actor.username,
        approved_at: null,
        approved_by: null,
        submitted_at: null,
        confirmed_at: null,
        started_at: null,
        changed_after_approval: 0,
        change_reason: null,
        planned_end: end,
        end_flag: opts.flag ?? null,
        updated_at: now,
      })
      .execute();
    return;
  }
  const approved = existing.status !== 'draft';
  await tx
    .updateTable('rotation_plans')
    .set({
      scheme_id: opts.schemeId ?? existing.scheme_id,
      planned_at: now,
      planned_by: actor.username,
      // An approved plan keeps the end it was approved with, so an extension stays visible against it.
      planned_end: approved ? existing.planned_end : end,
      changed_after_approval: approved ? 1 : existing.changed_after_approval,
      change_reason: approved ? (opts.reason ?? existing.change_reason) : existing.change_reason,
      end_flag: opts.flag === undefined ? existing.end_flag : opts.flag,
      updated_at: now,
    })
    .where('trainee_id', '=', traineeId)
    .execute();
}
