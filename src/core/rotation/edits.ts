/**
 * Manual edits of a plan (move, split, swap). Each edit is applied, the plans are checked again with the
 * rules' `checkPlans`, and an edit that adds a broken rule is refused with that rule's message: the
 * transaction rolls back and nothing is saved. Blocks already begun are history and cannot be edited.
 */
import type { TraineePlanView } from '../../shared/contract/rotation';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { blockSummary } from './plans';
import { slotEndDate, slotStartDate, slotStartingOn } from './rules';
import type { Violation } from './rules/types';
import { planRow, requireReasonIfApproved } from './store';
import { traineeById, type RotationTrainee } from './trainees';
import { planView, violationsOf } from './views';
import { loadWorld, nowSlot, type StoredBlock, type World } from './world';
import { formatDate } from '../../shared/dates';

export type MoveInput = {
  blockId: string;
  departmentId?: string | undefined;
  start?: string | undefined;
  reason?: string | undefined;
};
export type SplitInput = { blockId: string; at: string; departmentId?: string | undefined; reason?: string | undefined };
export type SwapInput = { a: string; b: string; reason?: string | undefined };

const key = (v: Violation): string => [v.code, v.traineeId, v.departmentId, v.from, v.to, v.message].join('|');

function findBlock(world: World, id: string): { block: StoredBlock; trainee: RotationTrainee } {
  for (const [traineeId, blocks] of world.blocks) {
    const block = blocks.find((b) => b.id === id);
    const trainee = world.traineeById.get(traineeId);
    if (block && trainee) return { block, trainee };
  }
  throw new AppError('ROTATION_BLOCK_NOT_FOUND', '找不到这段轮转，请刷新后重试。');
}

function requireFuture(core: Core, b: StoredBlock, t: RotationTrainee): void {
  if (b.from < nowSlot(core)) {
    throw new AppError('ROTATION_BLOCK_PAST', `${t.name}在 ${b.start_date} 开始的轮转已经开始或结束，不能再调整。`);
  }
}

function requireDepartment(world: World, id: string | undefined): void {
  if (id !== undefined && !world.departmentById.has(id)) throw new AppError('DEPT_NOT_FOUND', '找不到该科室，请刷新后重试。');
}

const dates = (from: number, to: number) => ({ start_date: slotStartDate(from), end_date: slotEndDate(to - 1) });

/** Runs `apply` and keeps it only when it breaks no rule that was not already broken. */
async function editChecked(
  core: Core,
  actor: string,
  traineeIds: string[],
  reason: string | undefined,
  action: string,
  apply: (tx: Tx, world: World) => Promise<void>,
): Promise<TraineePlanView[]> {
  return core.db.transaction().execute(async (tx) => {
    const world = await loadWorld(tx);
    for (const id of traineeIds) {
      requireReasonIfApproved((await planRow(tx, id))?.status, reason, world.traineeById.get(id)?.name ?? '该学员');
    }
    const before = new Set(violationsOf(world).map(key));
    await apply(tx, world);
    const after = await loadWorld(tx);
    const added = violationsOf(after).filter((v) => !before.has(key(v)));
    if (added.length > 0) {
      throw new AppError('ROTATION_EDIT_BREAKS_RULE', `不能这样调整：${added[0]!.message}。未保存任何更改。`, {
        violations: added.map((v) => ({ code: v.code, message: v.message })),
      });
    }
    const views: TraineePlanView[] = [];
    for (const id of traineeIds) {
      await markEdited(tx, core, id, reason);
      await appendEvent(tx, core, actor, {
        action,
        entity: 'rotation_plan',
        entityId: id,
        before: { blocks: (world.blocks.get(id) ?? []).map(blockSummary) },
        after: { blocks: (after.blocks.get(id) ?? []).map(blockSummary) },
        reason: reason ?? null,
      });
      views.push(await planView(tx, after, (await traineeById(tx, id))!));
    }
    return views;
  });
}

async function markEdited(tx: Tx, core: Core, traineeId: string, reason: string | undefined): Promise<void> {
  const plan = await planRow(tx, traineeId);
  if (!plan || plan.status === 'draft') return;
  await tx
    .updateTable('rotation_plans')
    .set({ changed_after_approval: 1, change_reason: reason ?? plan.change_reason, updated_at: isoNow(core.clock) })
    .where('trainee_id', '=', traineeId)
    .execute();
}

