/** Calendar dates (YYYY-MM-DD) in China Standard Time, which is what deadlines and 公示 windows are counted in. */
import { todayInBeijing } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { Clock } from '../util/clock';

const DAY = 86_400_000;

export function requireDate(s: string, what: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const ok = m !== null && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
  if (!ok) throw new AppError('ADMISSION_BAD_DATE', `${what}「${s}」不是有效日期，应为 YYYY-MM-DD。`);
  return s;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export function today(clock: Clock): string {
  return todayInBeijing(clock.nowMs());
}
