import { applyPlacement, type Ctx, type Piece, type TraineeState } from './context';
import { placeTrainee } from './place';
import { shuffled, type Random } from './random';

/**
 * Local search on the peak load ratio: take a department-slot at the peak, move one trainee there to a
 * plan that keeps every department strictly below the peak, and repeat. Each move removes one peak cell
 * and creates none, so the peak falls once its cells are gone; it stops at the lower bound, when a peak
 * cell holds no trainee that can move, or when the move budget is spent. Kept plans never move.
 */
export function improvePeak(ctx: Ctx, lowerBound: number, rng: Random, maxAttempts: number): void {
  const { grid } = ctx;
  let attempts = 0;
  while (attempts < maxAttempts) {
    const peak = peakRatio(ctx);
    if (peak <= lowerBound + 1e-9) return;
    for (let d = 0; d < ctx.depts.length; d++) grid.limit[d] = Math.min(grid.cap[d]!, Math.ceil(peak * grid.cap[d]! - 1e-9) - 1);
    try {
      for (const cell of hotCells(ctx, peak)) {
        if (ratioAt(ctx, cell) < peak - 1e-9) continue;
        const mayTry = (): boolean => ++attempts <= maxAttempts;
        const moved = relieve(ctx, cell, lowerBound, rng, mayTry) || relieveTogether(ctx, cell, lowerBound, rng, mayTry);
        if (!moved) return;
      }
    } finally {
      grid.limit.set(grid.cap);
    }
  }
}

function relieve(ctx: Ctx, cell: number, lowerBound: number, rng: Random, mayTry: () => boolean): boolean {
  const d = Math.floor(cell / ctx.grid.span);
  const o = cell % ctx.grid.span;
  for (const ts of movableAt(ctx, d, o)) {
    if (!mayTry()) return false;
    const old = ts.placement!;
    applyPlacement(ctx, ts, old, -1);
    // First as close to the current order as the lower limit allows, then freely.
    const prefer = ts.prefer;
    ts.prefer = [...old].sort((a, b) => a.p - b.p).map((q) => ({ std: q.std, dept: q.dept }));
    let r = placeTrainee(ctx, ts, { target: lowerBound, budget: { left: 600 }, rng, usePrefer: true });
    ts.prefer = prefer;
    if (!r.ok) r = placeTrainee(ctx, ts, { target: lowerBound, budget: { left: 1000 }, rng, usePrefer: false });
    if (r.ok) {
      ts.placement = r.pieces;
      return true;
    }
    applyPlacement(ctx, ts, old, 1);
  }
  return false;
}

/**
 * When no single trainee can leave a peak cell, take out everyone there plus a few trainees in the same
 * department shortly before or after, and place them all again below the peak (a larger neighbourhood);
 * all of them or none move.
 */
function relieveTogether(ctx: Ctx, cell: number, lowerBound: number, rng: Random, mayTry: () => boolean): boolean {
  const d = Math.floor(cell / ctx.grid.span);
  const o = cell % ctx.grid.span;
  const here = movableAt(ctx, d, o);
  if (here.length === 0) return false;
  const near = ctx.trainees.filter(
    (ts) =>
      !ts.kept &&
      ts.placement !== null &&
      !here.includes(ts) &&
      ts.placement.some((q) => q.dept === d && nearSlot(ts, q.p, q.len, o, 6)),
  );
  for (let round = 0; round < 6; round++) {
    if (!mayTry()) return false;
    const group = [...here, ...shuffled(near, rng).slice(0, 4)];
    const old = group.map((ts) => ts.placement!);
    group.forEach((ts, k) => applyPlacement(ctx, ts, old[k]!, -1));
    const placed: Piece[][] = [];
    for (const ts of shuffled(group, rng)) {
      const r = placeTrainee(ctx, ts, { target: lowerBound, budget: { left: 1500 }, rng, usePrefer: false });
      if (!r.ok) break;
      ts.placement = r.pieces;
      placed.push(r.pieces);
    }
    if (placed.length === group.length) return true;
    // Undo: take out the new placements, put everyone back where they were.
    group.forEach((ts, k) => {
      if (placed.includes(ts.placement!)) applyPlacement(ctx, ts, ts.placement!, -1);
      ts.placement = old[k]!;
      applyPlacement(ctx, ts, old[k]!, 1);
    });
  }
  return false;
}

function nearSlot(ts: TraineeState, p: number, len: number, o: number, within: number): boolean {
  for (let i = p; i < p + len; i++) if (Math.abs(ts.off[i]! - o) <= within) return true;
  return false;
}

function movableAt(ctx: Ctx, d: number, o: number): TraineeState[] {
  return ctx.trainees.filter(
    (ts) => !ts.kept && ts.placement !== null && ts.placement.some((q) => q.dept === d && covers(ts, q.p, q.len, o)),
  );
}

function covers(ts: TraineeState, p: number, len: number, o: number): boolean {
  for (let i = p; i < p + len; i++) if (ts.off[i] === o) return true;
  return false;
}

function ratioAt(ctx: Ctx, cell: number): number {
  const d = Math.floor(cell / ctx.grid.span);
  return ctx.grid.cap[d]! > 0 ? ctx.grid.load[cell]! / ctx.grid.cap[d]! : 0;
}

export function peakRatio(ctx: Ctx): number {
  let peak = 0;
  for (let cell = 0; cell < ctx.grid.load.length; cell++) peak = Math.max(peak, ratioAt(ctx, cell));
  return peak;
}

function hotCells(ctx: Ctx, peak: number): number[] {
  const out: number[] = [];
  for (let cell = 0; cell < ctx.grid.load.length; cell++) if (ratioAt(ctx, cell) >= peak - 1e-9) out.push(cell);
  return out;
}
