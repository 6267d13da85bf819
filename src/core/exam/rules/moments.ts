/**
 * Dates and times as the notices write them (Beijing time): shared with the recruitment windows, so they live
 * in the calendar module; the exam rules keep importing them from here.
 */
export { beijingDate, beijingMoment, closingMoment, momentLabel, openingMoment } from '../../calendar';

/** The last day of `years` of training from `start`, pushed back by `extraMonths` (half months allowed). */
export function nominalEnd(start: string, years: number, extraMonths = 0): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const halves = Math.round((years * 12 + extraMonths) * 2);
  const months = Math.floor(halves / 2);
  const extraDays = halves % 2 === 1 ? 15 : 0;
  const first = new Date(Date.UTC(y, m - 1 + months, d + extraDays));
  return new Date(first.getTime() - 86_400_000).toISOString().slice(0, 10);
}
