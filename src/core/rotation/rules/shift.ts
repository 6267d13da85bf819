import type { SlotRange } from './types';
import { inRanges } from './slots';

/**
 * Shift-and-push: one block of a trainee's plan moves earlier or later by whole half months, and the blocks
 * it passes move the other way by its length to close up behind it. The plan keeps every block's months,
 * its start and its end, so "no gaps" and "months exact" still hold; a block the moved one lands inside is
 * cut in two around it (the plan checker then refuses that unless its row may be split). Moving by exactly
 * the length of a neighbour is the old swap of two blocks. Leave stays where it is: the timeline the blocks
 * slide along skips it, as the scheduler's does.
 *
 * The inverse of a shift by n is a shift of the same block by -n: pieces of one row in one department that
 * end up side by side again are joined, so undo gives back the same dates and departments.
 */

export type ShiftBlock = SlotRange & {
  /** null for a piece cut off by this shift (it needs a new id). */
  id: string | null;
  departmentId: string;
  standardDepartment: string;
  /** false for blocks that carry something of their own (an exit exam, a 补轮 link): never joined away. */
  joinable: boolean;
};

export type ShiftOutcome =
  | { ok: true; blocks: ShiftBlock[]; removed: string[] }
  | { ok: false; code: 'ROTATION_SHIFT_PAST_END' | 'ROTATION_SHIFT_BEFORE_START'; limit: number };

/**
 * `blocks`: the trainee's blocks that may still change (not begun), any order. `by`: half months, negative
 * = earlier. On refusal, `limit` is the last slot (past end) or first slot (before start) the block may use.
 */
export function shiftAndPush(blocks: readonly ShiftBlock[], id: string, by: number, leave: readonly SlotRange[]): ShiftOutcome {
  const sorted = [...blocks].sort((a, b) => a.from - b.from);
  const moving = sorted.findIndex((b) => b.id === id);
  if (moving < 0 || sorted.length === 0) throw new Error(`block ${id} is not among the blocks to shift`);
  const positions = timeline(sorted, leave);
  const owners = positions.map((s) => sorted.findIndex((b) => s >= b.from && s < b.to));
  const mine = owners.flatMap((o, i) => (o === moving ? [i] : []));
  const rest = owners.filter((o) => o !== moving);
  const at = mine[0]! + by;
  if (at < 0) return { ok: false, code: 'ROTATION_SHIFT_BEFORE_START', limit: positions[0]! };
  if (at + mine.length > positions.length) return { ok: false, code: 'ROTATION_SHIFT_PAST_END', limit: positions.at(-1)! };
  const order = [...rest.slice(0, at), ...mine.map(() => moving), ...rest.slice(at)];
  const runs = join(toRuns(order, positions, sorted));
  const kept = new Set(runs.map((r) => r.id));
  return { ok: true, blocks: runs, removed: sorted.flatMap((b) => (b.id !== null && !kept.has(b.id) ? [b.id] : [])) };
}

/** Slots from the first block's start to the last block's end, leave skipped. */
function timeline(sorted: readonly ShiftBlock[], leave: readonly SlotRange[]): number[] {
  const end = Math.max(...sorted.map((b) => b.to));
  const out: number[] = [];
  for (let s = sorted[0]!.from; s < end; s++) if (!inRanges(s, leave)) out.push(s);
  return out;
}

/** Consecutive positions of one owner on consecutive slots become one block; the owner's first keeps its id. */
function toRuns(order: number[], positions: number[], sorted: readonly ShiftBlock[]): ShiftBlock[] {
  const runs: ShiftBlock[] = [];
  const used = new Set<number>();
  let last = -1;
  order.forEach((owner, i) => {
    const slot = positions[i]!;
    const prev = runs.at(-1);
    if (owner >= 0 && owner === last && prev && prev.to === slot) {
      prev.to = slot + 1;
      return;
    }
    last = owner;
    if (owner < 0) return;
    const b = sorted[owner]!;
    runs.push({ ...b, id: used.has(owner) ? null : b.id, from: slot, to: slot + 1 });
    used.add(owner);
  });
  return runs;
}

/** Side-by-side pieces of one row in one department are one block again (what undoing a cut needs). */
function join(runs: ShiftBlock[]): ShiftBlock[] {
  const out: ShiftBlock[] = [];
  for (const r of runs) {
    const prev = out.at(-1);
    const same = prev && prev.to === r.from && prev.departmentId === r.departmentId;
    if (same && prev.standardDepartment === r.standardDepartment && prev.joinable && r.joinable) {
      prev.to = r.to;
      if (prev.id === null) prev.id = r.id;
      continue;
    }
    out.push({ ...r });
  }
  return out;
}