export async function moveBlock(core: Core, actor: string, input: MoveInput): Promise<TraineePlanView> {
  const world = await loadWorld(core.db);
  const { trainee } = findBlock(world, input.blockId);
  const [view] = await editChecked(core, actor, [trainee.id], input.reason, 'rotation.moveBlock', async (tx, w) => {
    const { block: b } = findBlock(w, input.blockId);
    requireFuture(core, b, trainee);
    requireDepartment(w, input.departmentId);
    const from = input.start ? slotStartingOn(input.start) : b.from;
    if (input.start) requireFuture(core, { ...b, from, start_date: input.start }, trainee);
    await tx
      .updateTable('rotation_blocks')
      .set({ department_id: input.departmentId ?? b.department_id, ...dates(from, from + b.to - b.from) })
      .where('id', '=', b.id)
      .execute();
  });
  return view!;
}

export async function splitBlock(core: Core, actor: string, input: SplitInput): Promise<TraineePlanView> {
  const world = await loadWorld(core.db);
  const { trainee } = findBlock(world, input.blockId);
  const [view] = await editChecked(core, actor, [trainee.id], input.reason, 'rotation.splitBlock', async (tx, w) => {
    const { block: b } = findBlock(w, input.blockId);
    requireFuture(core, b, trainee);
    requireDepartment(w, input.departmentId);
    const at = slotStartingOn(input.at);
    if (at <= b.from || at >= b.to) {
      throw new AppError(
        'ROTATION_SPLIT_OUTSIDE',
        `拆分日期 ${formatDate(input.at)} 应在这段轮转（${formatDate(b.start_date)} 至 ${formatDate(b.end_date)}）之内、开始日之后。`,
      );
    }
    await tx.updateTable('rotation_blocks').set(dates(b.from, at)).where('id', '=', b.id).execute();
    await tx
      .insertInto('rotation_blocks')
      .values({
        id: uuidv7(core.clock.nowMs()),
        trainee_id: b.trainee_id,
        department_id: input.departmentId ?? b.department_id,
        standard_department: b.standard_department,
        ...dates(at, b.to),
        actual_start: null,
        actual_end: null,
        exit_exam_date: null,
        exit_exam_result: null,
        retake_of: null,
        created_at: isoNow(core.clock),
      })
      .execute();
  });
  return view!;
}

/**
 * Two blocks of one trainee of the same length exchange their dates; blocks of two trainees over the same
 * dates exchange departments (e.g. two 病区 of one standard department).
 */
export async function swapBlocks(core: Core, actor: string, input: SwapInput): Promise<TraineePlanView[]> {
  const world = await loadWorld(core.db);
  const a = findBlock(world, input.a);
  const b = findBlock(world, input.b);
  const ids = [...new Set([a.trainee.id, b.trainee.id])];
  return editChecked(core, actor, ids, input.reason, 'rotation.swapBlocks', async (tx, w) => {
    const x = findBlock(w, input.a).block;
    const y = findBlock(w, input.b).block;
    requireFuture(core, x, a.trainee);
    requireFuture(core, y, b.trainee);
    if (a.trainee.id === b.trainee.id) {
      if (x.to - x.from !== y.to - y.from) {
        throw new AppError('ROTATION_SWAP_LENGTH', '同一学员的两段轮转长度不同，不能直接交换；请改用调整或拆分。');
      }
      await tx.updateTable('rotation_blocks').set(dates(y.from, y.to)).where('id', '=', x.id).execute();
      await tx.updateTable('rotation_blocks').set(dates(x.from, x.to)).where('id', '=', y.id).execute();
      return;
    }
    if (x.from !== y.from || x.to !== y.to) {
      throw new AppError('ROTATION_SWAP_DATES', '两名学员交换科室时，两段轮转的起止日期须相同。');
    }
    await tx.updateTable('rotation_blocks').set({ department_id: y.department_id }).where('id', '=', x.id).execute();
    await tx.updateTable('rotation_blocks').set({ department_id: x.department_id }).where('id', '=', y.id).execute();
  });
}
