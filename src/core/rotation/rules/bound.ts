import type { Ctx, TraineeState } from './context';
import type { Shortfall } from './types';
import { rangeLabel } from './slots';
import { minWeightExactSubset } from './subsets';

/**
 * Counting bounds. For a set C of departments and a window W of slots, every trainee has some minimum number
 * of slots that rows taught only in C must spend inside W, whatever the order: a row can only avoid W on the
 * trainee's positions outside W (and a stage-k row only on year-k positions outside W). The sum of those
 * minimums is demand no plan can avoid; if it exceeds the free places of C in W (capacity × slots minus
 * occupied and fixed load), no valid plan exists, and that difference is the shortfall. Some slot of W
 * holds at least the average load, in whole trainees; the smallest ratio at which C's departments hold that
 * many (whole trainees per department) is a lower bound on the peak load ratio any plan reaches. The sets C
 * tried are the departments teaching each standard department, each department alone, and all of them.
 */

export type BoundResult = { lowerBound: number; shortfalls: Shortfall[] };

/** `Shortfall.department` when the whole base is short (more trainees at once than all places). */
export const ALL_DEPARTMENTS = '全部科室';

type Group = {
  members: TraineeState[];
  /** Prefix counts of positions by absolute slot (index slot - base), all years and per stage year. */
  prefix: Int32Array;
  prefixYear: Int32Array[];
  n: number;
  nYear: number[];
  /** Offsets where a run of positions (of any year) starts or ends. */
  breaks: number[];
};

export function countingBound(ctx: Ctx): BoundResult {
  const { grid } = ctx;
  const fixed = Int32Array.from(grid.load);
  const groups = groupTrainees(ctx);
  const cuts = distinctCuts(ctx);
  let lowerBound = 0;
  const shortfalls: Shortfall[] = [];
  for (const cut of cuts) {
    const member = new Set(cut.depts);
    const covered = new Set(
      [...ctx.eligible].filter(([, e]) => e.length > 0 && e.every((d) => member.has(d))).map(([std]) => std),
    );
    const inCut = (std: string): boolean => covered.has(std);
    const demands = groups.flatMap((g) => groupCutDemands(g, inCut));
    if (demands.length === 0) continue;
    const freePrefix = new Float64Array(grid.span + 1);
    const fixedPrefix = new Float64Array(grid.span + 1);
    let capPerSlot = 0;
    for (const d of cut.depts) capPerSlot += grid.cap[d]!;
    const caps = cut.depts.map((d) => grid.cap[d]!);
    const steps = ratioSteps(caps);
    for (let s = 0; s < grid.span; s++) {
      let free = 0;
      let used = 0;
      for (const d of cut.depts) {
        const l = fixed[d * grid.span + s]!;
        free += Math.max(0, grid.cap[d]! - l);
        used += l;
      }
      freePrefix[s + 1] = freePrefix[s]! + free;
      fixedPrefix[s + 1] = fixedPrefix[s]! + used;
    }
    const points = breakpoints(grid.span, demands, fixedPrefix);
    const demand = demandMatrix(demands, points);
    const n = points.length;
    let worst: { a: number; b: number; short: number; demand: number; free: number } | null = null;
    for (let i = 0; i < n; i++) {
      const a = points[i]!;
      for (let j = i + 1; j < n; j++) {
        const b = points[j]!;
        const need = demand[i * n + j]!;
        if (need === 0) continue;
        const free = freePrefix[b]! - freePrefix[a]!;
        const width = b - a;
        if (capPerSlot > 0) {
          // Some slot of the window holds at least the average load, a whole number of trainees.
          const atOnce = Math.ceil((fixedPrefix[b]! - fixedPrefix[a]! + need) / width - 1e-9);
          if ((atOnce + cut.depts.length) / capPerSlot > lowerBound) {
            lowerBound = Math.max(lowerBound, leastPeakToHold(atOnce, caps, steps));
          }
        }
        const short = need - free;
        if (short > 0 && (worst === null || short > worst.short || (short === worst.short && width < worst.b - worst.a))) {
          worst = { a, b, short, demand: need, free };
        }
      }
    }
    if (worst) {
      const { a, b } = worst;
      const who = demands.filter((x) => minInside(x, a, b) > 0).flatMap((x) => x.members);
      shortfalls.push(describe(ctx, cut, { ...worst, who }));
    }
  }
  shortfalls.sort((x, y) => y.shortTraineeMonths - x.shortTraineeMonths || x.from - y.from);
  return { lowerBound, shortfalls };
}

