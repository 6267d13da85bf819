/**
 * The rotation unit is half a month (domain: 轮转单位 0.5 个月): the 1st-15th and the 16th-end of a month.
 * A half month is numbered from year 0 so that moving by one is adding one.
 */
export function halfOf(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return y * 24 + (m - 1) * 2 + (d >= 16 ? 1 : 0);
}

/** The first day of a half month: YYYY-MM-01 or YYYY-MM-16. */
export function startOfHalf(half: number): string {
  const y = Math.floor(half / 24);
  const m = Math.floor((half % 24) / 2) + 1;
  return `${y}-${String(m).padStart(2, '0')}-${half % 2 === 1 ? '16' : '01'}`;
}

/** The month (YYYY-MM) a half month is in. */
export function monthOfHalf(half: number): string {
  return startOfHalf(half).slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}
