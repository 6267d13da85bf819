import type { Ctx, Piece, TraineeState } from './context';
import { MAX_PARTNER_MONTHS, MAX_PARTNER_SITES } from './scheme';
import { hasExactSubset } from './subsets';

/**
 * Re-planning keeps a trainee's current future blocks when they still make a valid plan on the trainee's
 * new timeline (nothing moved under them): same positions, same months per row, stage years, 协同 limits.
 * Capacity is checked afterwards over everyone kept. Returns the blocks as pieces, or null to re-plan.
 */
export function currentAsPieces(ctx: Ctx, ts: TraineeState): Piece[] | null {
  const blocks = ts.t.currentBlocks.filter((b) => !b.fixed && b.from >= ctx.input.now).sort((a, b) => a.from - b.from);
  if (blocks.length === 0 || ts.timeline.slots.length === 0) return null;
  const posOf = new Map(ts.timeline.slots.map((s, i) => [s, i]));
  const pieces: Piece[] = [];
  let next = 0;
  for (const b of blocks) {
    const dept = ctx.deptIndex.get(b.departmentId);
    if (dept === undefined || !(ctx.eligible.get(b.standardDepartment) ?? []).includes(dept)) return null;
    for (let s = b.from; s < b.to; s++) {
      if (ts.t.leave.some((l) => s >= l.from && s < l.to)) continue;
      if (posOf.get(s) !== next) return null;
      const last = pieces.at(-1);
      if (last && last.std === b.standardDepartment && last.dept === dept && last.p + last.len === next) last.len++;
      else pieces.push({ std: b.standardDepartment, dept, p: next, len: 1 });
      next++;
    }
  }
  if (next !== ts.timeline.slots.length) return null;
  return demandMatches(ts, pieces) && stagesHold(ts, pieces) && partnerHolds(ctx, ts, pieces) ? pieces : null;
}

function demandMatches(ts: TraineeState, pieces: Piece[]): boolean {
  const served = new Map<string, number>();
  for (const q of pieces) served.set(q.std, (served.get(q.std) ?? 0) + q.len);
  const expected = new Map<string, number>();
  for (const r of ts.open.rows) expected.set(r.standardDepartment, (expected.get(r.standardDepartment) ?? 0) + r.left);
  for (const c of ts.open.choices) {
    const chosen = c.options.filter((o) => served.has(o.standardDepartment) && !expected.has(o.standardDepartment));
    if (chosen.reduce((a, o) => a + o.left, 0) !== c.need) return false;
    for (const o of chosen) expected.set(o.standardDepartment, o.left);
  }
  if (served.size !== expected.size) return false;
  for (const [std, n] of expected) if (served.get(std) !== n) return false;
  // A row that may not be split is served in one piece (several rows of one department: pieces sum to rows).
  const rows = [...ts.open.rows, ...ts.open.choices.flatMap((c) => c.options)];
  for (const q of pieces) {
    const mine = rows.filter((r) => r.standardDepartment === q.std);
    if (
      mine.every((r) => !r.splittable) &&
      !hasExactSubset(
        mine.map((r) => r.left),
        q.len,
      )
    )
      return false;
  }
  return true;
}

function stagesHold(ts: TraineeState, pieces: Piece[]): boolean {
  for (const q of pieces) {
    const rows = ts.open.rows.filter((r) => r.standardDepartment === q.std);
    if (rows.length !== 1 || rows[0]!.stage === null) continue;
    const k = rows[0]!.stage;
    if (ts.timeline.year[q.p] !== k || ts.timeline.year[q.p + q.len - 1] !== k) return false;
  }
  return true;
}

function partnerHolds(ctx: Ctx, ts: TraineeState, pieces: Piece[]): boolean {
  const sites = new Set(ts.partnerSites);
  let slots = ts.partnerSlots;
  for (const q of pieces) {
    const site = ctx.depts[q.dept]!.partnerSite;
    if (site < 0) continue;
    sites.add(site);
    slots += q.len;
  }
  return sites.size <= MAX_PARTNER_SITES && slots <= MAX_PARTNER_MONTHS * 2;
}
