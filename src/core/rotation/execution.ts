/**
 * What happens while a plan runs: leave (请假) and 出科考核 results. Both re-plan only the trainee's future
 * (blocks begun before now stay as served); a failed 出科考核 adds a 补轮 of the same months, so the plan gets
 * longer. Either way the new end is compared with a cutoff (by default the expected completion date: start
 * plus the training years) and flagged when it falls after it.
 */
import type { ReplanResult as ReplanView } from '../../shared/contract/rotation';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core, WriteTx } from '../context';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { DEFAULT_SEED, shortfallView } from './plans';
import { replanAfter, slotContaining, slotEndDate, SLOTS_PER_YEAR } from './rules';
import type { Disruption } from './rules';
import { planRow, savePlan } from './store';
import { requireTrainee, type RotationTrainee, type TraineeRef } from './trainees';
import { planView } from './views';
import {
  loadWorld,
  nowSlot,
  occupiedBy,
  requireSchemes,
  schemeFor,
  toTraineeToPlan,
  traineeStart,
  type StoredBlock,
  type World,
} from './world';
import { formatDate } from '../../shared/dates';

export type LeaveInput = TraineeRef & {
  type: string;
  from: string;
  to: string;
  reason?: string | undefined;
  cutoff?: string | undefined;
};
export type ExitExamInput = TraineeRef & {
  department: string;
  result: 'pass' | 'fail';
  date?: string | undefined;
  cutoff?: string | undefined;
};

type Replanned = Omit<ReplanView, 'plan'>;

/** First slot after the cutoff day; the default is the end of the training years. */
function cutoffSlot(t: RotationTrainee, cutoff: string | undefined): number {
  return cutoff ? slotContaining(cutoff) + 1 : traineeStart(t) + t.years * SLOTS_PER_YEAR;
}

async function replan(
  core: Core,
  tx: WriteTx,
  actor: Actor,
  world: World,
  t: RotationTrainee,
  now: number,
  disruption: Disruption,
  cutoff: string | undefined,
  reason: string,
): Promise<Replanned> {
  requireSchemes(world, [t]);
  if (!(await planRow(tx, t.id))) {
    throw new AppError('ROTATION_NO_PLAN', `${t.name}还没有轮转计划，请先编排（basedesk rotation plan）。`);
  }
  const cut = cutoffSlot(t, cutoff);
  const r = replanAfter({
    trainees: [toTraineeToPlan(world, t, now)],
    departments: world.departments,
    occupied: occupiedBy(world, new Set([t.id])),
    now,
    seed: DEFAULT_SEED,
    traineeId: t.id,
    disruption,
    cutoff: cut,
  });
  if (!r.ok) {
    const shortfalls = r.infeasible.map(shortfallView);
    throw new AppError(
      'ROTATION_INFEASIBLE',
      `无法为${t.name}重新安排此后的轮转：${shortfalls.map((s) => s.message).join('；')}。未保存任何更改。`,
      { infeasible: shortfalls },
    );
  }
  const newEnd = slotEndDate(r.end - 1);
  const cutoffDate = slotEndDate(cut - 1);
  const pastCutoff = r.passesCutoff === false;
  const flag = pastCutoff ? `预计 ${formatDate(newEnd)} 结束，晚于 ${formatDate(cutoffDate)}（${reason}）` : null;
  await savePlan(tx, core, actor, t.id, r.plan, { schemeId: schemeFor(world, t)?.id ?? null, reason, flag });
  return {
    traineeId: t.id,
    previousEnd: r.previousEnd > 0 ? slotEndDate(r.previousEnd - 1) : null,
    newEnd,
    cutoff: cutoffDate,
    pastCutoff,
    changedBlocks: r.result.changedBlocks,
  };
}

