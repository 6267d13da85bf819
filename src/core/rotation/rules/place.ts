import type { Ctx, Piece, TraineeState } from './context';
import type { OpenRow } from './demand';
import { MAX_PARTNER_MONTHS, MAX_PARTNER_SITES } from './scheme';
import { exactSubsets } from './subsets';
import { yearSpan } from './timeline';
import type { Random } from './random';

/**
 * One trainee's blocks, laid position by position along their timeline by a depth-first search: at each
 * position, every (row, department) that fits (capacity, stage year, 协同 limits, whole block unless the row
 * is splittable) is tried, least loaded first, backtracking on dead ends up to a node budget. The first
 * complete placement is the greedy choice; `onComplete` returning false asks for the next one (the
 * exhaustive search over several trainees uses that).
 */

export type PlaceOptions = {
  /** Load ratios up to this are equally good (the lower bound on the peak): other goals decide among them. */
  target: number;
  /** Search nodes left, shared by nested searches (the exhaustive search places trainees inside trainees). */
  budget: { left: number };
  rng: Random;
  /** Follow the current plan's order of rows and departments where capacity allows. */
  usePrefer: boolean;
  onComplete?: (pieces: Piece[]) => boolean;
  /** A first block in the trainee's own specialty wins when it keeps the load ratio at or below this. */
  homeUpTo?: number;
  /** Also try every shorter piece of a splittable row (complete, but only affordable for small runs). */
  allSplits?: boolean;
};

export type PlaceResult =
  { ok: true; pieces: Piece[]; nodes: number } | { ok: false; nodes: number; aborted: boolean; blocked: number[] };

type Row = { std: string; left: number; stage: number; splittable: boolean; elig: number[] };

const MAX_PARTNER_SLOTS = MAX_PARTNER_MONTHS * 2;

/** Places the trainee (the grid keeps the load on success; unchanged on failure). */
export function placeTrainee(ctx: Ctx, ts: TraineeState, opts: PlaceOptions): PlaceResult {
  const combos = electiveCombos(ctx, ts, opts);
  let nodes = 0;
  let aborted = false;
  const blocked = new Set<number>();
  for (const chosen of combos) {
    const search = new Search(ctx, ts, [...ts.open.rows, ...chosen], opts);
    const pieces = search.run();
    nodes += search.nodes;
    if (pieces) return { ok: true, pieces, nodes };
    for (const c of search.blocked) blocked.add(c);
    if (search.aborted) {
      aborted = true;
      break;
    }
  }
  return { ok: false, nodes, aborted, blocked: [...blocked] };
}

/** Elective choices to try, best first: the current plan's choice, then the least loaded departments. */
function electiveCombos(ctx: Ctx, ts: TraineeState, opts: PlaceOptions): OpenRow[][] {
  let combos: OpenRow[][] = [[]];
  for (const c of ts.open.choices) {
    if (c.need === 0) continue;
    const subsets = exactSubsets(
      c.options.map((o) => o.left),
      c.need,
      16,
    ).map((idx) => idx.map((i) => c.options[i]!));
    const next: OpenRow[][] = [];
    for (const base of combos) for (const s of subsets) if (next.length < 32) next.push([...base, ...s]);
    combos = next;
  }
  const preferred = new Set(ts.prefer.map((p) => p.std));
  const scored = combos.map((rows) => ({
    rows,
    matches: opts.usePrefer && rows.every((r) => preferred.has(r.standardDepartment)) ? 0 : 1,
    pressure: rows.reduce((a, r) => a + r.left * pressure(ctx, ts, r.standardDepartment), 0),
    tie: opts.rng.next(),
  }));
  scored.sort((a, b) => a.matches - b.matches || a.pressure - b.pressure || a.tie - b.tie);
  return scored.map((s) => s.rows);
}

/** Mean load ratio (with the load still expected) over the trainee's timeline in the least loaded department teaching `std`. */
function pressure(ctx: Ctx, ts: TraineeState, std: string): number {
  const { load, expected, cap, span } = ctx.grid;
  // A department without places is as bad as it gets (a large number, not Infinity, keeps sums comparable).
  let best = 1e6;
  for (const d of ctx.eligible.get(std) ?? []) {
    if (cap[d]! <= 0) continue;
    let sum = 0;
    for (const o of ts.off) sum += load[d * span + o]! + expected[d * span + o]!;
    best = Math.min(best, sum / Math.max(1, ts.off.length) / cap[d]!);
  }
  return best;
}

