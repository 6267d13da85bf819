import type { Block, SchedulerInput, TraineeToPlan } from './types';
import { openDemand, servedSlots, traineeDemand, type OpenDemand, type OpenRow } from './demand';
import { inRanges } from './slots';
import { buildTimeline, type Timeline } from './timeline';

/**
 * The scheduler's working state: departments by index, a load grid over the future slots, and per trainee
 * what is left to serve and on which positions. Built once per run from a `SchedulerInput`.
 */

export type Dept = { id: string; name: string; cap: number; partnerSite: number; siteType: string };

/** A placed stretch of a trainee's timeline: positions [p, p + len) in one department for one row. */
export type Piece = { std: string; dept: number; p: number; len: number };

export type Grid = {
  base: number;
  span: number;
  /** load[d * span + (slot - base)]: trainees in department d at that slot (occupied + fixed + placed). */
  load: Int32Array;
  cap: Int32Array;
  /** Most trainees a new placement may bring a department to: the capacity, or less while improving balance. */
  limit: Int32Array;
  /**
   * Load still to come from trainees not placed yet, each row spread evenly over the positions and
   * departments it may take: placing one trainee looks at load + expected, so early trainees leave room
   * where later ones will have to go (e.g. everyone's stage-1 rows in year 1).
   */
  expected: Float64Array;
};

export type TraineeState = {
  t: TraineeToPlan;
  timeline: Timeline;
  /** slot - grid.base per position. */
  off: Int32Array;
  open: OpenDemand;
  partnerSites: number[];
  partnerSlots: number;
  /** The current plan's future blocks, in order, as (row, department) preferences for re-planning. */
  prefer: Array<{ std: string; dept: number }>;
  /**
   * A block that may not be split, begun in the past and cut short (by leave): its rest must come first, in
   * the same department, so that it reads as one block interrupted by leave.
   */
  resume: { std: string; dept: number } | null;
  placement: Piece[] | null;
  /** True while the trainee's current plan is kept as it is. */
  kept: boolean;
};

export type Ctx = {
  input: SchedulerInput;
  depts: Dept[];
  deptIndex: Map<string, number>;
  /** Standard department → departments that can teach it. */
  eligible: Map<string, number[]>;
  grid: Grid;
  trainees: TraineeState[];
};

export function buildContext(input: SchedulerInput): Ctx {
  const sites = new Map<string, number>();
  const depts: Dept[] = input.departments.map((d) => {
    let partnerSite = -1;
    if (d.siteType === 'partner') {
      const name = d.site ?? d.name;
      if (!sites.has(name)) sites.set(name, sites.size);
      partnerSite = sites.get(name)!;
    }
    return { id: d.id, name: d.name, cap: d.capacity, partnerSite, siteType: d.siteType };
  });
  const deptIndex = new Map(depts.map((d, i) => [d.id, i]));
  const eligible = new Map<string, number[]>();
  input.departments.forEach((d, i) => {
    for (const std of d.standardDepartments) {
      if (!eligible.has(std)) eligible.set(std, []);
      eligible.get(std)!.push(i);
    }
  });

  const partial = input.trainees.map((t) => {
    const open = openDemand(traineeDemand(t), servedSlots(t.fixedBlocks, t.leave));
    const length = open.rows.reduce((a, r) => a + r.left, 0) + open.choices.reduce((a, c) => a + Math.max(0, c.need), 0);
    return { t, open, timeline: buildTimeline(t, input.now, length) };
  });
  const base = input.now;
  const last = partial.reduce(
    (m, p) => Math.max(m, p.timeline.slots.at(-1) ?? base, ...p.t.fixedBlocks.map((b) => b.to - 1)),
    base,
  );
  const grid = makeGrid(depts, base, last - base + 1);
  addOccupied(grid, deptIndex, input.occupied);

  const trainees = partial.map(({ t, open, timeline }): TraineeState => {
    for (const b of t.fixedBlocks) addBlockLoad(grid, deptIndex, b, t.leave);
    const partner = fixedPartnerUse(t.fixedBlocks, t.leave, depts, deptIndex);
    return {
      t,
      timeline,
      off: Int32Array.from(timeline.slots, (s) => s - base),
      open,
      partnerSites: partner.sites,
      partnerSlots: partner.slots,
      prefer: preferences(t, input.now, deptIndex),
      resume: unfinished(t, open, deptIndex),
      placement: null,
      kept: false,
    };
  });
  return { input, depts, deptIndex, eligible, grid, trainees };
}