export async function recordLeave(core: Core, actor: Actor, input: LeaveInput): Promise<ReplanView> {
  if (input.to < input.from)
    throw new AppError('ROTATION_BAD_RANGE', `请假结束日期 ${formatDate(input.to)} 早于开始日期 ${formatDate(input.from)}`);
  return core.db.transaction().execute(async (tx) => {
    const t = await requireTrainee(tx, input);
    const world = await loadWorld(tx);
    const reason = input.reason ?? `${input.type} ${formatDate(input.from)} 至 ${formatDate(input.to)}`;
    const range = { from: slotContaining(input.from), to: slotContaining(input.to) + 1 };
    const out = await replan(core, tx, actor, world, t, nowSlot(core), { kind: 'leave', range }, input.cutoff, reason);
    const id = uuidv7(core.clock.nowMs());
    const leave = {
      id,
      trainee_id: t.id,
      type: input.type,
      from_date: input.from,
      to_date: input.to,
      reason: input.reason ?? null,
    };
    await tx
      .insertInto('rotation_leave')
      .values({ ...leave, created_by: actor.username, created_at: isoNow(core.clock) })
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'rotation.recordLeave',
      entity: 'rotation_plan',
      entityId: t.id,
      before: { end: out.previousEnd },
      after: { leave, end: out.newEnd, pastCutoff: out.pastCutoff },
      reason,
    });
    return { ...out, plan: await planView(tx, await loadWorld(tx), t) };
  });
}

/** The block examined: the latest one begun by the exam date in that department (by name or standard department). */
function examinedBlock(world: World, t: RotationTrainee, department: string, date: string): StoredBlock {
  const day = slotContaining(date);
  const candidates = (world.blocks.get(t.id) ?? []).filter((b) => {
    const d = world.departmentById.get(b.department_id);
    return (d?.name === department || b.standard_department === department) && b.from <= day;
  });
  const block = candidates.sort((a, b) => b.from - a.from)[0];
  if (!block) {
    throw new AppError(
      'ROTATION_BLOCK_NOT_FOUND',
      `${t.name}在 ${formatDate(date)} 前没有在「${department}」的轮转，无法登记出科考核。`,
    );
  }
  return block;
}

export async function recordExitExam(core: Core, actor: Actor, input: ExitExamInput): Promise<ReplanView> {
  return core.db.transaction().execute(async (tx) => {
    const t = await requireTrainee(tx, input);
    const world = await loadWorld(tx);
    const date = input.date ?? new Date(core.clock.nowMs()).toISOString().slice(0, 10);
    const block = examinedBlock(world, t, input.department, date);
    if (block.exit_exam_result !== null) {
      throw new AppError(
        'ROTATION_EXAM_RECORDED',
        `${t.name}在「${input.department}」${formatDate(block.start_date)} 至 ${formatDate(block.end_date)} 的出科考核已登记为${block.exit_exam_result === 'pass' ? '合格' : '不合格'}。`,
      );
    }
    await tx
      .updateTable('rotation_blocks')
      .set({ exit_exam_result: input.result, exit_exam_date: date })
      .where('id', '=', block.id)
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'rotation.recordExitExam',
      entity: 'rotation_block',
      entityId: block.id,
      before: { result: null },
      after: { traineeId: t.id, standardDepartment: block.standard_department, result: input.result, date },
    });
    if (input.result === 'pass') {
      const end = (world.blocks.get(t.id) ?? []).reduce((m, b) => Math.max(m, b.to), 0);
      const endDate = end > 0 ? slotEndDate(end - 1) : null;
      return {
        traineeId: t.id,
        previousEnd: endDate,
        newEnd: endDate,
        cutoff: null,
        pastCutoff: false,
        changedBlocks: 0,
        plan: await planView(tx, await loadWorld(tx), t),
      };
    }
    // The 补轮 comes after the failed block, never inside it.
    const now = Math.max(nowSlot(core), block.to);
    const months = (block.to - block.from) / 2;
    const reason = `「${input.department}」出科考核不合格，补轮 ${months} 个月`;
    const out = await replan(
      core,
      tx,
      actor,
      world,
      t,
      now,
      { kind: 'retake', standardDepartment: block.standard_department, months },
      input.cutoff,
      reason,
    );
    return { ...out, plan: await planView(tx, await loadWorld(tx), t) };
  });
}
