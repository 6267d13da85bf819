/**
 * Manual edits of a plan (move, split, swap). Each edit is applied, the plans are checked again with the
 * rules' `checkPlans`, and an edit that adds a broken rule is refused with that rule's message: the
 * transaction rolls back and nothing is saved. Blocks already begun are history and cannot be edited.
 */
import type { TraineePlanView } from '../../shared/contract/rotation';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { blockSummary } from './plans';
import { shiftAndPush, slotEndDate, slotStartDate, slotStartingOn, type ShiftBlock } from './rules';
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
export type ShiftInput = { blockId: string; by: number; reason?: string | undefined };

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
    throw new AppError('ROTATION_BLOCK_PAST', `${t.name}在 ${formatDate(b.start_date)} 开始的轮转已经开始或结束，不能再调整。`);
  }
}

function requireDepartment(world: World, id: string | undefined): void {
  if (id !== undefined && !world.departmentById.has(id)) throw new AppError('DEPT_NOT_FOUND', '找不到该科室，请刷新后重试。');
}

const dates = (from: number, to: number) => ({ start_date: slotStartDate(from), end_date: slotEndDate(to - 1) });

/** Runs `apply` and keeps it only when it breaks no rule that was not already broken. */
async function editChecked(
  core: Core,
  actor: Actor,
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
      await appendEvent(tx, core, actor.username, {
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

export async function moveBlock(core: Core, actor: Actor, input: MoveInput): Promise<TraineePlanView> {
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

export async function splitBlock(core: Core, actor: Actor, input: SplitInput): Promise<TraineePlanView> {
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
export async function swapBlocks(core: Core, actor: Actor, input: SwapInput): Promise<TraineePlanView[]> {
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

const halfMonths = (n: number): string => `${Math.abs(n) / 2} 个月`;

/**
 * Shift-and-push (see rules/shift.ts): the block moves by `by` half months, the blocks it passes close up
 * behind it, the plan keeps its months, start and end. Only blocks not yet begun take part. Refused past the
 * plan's end or before its first block that may still change; a cut that breaks a row's rule is refused by
 * the check like every other edit.
 */
export async function shiftBlock(core: Core, actor: Actor, input: ShiftInput): Promise<TraineePlanView> {
  const world = await loadWorld(core.db);
  const { trainee } = findBlock(world, input.blockId);
  const [view] = await editChecked(core, actor, [trainee.id], input.reason, 'rotation.shiftBlock', async (tx, w) => {
    const { block: b } = findBlock(w, input.blockId);
    requireFuture(core, b, trainee);
    const now = nowSlot(core);
    const movable = (w.blocks.get(trainee.id) ?? []).filter((x) => x.from >= now);
    const r = shiftAndPush(movable.map(asShiftBlock), b.id, input.by, w.leave.get(trainee.id) ?? []);
    if (!r.ok) throw shiftRefusal(r.code, r.limit, input.by, trainee.name);
    await writeShifted(tx, core, b.trainee_id, movable, r.blocks, r.removed);
  });
  return view!;
}

function asShiftBlock(b: StoredBlock): ShiftBlock {
  return {
    id: b.id,
    from: b.from,
    to: b.to,
    departmentId: b.department_id,
    standardDepartment: b.standard_department,
    joinable: b.exit_exam_result === null && b.retake_of === null,
  };
}

function shiftRefusal(code: 'ROTATION_SHIFT_PAST_END' | 'ROTATION_SHIFT_BEFORE_START', limit: number, by: number, name: string) {
  const way = by > 0 ? `推后 ${halfMonths(by)}` : `提前 ${halfMonths(by)}`;
  return code === 'ROTATION_SHIFT_PAST_END'
    ? new AppError(
        code,
        `不能把${name}的这段轮转${way}：会超出计划结束日 ${formatDate(slotEndDate(limit))}，计划总时长不能变。未保存任何更改。`,
      )
    : new AppError(
        code,
        `不能把${name}的这段轮转${way}：最早只能从 ${formatDate(slotStartDate(limit))} 开始（此前的轮转已经开始或结束）。未保存任何更改。`,
      );
}

async function writeShifted(
  tx: Tx,
  core: Core,
  traineeId: string,
  before: readonly StoredBlock[],
  after: readonly ShiftBlock[],
  removed: readonly string[],
): Promise<void> {
  const stored = new Set(before.map((b) => b.id));
  for (const n of after) {
    const values = { department_id: n.departmentId, ...dates(n.from, n.to) };
    if (n.id !== null && stored.has(n.id)) {
      await tx.updateTable('rotation_blocks').set(values).where('id', '=', n.id).execute();
      continue;
    }
    await tx
      .insertInto('rotation_blocks')
      .values({
        id: uuidv7(core.clock.nowMs()),
        trainee_id: traineeId,
        standard_department: n.standardDepartment,
        ...values,
        actual_start: null,
        actual_end: null,
        exit_exam_date: null,
        exit_exam_result: null,
        retake_of: null,
        created_at: isoNow(core.clock),
      })
      .execute();
  }
  if (removed.length === 0) return;
  await tx.updateTable('rotation_blocks').set({ retake_of: null }).where('retake_of', 'in', removed).execute();
  await tx.deleteFrom('rotation_blocks').where('id', 'in', removed).execute();
}
