import type { Ctx, Piece, TraineeState } from './context';
import type { Block } from './types';

/** Pieces on positions back to dated blocks: a piece that spans leave becomes two blocks around it. */
export function piecesToBlocks(ctx: Ctx, ts: TraineeState, pieces: Piece[]): Block[] {
  const out: Block[] = [];
  for (const q of [...pieces].sort((a, b) => a.p - b.p)) {
    const departmentId = ctx.depts[q.dept]!.id;
    for (let i = q.p; i < q.p + q.len; i++) {
      const s = ts.timeline.slots[i]!;
      const last = out.at(-1);
      if (last && last.to === s && last.departmentId === departmentId && last.standardDepartment === q.std) last.to = s + 1;
      else out.push({ from: s, to: s + 1, departmentId, standardDepartment: q.std, fixed: false });
    }
  }
  return out;
}

const sameBlock = (a: Block, b: Block): boolean =>
  a.from === b.from && a.to === b.to && a.departmentId === b.departmentId && a.standardDepartment === b.standardDepartment;

/** New blocks that are not exactly one of the current plan's blocks. */
export function countChanged(current: readonly Block[], next: readonly Block[]): number {
  return next.filter((b) => !b.fixed && !current.some((c) => sameBlock(b, c))).length;
}
