/**
 * Dates and times as the notices write them: Beijing local time (UTC+8, no daylight saving). A bare date
 * that closes a window means the end of that day; one that opens it, the start. Shared by every dated
 * province schedule (the exam-year calendar, the recruitment windows).
 */

import { formatDate } from '../../shared/dates';

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

/** Without the year, as a notice lists the days of its own year: 7月1日, 4月29日 18:00. */
export function shortMomentLabel(m: string): string {
  const [date, time] = m.split('T');
  const [, month, day] = date!.split('-').map(Number);
  return `${month}月${day}日${time ? ` ${time}` : ''}`;
}

/** Whole calendar days from `from` to `to` (both 'YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
