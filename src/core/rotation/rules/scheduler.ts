import type { Block, PeakLoad, SchedulerInput, SchedulerResult, Shortfall } from './types';
import { addExpectation, applyPlacement, buildContext, type Ctx, type TraineeState } from './context';
import { countingBound } from './bound';
import { countChanged, piecesToBlocks } from './blocks';
import { currentAsPieces } from './keep';
import { improvePeak } from './improve';
import { placeTrainee } from './place';
import { seeded, shuffled, type Random } from './random';
import { rangeLabel } from './slots';
import { structuralShortfalls } from './structural';
import { repair, type Overflow } from './repair';

/**
 * Rotation plans for a set of trainees (see README.md for the method):
 * 1. impossibilities of one trainee, then counting bounds: if either proves no plan exists, say why;
 * 2. re-planning keeps every current plan that is still valid and fits;
 * 3. the rest are placed one by one (seeded order, least-loaded depth-first search), ripping up the
 *    trainees that block one that cannot be placed and placing them again; an exhaustive search is the
 *    fallback for small runs;
 * 4. local search lowers the peak load ratio towards the counting lower bound.
 */

const NODE_BUDGET = 4000;
const EXHAUSTIVE_BUDGET = 300_000;
/** Beyond this many trainees to place, an exhaustive search cannot finish within its budget: not tried. */
const EXHAUSTIVE_MAX_TRAINEES = 12;
/** Moves of the repair pass at most: bounds the time a run that finds no plan takes before it explains why. */
const REPAIR_MAX_MOVES = 3000;
/** Over-capacity ranges reported at most: the worst ones; the rest follow from fixing those. */
const MAX_EVIDENCE = 10;

export function schedule(input: SchedulerInput): SchedulerResult {
  const ctx = buildContext(input);
  const structural = structuralShortfalls(ctx);
  if (structural.length > 0) return { ok: false, infeasible: structural };
  const bound = countingBound(ctx);
  if (bound.shortfalls.length > 0) return { ok: false, infeasible: bound.shortfalls };

  const rng = seeded(input.seed);
  keepCurrentPlans(ctx);
  // Construction ranks by load alone (target 0): flattening below the bound early leaves more room later.
  // A trainee starts in their own specialty when that keeps the department within the bound.
  const failed = construct(ctx, 0, bound.lowerBound, rng);
  if (failed !== null) {
    const outcome =
      ctx.trainees.filter((ts) => !ts.kept).length <= EXHAUSTIVE_MAX_TRAINEES
        ? exhaustive(ctx, bound.lowerBound, rng)
        : 'gave-up';
    if (outcome !== 'found') {
      // The greedy order may have failed where a plan exists: repair before giving up, and if that fails
      // too, its closest arrangement shows where and by how much capacity runs out.
      const fixed = repair(ctx, bound.lowerBound, rng, Math.min(REPAIR_MAX_MOVES, 30 * ctx.trainees.length + 400));
      if (!fixed.ok) {
        const proven = outcome === 'none';
        const evidence = fixed.overflow.slice(0, MAX_EVIDENCE).map((o) => overflowShortfall(ctx, o, proven));
        return { ok: false, infeasible: evidence.length > 0 ? evidence : [notFound(ctx, failed, bound.lowerBound, proven)] };
      }
    }
  }
  improvePeak(ctx, bound.lowerBound, rng, 50 * ctx.trainees.length + 200);
  return result(ctx, bound.lowerBound);
}

/** Current plans still valid are kept; where kept plans together overfill a department, later ones yield. */
function keepCurrentPlans(ctx: Ctx): void {
  for (const ts of ctx.trainees) {
    const pieces = currentAsPieces(ctx, ts);
    if (pieces === null) continue;
    applyPlacement(ctx, ts, pieces, 1);
    ts.placement = pieces;
    ts.kept = true;
  }
  const { load, cap, span } = ctx.grid;
  for (let cell = 0; cell < load.length; cell++) {
    const d = Math.floor(cell / span);
    for (let i = ctx.trainees.length - 1; i >= 0 && load[cell]! > cap[d]!; i--) {
      const ts = ctx.trainees[i]!;
      if (ts.kept && ts.placement!.some((q) => q.dept === d && ts.off.slice(q.p, q.p + q.len).includes(cell % span))) {
        unplace(ctx, ts);
      }
    }
  }
}

