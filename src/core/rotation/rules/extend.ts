import { AppError } from '../../../shared/errors';
import type { Block, SchedulerInput, SchedulerResult, Shortfall, SlotRange, TraineeToPlan } from './types';
import { schedule } from './scheduler';
import { rangeLabel } from './slots';

/**
 * Re-planning after something happens to one trainee: leave (请假, which pushes their end back) or a failed
 * 出科考核 (a 补轮 block of that department). Only the future moves: blocks begun before `now` stay fixed,
 * and everyone else keeps their current plan unless room has to be made. Reports the new end and whether it
 * still meets a cutoff (e.g. the completion exam's "培训须在某日前结束").
 */

export type Disruption = { kind: 'leave'; range: SlotRange } | { kind: 'retake'; standardDepartment: string; months: number };

export type ReplanInput = SchedulerInput & {
  traineeId: string;
  disruption: Disruption;
  /** First slot after the deadline: the plan passes when it ends (exclusive) at or before it; null = none. */
  cutoff: number | null;
};

export type ReplanResult =
  | {
      ok: true;
      result: Extract<SchedulerResult, { ok: true }>;
      plan: Block[];
      /** One past the last slot of the plan, before and after. */
      previousEnd: number;
      end: number;
      passesCutoff: boolean | null;
      /** Blocks of other trainees that had to change. */
      othersChanged: number;
    }
  | { ok: false; infeasible: Shortfall[] };

/** Splits a stored plan at `now`: blocks begun before it are fixed (served or being served), the rest current. */
export function splitAtNow(plan: readonly Block[], now: number): { fixedBlocks: Block[]; currentBlocks: Block[] } {
  return {
    fixedBlocks: plan.filter((b) => b.from < now).map((b) => ({ ...b, fixed: true })),
    currentBlocks: plan.filter((b) => b.from >= now).map((b) => ({ ...b, fixed: false })),
  };
}

const planEnd = (blocks: readonly Block[]): number => blocks.reduce((m, b) => Math.max(m, b.to), 0);

export function replanAfter(input: ReplanInput): ReplanResult {
  const target = input.trainees.find((t) => t.id === input.traineeId);
  if (!target) throw new AppError('ROTATION_TRAINEE_NOT_FOUND', `没有学员「${input.traineeId}」，请刷新后重试`);
  const changed = applyDisruption(target, input.disruption, input.now);
  const trainees = input.trainees.map((t) => (t === target ? changed : t));
  const result = schedule({ ...input, trainees });
  if (!result.ok) return result;
  const plan = result.plans.get(target.id) ?? [];
  const end = planEnd(plan);
  let othersChanged = 0;
  for (const [id, n] of result.changedByTrainee) if (id !== target.id) othersChanged += n;
  return {
    ok: true,
    result,
    plan,
    previousEnd: planEnd([...target.fixedBlocks, ...target.currentBlocks]),
    end,
    passesCutoff: input.cutoff === null ? null : end <= input.cutoff,
    othersChanged,
  };
}

function applyDisruption(t: TraineeToPlan, d: Disruption, now: number): TraineeToPlan {
  if (d.kind === 'retake') {
    if (!(d.months > 0) || !Number.isInteger(d.months * 2)) {
      throw new AppError('ROTATION_HALF_MONTH', `补轮时间以0.5个月为单位，${d.months} 个月不是`);
    }
    return { ...t, retakes: [...(t.retakes ?? []), { standardDepartment: d.standardDepartment, months: d.months }] };
  }
  const { range } = d;
  if (range.to <= range.from) throw new AppError('ROTATION_BAD_RANGE', '请假的结束时间应晚于开始时间');
  // Leave may begin in the past only inside the block being served ("sick since Monday"); leave over
  // whole blocks already recorded as served contradicts the record, which must be corrected first.
  const contradicted = t.fixedBlocks.find((b) => b.from >= range.from && b.from < range.to);
  if (range.from < now && contradicted) {
    throw new AppError(
      'ROTATION_LEAVE_IN_PAST',
      `请假 ${rangeLabel(range)} 与已记录为轮转过的「${contradicted.standardDepartment}」（${rangeLabel(contradicted)}）重叠，请先更正已轮转记录`,
    );
  }
  // Leave that starts inside the block being served cuts it: the rest is served after the leave.
  const fixedBlocks = t.fixedBlocks
    .filter((b) => b.from < range.from)
    .map((b) => (b.to > range.from ? { ...b, to: range.from } : b));
  return { ...t, fixedBlocks, leave: [...t.leave, { ...range }].sort((a, b) => a.from - b.from) };
}
