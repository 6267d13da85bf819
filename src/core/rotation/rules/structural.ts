import type { Ctx, TraineeState } from './context';
import type { Shortfall } from './types';
import { MAX_PARTNER_MONTHS } from './scheme';
import { rangeLabel } from './slots';
import { hasExactSubset } from './subsets';
import { yearSpan } from './timeline';

/**
 * What makes one trainee impossible to plan whatever the others do: a standard department no department
 * teaches, an elective group that can no longer be filled, a stage row whose training year is gone or too
 * short, more 协同 months than allowed forced by the mapping.
 */
export function structuralShortfalls(ctx: Ctx): Shortfall[] {
  return ctx.trainees.flatMap((ts) => [...unmapped(ctx, ts), ...electives(ctx, ts), ...stages(ts), ...partner(ctx, ts)]);
}

function span(ts: TraineeState): { from: number; to: number } {
  const s = ts.timeline.slots;
  return s.length === 0 ? { from: ts.t.start, to: ts.t.start } : { from: s[0]!, to: s[s.length - 1]! + 1 };
}

function unmapped(ctx: Ctx, ts: TraineeState): Shortfall[] {
  return ts.open.rows
    .filter((r) => (ctx.eligible.get(r.standardDepartment) ?? []).length === 0)
    .map((r) => ({
      department: r.standardDepartment,
      ...span(ts),
      shortTraineeMonths: r.left / 2,
      message: `没有任何科室对应标准科室「${r.standardDepartment}」，${ts.t.label} 的 ${r.left / 2} 个月无处安排。请在科室设置中补充对应关系`,
    }));
}

function electives(ctx: Ctx, ts: TraineeState): Shortfall[] {
  const usable = (c: TraineeState['open']['choices'][number]): number[] =>
    c.options.filter((o) => (ctx.eligible.get(o.standardDepartment) ?? []).length > 0).map((o) => o.left);
  return ts.open.choices
    .filter((c) => c.need < 0 || (c.need > 0 && !hasExactSubset(usable(c), c.need)))
    .map((c) => ({
      department: c.name,
      ...span(ts),
      shortTraineeMonths: Math.abs(c.need) / 2,
      message:
        c.need < 0
          ? `${ts.t.label} 的选轮组「${c.name}」已轮转的时间超出要求 ${-c.need / 2} 个月`
          : `${ts.t.label} 的选轮组「${c.name}」还需 ${c.need / 2} 个月，但可选且有对应科室的标准科室凑不出这个数`,
    }));
}

function stages(ts: TraineeState): Shortfall[] {
  const out: Shortfall[] = [];
  for (const k of [1, 2, 3]) {
    const rows = ts.open.rows.filter((r) => r.stage === k);
    const need = rows.reduce((a, r) => a + r.left, 0);
    if (need === 0) continue;
    const y = yearSpan(ts.timeline, k);
    const room = y.end - y.start;
    if (need <= room) continue;
    const range = room > 0 ? { from: ts.timeline.slots[y.start]!, to: ts.timeline.slots[y.end - 1]! + 1 } : span(ts);
    out.push({
      department: rows.map((r) => r.standardDepartment).join('、'),
      ...range,
      shortTraineeMonths: (need - room) / 2,
      message: `${ts.t.label} 第${k}年还需轮转 ${rows.map((r) => r.standardDepartment).join('、')} 共 ${need / 2} 个月，第${k}年${room > 0 ? `（${rangeLabel(range)}）只剩 ${room / 2} 个月` : '已过'}`,
    });
  }
  return out;
}

function partner(ctx: Ctx, ts: TraineeState): Shortfall[] {
  const forced = ts.open.rows
    .filter((r) => {
      const e = ctx.eligible.get(r.standardDepartment) ?? [];
      return e.length > 0 && e.every((d) => ctx.depts[d]!.partnerSite >= 0);
    })
    .reduce((a, r) => a + r.left, 0);
  const total = forced + ts.partnerSlots;
  if (total <= MAX_PARTNER_MONTHS * 2) return [];
  return [
    {
      department: '协同单位',
      ...span(ts),
      shortTraineeMonths: (total - MAX_PARTNER_MONTHS * 2) / 2,
      message: `${ts.t.label} 只能在协同单位轮转的科室共 ${total / 2} 个月，超过协同单位合计 ${MAX_PARTNER_MONTHS} 个月的上限`,
    },
  ];
}
