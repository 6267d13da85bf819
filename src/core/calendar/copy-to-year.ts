/**
 * A year's schedule started from another year's: the notices change every year, so copied dates are only a
 * starting point. Every date moves by the difference in years (29 February becomes 28 February in a common
 * year) and is marked 示例 until a person edits or confirms it against this year's notice. Used by every
 * dated province schedule (the exam-year calendar, the recruitment windows).
 */

/** A dated item of a schedule: a step or a window. */
export type Dated = { key: string; opens: string | null; closes: string; example: boolean };

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** '2024-02-29' or '2024-02-29T08:00' moved by `years`; the time of day stays. */
export function shiftMoment(moment: string, years: number): string {
  const y = Number(moment.slice(0, 4)) + years;
  let rest = moment.slice(4);
  if (rest.startsWith('-02-29') && !isLeap(y)) rest = `-02-28${rest.slice(6)}`;
  return `${String(y).padStart(4, '0')}${rest}`;
}

/** Every item's dates moved by `years`, each marked 示例. */
export function moveToYear<T extends Dated>(items: readonly T[], years: number): T[] {
  return items.map((s) => ({
    ...s,
    opens: s.opens === null ? null : shiftMoment(s.opens, years),
    closes: shiftMoment(s.closes, years),
    example: true,
  }));
}

/**
 * An edited date is no longer an example: an item whose dates differ from the stored one's (or that is new)
 * loses its 示例 mark, whatever the editor sent.
 */
export function settleEdited<T extends Dated>(before: readonly T[], after: readonly T[]): T[] {
  const old = new Map(before.map((s) => [s.key, s]));
  return after.map((s) => {
    const o = old.get(s.key);
    const moved = !o || o.opens !== s.opens || o.closes !== s.closes;
    return moved && s.example ? { ...s, example: false } : s;
  });
}

/**
 * Items the editor dropped are kept aside (so a removed preset step can be restored); an item sent again
 * under a kept key is restored and leaves the kept list.
 */
export function keepRemoved<T extends Dated>(before: readonly T[], after: readonly T[], keptBefore: readonly T[]): T[] {
  const now = new Set(after.map((s) => s.key));
  const dropped = before.filter((s) => !now.has(s.key));
  const kept = keptBefore.filter((s) => !now.has(s.key) && !dropped.some((d) => d.key === s.key));
  return [...kept, ...dropped];
}
