import { useState, type KeyboardEvent, type RefObject } from 'react';
import type { GridBlock, GridPlan, GridPlans, GridTrainee } from './grid-model';
import { halfOf } from './half-months';
import type { MoveRequest } from './PlanGrid';

/** The block selected, and how many half months it is being moved (not saved yet). */
export type Selection = { traineeId: string; blockId: string; offset: number };
export type FoundBlock = { trainee: GridTrainee; block: GridBlock; blocks: GridBlock[]; index: number };

const sorted = (plan: GridPlan | null | undefined): GridBlock[] =>
  [...(plan?.blocks ?? [])].sort((a, b) => a.start.localeCompare(b.start));

export function findBlock(trainees: readonly GridTrainee[], plans: GridPlans, s: Selection): FoundBlock | null {
  const trainee = trainees.find((t) => t.id === s.traineeId);
  const blocks = sorted(plans.get(s.traineeId));
  const index = blocks.findIndex((b) => b.id === s.blockId);
  return trainee && index >= 0 ? { trainee, block: blocks[index]!, blocks, index } : null;
}

/** Keys that select a block when none is selected yet. */
const FIRST_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'Enter', ' ']);

/**
 * The plan grid by keyboard alone: ↑/↓ another trainee (the block at the same time), Shift+←/→ the previous
 * or next block, ←/→ move the selected block half a month (shown, not saved), Enter save, Esc cancel,
 * Ctrl+Z undo the last saved move. The first key on the grid selects the first block in view.
 */
export function useGridKeys({
  trainees,
  plans,
  grid,
  rowHeight,
  viewport,
  onMove,
  onUndo,
}: {
  trainees: readonly GridTrainee[];
  plans: GridPlans;
  grid: RefObject<HTMLDivElement | null>;
  rowHeight: number;
  /** Height of the rows' part of the scroll area. */
  viewport: number;
  onMove: (m: MoveRequest) => Promise<void>;
  onUndo: () => void;
}) {
  const [sel, setSel] = useState<Selection | null>(null);

  async function save(s: Selection) {
    const found = findBlock(trainees, plans, s);
    if (!found || s.offset === 0) return setSel({ ...s, offset: 0 });
    // Saved or refused, the bar goes back to where the server says it is.
    await onMove({ trainee: found.trainee, block: found.block, by: s.offset });
    setSel({ ...s, offset: 0 });
  }

  /** Scrolls the grid just enough to show row `index` (the windowed list renders what is in view). */
  function reveal(index: number) {
    const el = grid.current;
    if (!el) return;
    const top = index * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + viewport) el.scrollTop = top + rowHeight - viewport;
  }

  /** The nearest trainee from `index` in direction `dir` with a plan; selects the block at `half` there. */
  function selectRow(index: number, dir: 1 | -1, half: number | null): void {
    for (let i = index; i >= 0 && i < trainees.length; i += dir) {
      const blocks = sorted(plans.get(trainees[i]!.id));
      if (blocks.length === 0) continue;
      const at = half === null ? blocks[0]! : (blocks.find((b) => halfOf(b.end) >= half) ?? blocks.at(-1)!);
      setSel({ traineeId: trainees[i]!.id, blockId: at.id, offset: 0 });
      reveal(i);
      return;
    }
  }

  function handle(key: string, shift: boolean, ctrl: boolean): boolean {
    if (ctrl) {
      if (key.toLowerCase() !== 'z') return false;
      onUndo();
      return true;
    }
    const found = sel ? findBlock(trainees, plans, sel) : null;
    if (!sel || !found) {
      if (!FIRST_KEYS.has(key)) return false;
      selectRow(Math.floor((grid.current?.scrollTop ?? 0) / rowHeight), 1, null);
      return true;
    }
    const row = trainees.indexOf(found.trainee);
    const half = halfOf(found.block.start);
    switch (key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        const dir = key === 'ArrowLeft' ? -1 : 1;
        const next = found.blocks[found.index + dir];
        if (!shift) setSel({ ...sel, offset: sel.offset + dir });
        else if (next) setSel({ traineeId: sel.traineeId, blockId: next.id, offset: 0 });
        return true;
      }
      case 'ArrowUp':
      case 'ArrowDown':
        selectRow(row + (key === 'ArrowUp' ? -1 : 1), key === 'ArrowUp' ? -1 : 1, half);
        return true;
      case 'Enter':
        void save(sel);
        return true;
      case 'Escape':
        setSel({ ...sel, offset: 0 });
        return true;
      default:
        return false;
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (handle(e.key, e.shiftKey, e.ctrlKey || e.metaKey)) e.preventDefault();
  }

  return { sel, setSel, save, onKeyDown };
}