function unplace(ctx: Ctx, ts: TraineeState): void {
  if (ts.placement) applyPlacement(ctx, ts, ts.placement, -1);
  ts.placement = null;
  ts.kept = false;
}

type Failure = { ts: TraineeState; blocked: number[] };

/** Greedy placement with rip-up and re-place; returns the trainee it gave up on, or null when all are placed. */
function construct(ctx: Ctx, target: number, homeUpTo: number, rng: Random): Failure | null {
  const queue = shuffled(
    ctx.trainees.filter((ts) => ts.placement === null),
    rng,
  );
  // Trainees being re-planned first, so they keep what they can of their current plan.
  queue.sort((a, b) => Number(b.prefer.length > 0) - Number(a.prefer.length > 0));
  let ripups = 0;
  const maxRipups = 100 + Math.ceil(ctx.trainees.length / 2);
  for (const ts of queue) addExpectation(ctx, ts, 1);
  try {
    while (queue.length > 0) {
      const ts = queue.shift()!;
      addExpectation(ctx, ts, -1);
      const r = placeTrainee(ctx, ts, { target, homeUpTo, budget: { left: NODE_BUDGET }, rng, usePrefer: ts.prefer.length > 0 });
      if (r.ok) {
        ts.placement = r.pieces;
        continue;
      }
      addExpectation(ctx, ts, 1);
      const victims = pickVictims(ctx, ts, r.blocked, rng);
      if (++ripups > maxRipups || victims.length === 0) return { ts, blocked: r.blocked };
      for (const v of victims) {
        unplace(ctx, v);
        addExpectation(ctx, v, 1);
      }
      queue.unshift(ts, ...victims);
    }
    return null;
  } finally {
    ctx.grid.expected.fill(0);
  }
}

/** Up to two placed trainees holding the places the failed trainee needed; current plans yield last. */
function pickVictims(ctx: Ctx, failed: TraineeState, blocked: number[], rng: Random): TraineeState[] {
  const { span } = ctx.grid;
  const holders = ctx.trainees.filter(
    (ts) =>
      ts !== failed &&
      ts.placement !== null &&
      ts.placement.some((q) =>
        blocked.some((c) => Math.floor(c / span) === q.dept && ts.off.slice(q.p, q.p + q.len).includes(c % span)),
      ),
  );
  const candidates = holders.length > 0 ? holders : sharing(ctx, failed);
  const pool = candidates.some((h) => !h.kept) ? candidates.filter((h) => !h.kept) : candidates;
  return shuffled(pool, rng).slice(0, 2);
}

/**
 * Placed trainees in any department the failed trainee could use, during its time: the fallback when the
 * search failed on a stage year or its budget rather than on a full department.
 */
function sharing(ctx: Ctx, failed: TraineeState): TraineeState[] {
  const { span } = ctx.grid;
  const mine = new Set<number>();
  for (const r of [...failed.open.rows, ...failed.open.choices.flatMap((c) => c.options)]) {
    for (const d of ctx.eligible.get(r.standardDepartment) ?? []) for (const o of failed.off) mine.add(d * span + o);
  }
  return ctx.trainees.filter(
    (ts) =>
      ts !== failed &&
      ts.placement !== null &&
      ts.placement.some((q) => {
        for (let i = q.p; i < q.p + q.len; i++) if (mine.has(q.dept * span + ts.off[i]!)) return true;
        return false;
      }),
  );
}

/**
 * Complete search over every trainee not kept, within a node budget (so in practice for small runs):
 * 'none' means every arrangement was tried.
 */
function exhaustive(ctx: Ctx, target: number, rng: Random): 'found' | 'none' | 'gave-up' {
  const order = ctx.trainees.filter((ts) => !ts.kept);
  for (const ts of order) unplace(ctx, ts);
  const budget = { left: EXHAUSTIVE_BUDGET };
  const place = (i: number): boolean => {
    if (i === order.length) return true;
    const ts = order[i]!;
    const r = placeTrainee(ctx, ts, {
      target,
      budget,
      rng,
      usePrefer: ts.prefer.length > 0,
      allSplits: true,
      onComplete: (pieces) => {
        ts.placement = pieces;
        if (place(i + 1)) return true;
        ts.placement = null;
        return false;
      },
    });
    return r.ok;
  };
  if (place(0)) return 'found';
  return budget.left < 0 ? 'gave-up' : 'none';
}