function makeGrid(depts: Dept[], base: number, span: number): Grid {
  const cap = Int32Array.from(depts, (d) => d.cap);
  return {
    base,
    span,
    load: new Int32Array(depts.length * span),
    cap,
    limit: Int32Array.from(cap),
    expected: new Float64Array(depts.length * span),
  };
}

function addOccupied(grid: Grid, deptIndex: Map<string, number>, occupied: SchedulerInput['occupied']): void {
  for (const [id, bySlot] of occupied) {
    const d = deptIndex.get(id);
    if (d === undefined) continue;
    for (const [slot, n] of bySlot) {
      if (slot >= grid.base && slot < grid.base + grid.span) grid.load[d * grid.span + slot - grid.base]! += n;
    }
  }
}

function addBlockLoad(grid: Grid, deptIndex: Map<string, number>, b: Block, leave: TraineeToPlan['leave']): void {
  const d = deptIndex.get(b.departmentId);
  if (d === undefined) return;
  for (let s = Math.max(b.from, grid.base); s < Math.min(b.to, grid.base + grid.span); s++) {
    if (!inRanges(s, leave)) grid.load[d * grid.span + s - grid.base]! += 1;
  }
}

function fixedPartnerUse(blocks: Block[], leave: TraineeToPlan['leave'], depts: Dept[], deptIndex: Map<string, number>) {
  const sites: number[] = [];
  let slots = 0;
  for (const b of blocks) {
    const d = deptIndex.get(b.departmentId);
    if (d === undefined || depts[d]!.partnerSite < 0) continue;
    if (!sites.includes(depts[d]!.partnerSite)) sites.push(depts[d]!.partnerSite);
    for (let s = b.from; s < b.to; s++) if (!inRanges(s, leave)) slots++;
  }
  return { sites, slots };
}

function unfinished(t: TraineeToPlan, open: OpenDemand, deptIndex: Map<string, number>): TraineeState['resume'] {
  const last = [...t.fixedBlocks].sort((a, b) => b.to - a.to)[0];
  if (!last) return null;
  const row = open.rows.find((r) => r.standardDepartment === last.standardDepartment && !r.splittable && r.left < r.slots);
  const dept = deptIndex.get(last.departmentId);
  return row && dept !== undefined ? { std: row.standardDepartment, dept } : null;
}

function preferences(t: TraineeToPlan, now: number, deptIndex: Map<string, number>): TraineeState['prefer'] {
  return t.currentBlocks
    .filter((b) => !b.fixed && b.from >= now && deptIndex.has(b.departmentId))
    .sort((a, b) => a.from - b.from)
    .map((b) => ({ std: b.standardDepartment, dept: deptIndex.get(b.departmentId)! }));
}

export function applyPlacement(ctx: Ctx, ts: TraineeState, pieces: Piece[], sign: 1 | -1): void {
  const { load, span } = ctx.grid;
  for (const q of pieces) {
    const row = q.dept * span;
    for (let i = q.p; i < q.p + q.len; i++) load[row + ts.off[i]!]! += sign;
  }
}

/** Adds (or removes) a trainee's spread-out future load to `grid.expected`. */
export function addExpectation(ctx: Ctx, ts: TraineeState, sign: 1 | -1): void {
  const { expected, span } = ctx.grid;
  const n = ts.off.length;
  const rows = [
    ...ts.open.rows,
    ...ts.open.choices.flatMap((c) =>
      c.options.map((o) => ({
        ...o,
        left:
          (o.left * c.need) /
          Math.max(
            1,
            c.options.reduce((a, x) => a + x.left, 0),
          ),
      })),
    ),
  ];
  for (const r of rows) {
    const depts = ctx.eligible.get(r.standardDepartment) ?? [];
    if (depts.length === 0 || r.left <= 0) continue;
    let from = 0;
    let to = n;
    if (r.stage !== null) {
      from = ts.timeline.year.indexOf(r.stage);
      to = ts.timeline.year.lastIndexOf(r.stage) + 1;
      if (from < 0) continue;
    }
    const share = (sign * r.left) / (to - from) / depts.length;
    for (const d of depts) for (let i = from; i < to; i++) expected[d * span + ts.off[i]!]! += share;
  }
}

export type { OpenRow };