type Candidate = { i: number; d: number; len: number; score: number };

class Search {
  nodes = 0;
  aborted = false;
  blocked: number[] = [];
  private deepest = -1;
  private readonly rows: Row[];
  private readonly need = [0, 0, 0, 0];
  private readonly years: Array<{ start: number; end: number }>;
  private readonly pieces: Piece[] = [];
  private readonly sites: number[];
  private partnerSlots: number;
  private readonly home: string | null;
  private readonly typical: number[];

  constructor(
    private readonly ctx: Ctx,
    private readonly ts: TraineeState,
    rows: OpenRow[],
    private readonly opts: PlaceOptions,
  ) {
    this.rows = rows.map((r) => ({
      std: r.standardDepartment,
      left: r.left,
      stage: r.stage ?? 0,
      splittable: r.splittable,
      elig: ctx.eligible.get(r.standardDepartment) ?? [],
    }));
    for (const r of this.rows) this.need[r.stage]! += r.left;
    this.years = [0, 1, 2, 3].map((k) => yearSpan(ts.timeline, k));
    this.sites = [...ts.partnerSites];
    this.partnerSlots = ts.partnerSlots;
    this.typical = this.rows.map((r) => this.typicalRatio(r));
    // The home-department start only applies to a trainee's very first block.
    this.home = ts.t.fixedBlocks.length === 0 ? (ts.t.scheme.home ?? null) : null;
  }

  /**
   * The load ratio a row meets on average where it may go (its year's positions, its best department):
   * scores are relative to it, so a row whose departments are always busy is not put off until it is forced.
   */
  private typicalRatio(r: Row): number {
    const { load, expected, cap, span } = this.ctx.grid;
    const y = r.stage !== 0 ? this.years[r.stage]! : { start: 0, end: this.ts.off.length };
    if (y.end <= y.start) return 0;
    let best = Infinity;
    for (const d of r.elig) {
      if (cap[d]! <= 0) continue;
      let sum = 0;
      for (let i = y.start; i < y.end; i++) sum += load[d * span + this.ts.off[i]!]! + expected[d * span + this.ts.off[i]!]!;
      best = Math.min(best, sum / (y.end - y.start) / cap[d]!);
    }
    return Number.isFinite(best) ? best : 0;
  }

  run(): Piece[] | null {
    const n = this.ts.timeline.slots.length;
    if (this.rows.reduce((a, r) => a + r.left, 0) !== n) return null;
    let found: Piece[] | null = null;
    const done = (pieces: Piece[]): boolean => {
      const copy = pieces.map((p) => ({ ...p }));
      if (this.opts.onComplete && !this.opts.onComplete(copy)) return false;
      found = copy;
      return true;
    };
    this.dfs(0, n, done);
    return found;
  }

  private dfs(p: number, n: number, done: (pieces: Piece[]) => boolean): boolean {
    if (p === n) return done(this.pieces);
    this.nodes++;
    if (--this.opts.budget.left < 0) {
      this.aborted = true;
      return false;
    }
    for (const c of this.candidates(p, n)) {
      this.apply(c, p, 1);
      if (this.stageRoomOk(p + c.len) && this.dfs(p + c.len, n, done)) return true;
      this.apply(c, p, -1);
      if (this.aborted) return false;
    }
    return false;
  }