/**
 * Window ends worth trying. Between two consecutive breakpoints every trainee's position count grows
 * linearly and the fixed load is constant, so demand is convex and free places linear in each end: the
 * worst shortage and the largest average ratio are reached at breakpoints, so trying only those loses nothing.
 */
function breakpoints(span: number, demands: CutDemand[], fixedPrefix: Float64Array): number[] {
  const set = new Set<number>([0, span]);
  for (const x of demands) for (const p of x.g.breaks) set.add(p);
  for (let s = 1; s < span; s++) {
    if (fixedPrefix[s + 1]! - fixedPrefix[s]! !== fixedPrefix[s]! - fixedPrefix[s - 1]!) set.add(s);
  }
  return [...set].sort((a, b) => a - b);
}

/** Every ratio k / capacity a department of the cut can reach, ascending. */
function ratioSteps(caps: number[]): number[] {
  const set = new Set<number>();
  for (const c of caps) for (let k = 1; k <= c; k++) set.add(k / c);
  return [...set].sort((x, y) => x - y);
}

/**
 * The smallest peak ratio at which the cut's departments can hold `n` trainees at once: whole trainees
 * per department, so a department of capacity c at ratio r holds floor(r·c). Above full, the plain ratio.
 */
function leastPeakToHold(n: number, caps: number[], steps: number[]): number {
  const total = caps.reduce((a, c) => a + c, 0);
  if (n <= 0) return 0;
  if (n >= total) return n / total;
  const holds = (r: number): number => caps.reduce((a, c) => a + Math.floor(r * c + 1e-9), 0);
  let lo = 0;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(steps[mid]!) >= n) hi = mid;
    else lo = mid + 1;
  }
  return steps[lo]!;
}

/** demand[i * n + j]: the least slots all trainees must spend in the cut within [points[i], points[j]). */
function demandMatrix(demands: CutDemand[], points: number[]): Float64Array {
  const n = points.length;
  const out = new Float64Array(n * n);
  const at = new Int32Array(n);
  const atYear = [1, 2, 3].map(() => new Int32Array(n));
  for (const x of demands) {
    const { g } = x;
    for (let i = 0; i < n; i++) {
      at[i] = g.prefix[points[i]!]!;
      for (let k = 1; k <= 3; k++) atYear[k - 1]![i] = g.prefixYear[k]![points[i]!]!;
    }
    const base = x.total - g.n;
    const stages = [1, 2, 3].filter((k) => x.byStage[k]! > 0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let m = base + at[j]! - at[i]!;
        if (stages.length > 0) {
          let staged = 0;
          for (const k of stages) {
            const v = x.byStage[k]! - g.nYear[k]! + atYear[k - 1]![j]! - atYear[k - 1]![i]!;
            if (v > 0) staged += v;
          }
          if (staged > m) m = staged;
        }
        if (m > 0) out[i * n + j]! += x.size * m;
      }
    }
  }
  return out;
}

type CutDemand = { g: Group; members: TraineeState[]; size: number; total: number; byStage: number[] };

/** Per group, the trainees' least demand on the cut, merged where it is the same. */
function groupCutDemands(g: Group, inCut: (std: string) => boolean): CutDemand[] {
  const byKey = new Map<string, CutDemand>();
  for (const ts of g.members) {
    const byStage = memberDemand(ts, inCut);
    const total = byStage[0]! + byStage[1]! + byStage[2]! + byStage[3]!;
    if (total === 0) continue;
    const key = byStage.join(',');
    const x = byKey.get(key);
    if (x) {
      x.members.push(ts);
      x.size++;
    } else byKey.set(key, { g, members: [ts], size: 1, total, byStage });
  }
  return [...byKey.values()];
}

function memberDemand(ts: TraineeState, inCut: (std: string) => boolean): number[] {
  const byStage = [0, 0, 0, 0];
  for (const r of ts.open.rows) if (inCut(r.standardDepartment)) byStage[r.stage ?? 0]! += r.left;
  for (const c of ts.open.choices) {
    if (!c.options.some((o) => inCut(o.standardDepartment))) continue;
    // The choice least heavy on C: a lower bound whatever is chosen.
    const m = minWeightExactSubset(
      c.options.map((o) => o.left),
      c.options.map((o) => (inCut(o.standardDepartment) ? o.left : 0)),
      c.need,
    );
    if (Number.isFinite(m)) byStage[0]! += m;
  }
  return byStage;
}

