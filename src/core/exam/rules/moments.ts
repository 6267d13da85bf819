/**
 * Dates and times as the notices write them: Beijing local time (UTC+8, no daylight saving). A bare date
 * that closes a window means the end of that day; one that opens it, the start.
 */

import { formatDate } from '../../../shared/dates';

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** 'YYYY-MM-DDTHH:MM' in Beijing time for an instant. */
export function beijingMoment(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16);
}

export function beijingDate(ms: number): string {
  return beijingMoment(ms).slice(0, 10);
}

export function openingMoment(m: string): string {
  return m.length === 10 ? `${m}T00:00` : m;
}

export function closingMoment(m: string): string {
  return m.length === 10 ? `${m}T23:59` : m;
}

/** As people read it: 2024年3月10日 23:59, or the bare date 2024年3月12日. */
export function momentLabel(m: string): string {
  const [date, time] = m.split('T');
  return time ? `${formatDate(date!)} ${time}` : formatDate(m);
}

/** The last day of `years` of training from `start`, pushed back by `extraMonths` (half months allowed). */
export function nominalEnd(start: string, years: number, extraMonths = 0): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const halves = Math.round((years * 12 + extraMonths) * 2);
  const months = Math.floor(halves / 2);
  const extraDays = halves % 2 === 1 ? 15 : 0;
  const first = new Date(Date.UTC(y, m - 1 + months, d + extraDays));
  return new Date(first.getTime() - 86_400_000).toISOString().slice(0, 10);
}