  /** Every (row, department, length) that may start at position p, best first. */
  private candidates(p: number, n: number): Candidate[] {
    const year = this.ts.timeline.year[p];
    const preferred = this.opts.usePrefer ? this.preferredNext() : null;
    const out: Candidate[] = [];
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i]!;
      const maxLen = this.roomFor(r, p, n, year);
      if (maxLen === null) continue;
      for (const d of r.elig) {
        if (!this.deptAllowed(d, p)) continue;
        const { run, peak } = this.freeRun(d, p, maxLen);
        const len = this.pieceLength(r, d, run);
        if (len <= 0 || (!r.splittable && len < r.left)) continue;
        // Scored in this order on purpose: each score draws from the seeded random source.
        const score = this.score(i, d, p, peak, preferred);
        out.push({ i, d, len, score });
        if (r.splittable && this.opts.allSplits) {
          for (let shorter = len - 1; shorter >= 1; shorter--)
            out.push({ i, d, len: shorter, score: score + 0.0001 * (len - shorter) });
        }
      }
    }
    return out.sort((a, b) => a.score - b.score);
  }

  /** The longest piece of row r that may start at p (its stage year, whole unless splittable), or null. */
  private roomFor(r: Row, p: number, n: number, year: number | undefined): number | null {
    if (r.left === 0) return null;
    if (r.stage !== 0 && year !== r.stage) return null;
    const maxLen = Math.min(r.left, r.stage !== 0 ? this.years[r.stage]!.end - p : n - p);
    if (!r.splittable && maxLen < r.left) return null;
    if (p === 0 && this.ts.resume !== null && this.ts.resume.std !== r.std) return null;
    return maxLen;
  }

  /** A resumed trainee starts where they were; a new 协同 site only while under the site limit. */
  private deptAllowed(d: number, p: number): boolean {
    if (p === 0 && this.ts.resume !== null && this.ts.resume.dept !== d) return false;
    const site = this.ctx.depts[d]!.partnerSite;
    return !(site >= 0 && !this.sites.includes(site) && this.sites.length >= MAX_PARTNER_SITES);
  }

  /** How many positions from p department d has room for (up to maxLen), and the highest load ratio met. */
  private freeRun(d: number, p: number, maxLen: number): { run: number; peak: number } {
    const { load, limit, cap, span, expected } = this.ctx.grid;
    const row = d * span;
    let run = 0;
    let peak = 0;
    for (; run < maxLen; run++) {
      const cell = row + this.ts.off[p + run]!;
      const l = load[cell]! + 1;
      if (l > limit[d]!) {
        this.noteBlocked(p, cell);
        break;
      }
      const ratio = (l + expected[cell]!) / cap[d]!;
      if (ratio > peak) peak = ratio;
    }
    return { run, peak };
  }

  /** The piece to place: the free run (all of the row unless splittable), cut to the 协同 months left. */
  private pieceLength(r: Row, d: number, run: number): number {
    const len = r.splittable ? run : run === r.left ? run : 0;
    return this.ctx.depts[d]!.partnerSite >= 0 ? Math.min(len, MAX_PARTNER_SLOTS - this.partnerSlots) : len;
  }

  /** Lower is better: load over the target and over the row's typical load, then home start and the current plan. */
  private score(i: number, d: number, p: number, peak: number, preferred: { std: string; dept: number } | null): number {
    const r = this.rows[i]!;
    let score = Math.max(peak, this.opts.target) - this.typical[i]! + 0.05 * peak + 0.001 * this.opts.rng.next();
    if (p === 0 && this.home === r.std) score -= peak <= (this.opts.homeUpTo ?? 0) + 1e-9 ? 1 : 0.03;
    if (preferred !== null && preferred.std === r.std && preferred.dept === d) score -= 10;
    return score;
  }

  private preferredNext(): { std: string; dept: number } | null {
    for (const pref of this.ts.prefer) {
      if (this.rows.some((r) => r.std === pref.std && r.left > 0)) return pref;
    }
    return null;
  }

  private noteBlocked(p: number, cell: number): void {
    if (p > this.deepest) {
      this.deepest = p;
      this.blocked = [];
    }
    if (p === this.deepest && this.blocked.length < 64 && !this.blocked.includes(cell)) this.blocked.push(cell);
  }

  private apply(c: Candidate, p: number, sign: 1 | -1): void {
    const r = this.rows[c.i]!;
    r.left -= sign * c.len;
    this.need[r.stage]! -= sign * c.len;
    const { load, span } = this.ctx.grid;
    for (let q = p; q < p + c.len; q++) load[c.d * span + this.ts.off[q]!]! += sign;
    const site = this.ctx.depts[c.d]!.partnerSite;
    if (site >= 0) {
      this.partnerSlots += sign * c.len;
      if (sign === 1 && !this.sites.includes(site)) this.sites.push(site);
      if (
        sign === -1 &&
        !this.pieces.slice(0, -1).some((q) => this.ctx.depts[q.dept]!.partnerSite === site) &&
        !this.ts.partnerSites.includes(site)
      ) {
        this.sites.splice(this.sites.indexOf(site), 1);
      }
    }
    if (sign === 1) this.pieces.push({ std: r.std, dept: c.d, p, len: c.len });
    else this.pieces.pop();
  }

  /** Each stage's rows must still fit in what is left of their training year. */
  private stageRoomOk(p: number): boolean {
    for (let k = 1; k <= 3; k++) {
      if (this.need[k] === 0) continue;
      const y = this.years[k]!;
      if (this.need[k]! > Math.max(0, y.end - Math.max(p, y.start))) return false;
    }
    return true;
  }
}