function minInside(x: CutDemand, a: number, b: number): number {
  const { g } = x;
  const outside = g.n - (g.prefix[b]! - g.prefix[a]!);
  let staged = 0;
  for (let k = 1; k <= 3; k++) {
    if (x.byStage[k] === 0) continue;
    const outK = g.nYear[k]! - (g.prefixYear[k]![b]! - g.prefixYear[k]![a]!);
    staged += Math.max(0, x.byStage[k]! - outK);
  }
  return Math.max(0, x.total - outside, staged);
}

/** Trainees with the same positions (and training years) share their position counts. */
function groupTrainees(ctx: Ctx): Group[] {
  const byKey = new Map<string, Group>();
  const span = ctx.grid.span;
  for (const ts of ctx.trainees) {
    const key = `${ts.off.join(',')}|${ts.timeline.year.join('')}`;
    const g = byKey.get(key);
    if (g) {
      g.members.push(ts);
      continue;
    }
    const prefix = new Int32Array(span + 1);
    const prefixYear = [0, 1, 2, 3].map(() => new Int32Array(span + 1));
    const nYear = [0, 0, 0, 0];
    const at = new Int32Array(span);
    const atYear = [0, 1, 2, 3].map(() => new Int32Array(span));
    ts.off.forEach((o, i) => {
      at[o]! += 1;
      const y = ts.timeline.year[i]!;
      if (y >= 1 && y <= 3) {
        atYear[y]![o]! += 1;
        nYear[y]! += 1;
      }
    });
    for (let s = 0; s < span; s++) {
      prefix[s + 1] = prefix[s]! + at[s]!;
      for (let k = 1; k <= 3; k++) prefixYear[k]![s + 1] = prefixYear[k]![s]! + atYear[k]![s]!;
    }
    const breaks: number[] = [];
    ts.off.forEach((o, i) => {
      if (i === 0 || ts.off[i - 1] !== o - 1 || ts.timeline.year[i - 1] !== ts.timeline.year[i]) breaks.push(o);
      if (i === ts.off.length - 1 || ts.off[i + 1] !== o + 1) breaks.push(o + 1);
    });
    byKey.set(key, { members: [ts], prefix, prefixYear, n: ts.off.length, nYear, breaks });
  }
  return [...byKey.values()];
}

type Cut = { depts: number[]; stds: string[] };

function distinctCuts(ctx: Ctx): Cut[] {
  const byKey = new Map<string, Cut>();
  for (const [std, depts] of ctx.eligible) {
    if (depts.length === 0) continue;
    const sorted = [...depts].sort((a, b) => a - b);
    const key = sorted.join(',');
    const cut = byKey.get(key) ?? { depts: sorted, stds: [] };
    cut.stds.push(std);
    byKey.set(key, cut);
  }
  // Each department alone too (a department shared by several standard departments can be the bottleneck),
  // and all of them together (every trainee is somewhere at every slot).
  ctx.depts.forEach((_, d) => {
    if (!byKey.has(String(d))) byKey.set(String(d), { depts: [d], stds: [] });
  });
  const all = ctx.depts.map((_, d) => d);
  if (!byKey.has(all.join(','))) byKey.set(all.join(','), { depts: all, stds: [] });
  return [...byKey.values()];
}

function describe(
  ctx: Ctx,
  cut: Cut,
  w: { a: number; b: number; short: number; demand: number; free: number; who: TraineeState[] },
): Shortfall {
  const from = ctx.grid.base + w.a;
  const to = ctx.grid.base + w.b;
  const names = cut.depts.map((d) => ctx.depts[d]!.name);
  const everyone = cut.stds.length === 0 && cut.depts.length > 1 && cut.depts.length === ctx.depts.length;
  const department = everyone ? ALL_DEPARTMENTS : cut.stds.length > 0 ? cut.stds.join('、') : names.join('、');
  const namesText = names.length > 6 ? `${names.slice(0, 6).join('、')} 等${names.length}个科室` : names.join('、');
  const who = w.who.slice(0, 5).map((t) => t.t.label);
  const whoText = `${who.join('、')}${w.who.length > who.length ? ` 等${w.who.length}名学员` : ''}`;
  return {
    department,
    from,
    to,
    shortTraineeMonths: w.short / 2,
    message:
      `${department}（科室：${namesText}）在 ${rangeLabel({ from, to })} 至少需要 ${w.demand / 2} 人·月，` +
      `只有 ${w.free / 2} 人·月空位，缺 ${w.short / 2} 人·月（涉及 ${whoText}）。请增加容量、调整方案或错开入科时间`,
  };
}
