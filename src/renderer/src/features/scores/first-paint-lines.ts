/**
 * Lines the first frame of 成绩排名 renders: about one screen, like the other large lists. Every group's
 * page (20 lines each, 200 with ten groups) built at once was most of the screen's first paint at 10,000
 * candidates, though only the first groups are in view.
 */
export const FIRST_PAINT_LINES = 50;

/**
 * Each group's share of `budget` lines, in screen order: how many of its lines to render, or null for a
 * group not rendered yet (the budget ran out before it).
 */
export function linesPerGroup(sizes: readonly number[], budget: number): Array<number | null> {
  let left = budget;
  return sizes.map((n) => {
    if (left <= 0) return null;
    const take = Math.min(left, n);
    left -= take;
    return take;
  });
}