function notFound(ctx: Ctx, failed: Failure, lowerBound: number, proven: boolean): Shortfall {
  const { span, base } = ctx.grid;
  const depts = [...new Set(failed.blocked.map((c) => Math.floor(c / span)))].map((d) => ctx.depts[d]!.name);
  const slots = failed.blocked.map((c) => base + (c % span));
  const tl = failed.ts.timeline.slots;
  const from = slots.length > 0 ? Math.min(...slots) : tl[0]!;
  const to = slots.length > 0 ? Math.max(...slots) + 1 : tl[tl.length - 1]! + 1;
  return {
    department: depts.join('、') || '（未知）',
    from,
    to,
    shortTraineeMonths: 0,
    message:
      `未能为 ${failed.ts.t.label} 排出轮转计划：${depts.join('、') || '所需科室'} 在 ${rangeLabel({ from, to })} 已满。` +
      (proven
        ? '总量够用，但已试过所有排法：各科室轮转块的长度和先后无法同时满足，可增加这些科室的容量、允许拆分或调整入科时间'
        : `容量计数没有发现缺口（峰值负荷下界 ${lowerBound.toFixed(2)}），但没有找到可行排法，可增加这些科室的容量、放宽方案或调整入科时间后重试`),
  };
}

function overflowShortfall(ctx: Ctx, o: Overflow, proven: boolean): Shortfall {
  const from = ctx.grid.base + o.from;
  const to = ctx.grid.base + o.to;
  const name = ctx.depts[o.dept]!.name;
  const who = o.who.slice(0, 5).map((ts) => ts.t.label);
  const whoText = `${who.join('、')}${o.who.length > who.length ? ` 等${o.who.length}名学员` : ''}`;
  return {
    department: name,
    from,
    to,
    shortTraineeMonths: o.excess / 2,
    basis: proven ? 'exhausted' : 'search',
    overBy: o.most - o.cap,
    message:
      `最接近可行的排法中，「${name}」在 ${rangeLabel({ from, to })} 最多有 ${o.most} 名学员，容量 ${o.cap}，` +
      `超出 ${o.most - o.cap} 人，共超出 ${o.excess / 2} 人·月（涉及 ${whoText}）。` +
      (proven
        ? '已试过所有排法，这些科室的容量确实不够：请增加容量、允许拆分或错开入科时间'
        : '容量计数没有发现缺口，但搜索和修复都未能消除超员：请增加这些科室的容量或错开入科时间后重试'),
  };
}

function result(ctx: Ctx, lowerBound: number): SchedulerResult {
  const plans = new Map<string, Block[]>();
  const changedByTrainee = new Map<string, number>();
  let changedBlocks = 0;
  for (const ts of ctx.trainees) {
    const fixed = ts.t.fixedBlocks.map((b) => ({ ...b, fixed: true }));
    const planned = piecesToBlocks(ctx, ts, ts.placement ?? []);
    plans.set(
      ts.t.id,
      [...fixed, ...planned].sort((a, b) => a.from - b.from),
    );
    const changed = countChanged(ts.t.currentBlocks, planned);
    if (changed > 0) changedByTrainee.set(ts.t.id, changed);
    changedBlocks += changed;
  }
  const peakLoad = peaks(ctx);
  const achieved = peakLoad.reduce((m, p) => (p.capacity > 0 ? Math.max(m, p.peak / p.capacity) : m), 0);
  return { ok: true, plans, peakLoad, imbalance: { achieved, lowerBound }, changedBlocks, changedByTrainee };
}

function peaks(ctx: Ctx): PeakLoad[] {
  const { load, span } = ctx.grid;
  return ctx.depts.map((d, i) => {
    let peak = 0;
    for (let o = 0; o < span; o++) peak = Math.max(peak, load[i * span + o]!);
    return { departmentId: d.id, capacity: d.cap, peak };
  });
}
