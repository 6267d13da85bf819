/**
 * Exact subset sums for elective groups (选轮组): which rows, taken whole, add up to the group's months.
 * Groups are small (a handful of rows), so enumeration in a fixed order is cheap and deterministic.
 */

/** Index sets of `sizes` that sum exactly to `target`, in lexicographic order, at most `limit` of them. */
export function exactSubsets(sizes: readonly number[], target: number, limit = 256): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const suffix = sizes.map((_, i) => sizes.slice(i).reduce((a, b) => a + b, 0));
  const walk = (i: number, left: number): void => {
    if (out.length >= limit) return;
    if (left === 0) {
      out.push([...pick]);
      return;
    }
    if (i >= sizes.length || left < 0 || suffix[i]! < left) return;
    pick.push(i);
    walk(i + 1, left - sizes[i]!);
    pick.pop();
    walk(i + 1, left);
  };
  walk(0, target);
  return out;
}

export function hasExactSubset(sizes: readonly number[], target: number): boolean {
  if (target < 0) return false;
  const reach = new Uint8Array(target + 1);
  reach[0] = 1;
  for (const s of sizes) {
    if (s <= 0) continue;
    for (let t = target; t >= s; t--) if (reach[t - s]) reach[t] = 1;
  }
  return reach[target] === 1;
}

/**
 * Smallest total of `weights` over the subsets of `sizes` summing exactly to `target` (Infinity when none):
 * e.g. the fewest 协同 months an elective group forces.
 */
export function minWeightExactSubset(sizes: readonly number[], weights: readonly number[], target: number): number {
  if (target < 0) return Infinity;
  const best = new Array<number>(target + 1).fill(Infinity);
  best[0] = 0;
  sizes.forEach((s, i) => {
    if (s <= 0) return;
    for (let t = target; t >= s; t--) best[t] = Math.min(best[t]!, best[t - s]! + weights[i]!);
  });
  return best[target]!;
}
