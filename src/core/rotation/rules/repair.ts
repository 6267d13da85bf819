import { applyPlacement, type Ctx, type Piece, type TraineeState } from './context';
import { placeTrainee } from './place';
import type { Random } from './random';

/**
 * The repair pass, for when the greedy construction gave up near full capacity. Everyone still unplaced is
 * placed with capacity relaxed (least loaded first, so the overflow is small), then a min-conflicts search
 * takes a trainee out of an over-capacity department-slot and places them again: within capacity if it can,
 * else anywhere that adds no overflow in total. It stops when nothing is over capacity (a valid plan: the
 * construction's failure was the greedy order's, not the instance's) or when its budget is spent; then the
 * best arrangement seen is kept in the grid, and its over-capacity cells are the evidence the user sees.
 */

/** One department over its capacity during consecutive half months, in the best arrangement found. */
export type Overflow = {
  dept: number;
  /** Slot offsets from grid.base, [from, to). */
  from: number;
  to: number;
  /** Most trainees there at once, and the capacity. */
  most: number;
  cap: number;
  /** Trainee-slots over capacity in the range. */
  excess: number;
  who: TraineeState[];
};

export type RepairResult = { ok: true } | { ok: false; overflow: Overflow[] };

/** Far above any capacity: "no limit" while the relaxed placement runs. */
const NO_LIMIT = 1 << 20;
/** Search nodes per move: within capacity (usually fails fast when it fails), then relaxed. */
const STRICT_NODES = 200;
const RELAXED_NODES = 400;

export function repair(ctx: Ctx, target: number, rng: Random, maxMoves: number): RepairResult {
  const { grid } = ctx;
  try {
    grid.limit.fill(NO_LIMIT);
    for (const ts of ctx.trainees) {
      if (ts.placement !== null) continue;
      const r = placeTrainee(ctx, ts, { target, budget: { left: 4000 }, rng, usePrefer: ts.prefer.length > 0 });
      // Relaxed, only a stage year or 协同 limit can stop a placement: the structural checks ran before.
      if (!r.ok) return { ok: false, overflow: overflowCells(ctx) };
      ts.placement = r.pieces;
    }
    let current = totalOverflow(ctx);
    let best = { total: current, placements: snapshot(ctx) };
    for (let move = 0; move < maxMoves && current > 0; move++) {
      current = step(ctx, target, rng, current);
      if (current < best.total) best = { total: current, placements: snapshot(ctx) };
    }
    restore(ctx, best.placements);
    return best.total === 0 ? { ok: true } : { ok: false, overflow: overflowCells(ctx) };
  } finally {
    grid.limit.set(grid.cap);
  }
}

/** One min-conflicts move; returns the total overflow after it (unchanged when the move was undone). */
function step(ctx: Ctx, target: number, rng: Random, current: number): number {
  const { grid } = ctx;
  const hot = overCells(ctx);
  const cell = hot[rng.int(hot.length)]!;
  const here = occupants(ctx, cell);
  if (here.length === 0) return current;
  // Trainees whose current plan is kept move only when nobody else can.
  const pool = here.some((ts) => !ts.kept) ? here.filter((ts) => !ts.kept) : here;
  const ts = pool[rng.int(pool.length)]!;
  const old = ts.placement!;
  applyPlacement(ctx, ts, old, -1);
  grid.limit.set(grid.cap);
  let r = placeTrainee(ctx, ts, { target, budget: { left: STRICT_NODES }, rng, usePrefer: false });
  grid.limit.fill(NO_LIMIT);
  if (!r.ok) r = placeTrainee(ctx, ts, { target, budget: { left: RELAXED_NODES }, rng, usePrefer: false });
  if (r.ok) {
    ts.placement = r.pieces;
    const next = totalOverflow(ctx);
    // Sideways moves are allowed (they let the search walk along a plateau), worse ones are not.
    if (next <= current) {
      ts.kept = false;
      return next;
    }
    applyPlacement(ctx, ts, r.pieces, -1);
  }
  ts.placement = old;
  applyPlacement(ctx, ts, old, 1);
  return current;
}

function snapshot(ctx: Ctx): Array<Piece[] | null> {
  return ctx.trainees.map((ts) => ts.placement);
}

function restore(ctx: Ctx, placements: Array<Piece[] | null>): void {
  ctx.trainees.forEach((ts, i) => {
    if (ts.placement === placements[i]) return;
    if (ts.placement) applyPlacement(ctx, ts, ts.placement, -1);
    ts.placement = placements[i]!;
    if (ts.placement) applyPlacement(ctx, ts, ts.placement, 1);
  });
}

function totalOverflow(ctx: Ctx): number {
  const { load, cap, span } = ctx.grid;
  let total = 0;
  for (let cell = 0; cell < load.length; cell++) total += Math.max(0, load[cell]! - cap[Math.floor(cell / span)]!);
  return total;
}

function overCells(ctx: Ctx): number[] {
  const { load, cap, span } = ctx.grid;
  const out: number[] = [];
  for (let cell = 0; cell < load.length; cell++) if (load[cell]! > cap[Math.floor(cell / span)]!) out.push(cell);
  return out;
}

function occupants(ctx: Ctx, cell: number): TraineeState[] {
  const { span } = ctx.grid;
  const d = Math.floor(cell / span);
  const o = cell % span;
  return ctx.trainees.filter(
    (ts) =>
      ts.placement !== null &&
      ts.placement.some((q) => {
        if (q.dept !== d) return false;
        for (let i = q.p; i < q.p + q.len; i++) if (ts.off[i] === o) return true;
        return false;
      }),
  );
}

/** Over-capacity cells as ranges per department, with who is there. */
export function overflowCells(ctx: Ctx): Overflow[] {
  const { load, cap, span } = ctx.grid;
  const out: Overflow[] = [];
  for (let d = 0; d < ctx.depts.length; d++) {
    let o = 0;
    while (o < span) {
      if (load[d * span + o]! <= cap[d]!) {
        o++;
        continue;
      }
      const from = o;
      let most = 0;
      let excess = 0;
      const who = new Set<TraineeState>();
      for (; o < span && load[d * span + o]! > cap[d]!; o++) {
        most = Math.max(most, load[d * span + o]!);
        excess += load[d * span + o]! - cap[d]!;
        for (const ts of occupants(ctx, d * span + o)) who.add(ts);
      }
      out.push({ dept: d, from, to: o, most, cap: cap[d]!, excess, who: [...who] });
    }
  }
  return out.sort((a, b) => b.excess - a.excess || a.from - b.from);
}
