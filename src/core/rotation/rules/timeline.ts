import type { TraineeToPlan } from './types';
import { inRanges, trainingYearOf } from './slots';

/**
 * The slots still to fill for one trainee, in order: from the later of their start and `now`, skipping leave
 * and slots held by fixed blocks, exactly as many as they still have to serve. Blocks are laid on these
 * positions, so a plan never has a gap other than leave.
 */
export type Timeline = {
  /** Absolute slot of each position. */
  slots: number[];
  /** Training year (counting leave) of each position. */
  year: number[];
};

export function buildTimeline(t: TraineeToPlan, now: number, length: number): Timeline {
  const slots: number[] = [];
  const year: number[] = [];
  let s = Math.max(t.start, now);
  while (slots.length < length) {
    if (!inRanges(s, t.leave) && !inRanges(s, t.fixedBlocks)) {
      slots.push(s);
      year.push(trainingYearOf(s, t.start, t.leave));
    }
    s++;
  }
  return { slots, year };
}

/** First and one-past-last position of training year k on a timeline (equal when the year is not on it). */
export function yearSpan(tl: Timeline, k: number): { start: number; end: number } {
  const start = tl.year.findIndex((y) => y === k);
  if (start < 0) return { start: 0, end: 0 };
  let end = start;
  while (end < tl.year.length && tl.year[end] === k) end++;
  return { start, end };
}
