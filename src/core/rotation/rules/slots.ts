import { AppError } from '../../../shared/errors';
import type { SlotRange } from './types';
import { formatDate } from '../../../shared/dates';

/**
 * Half-month slots. Slot n is a whole number counted from year 0: slot = year * 24 + (month - 1) * 2 + half,
 * where half is 0 for the 1st-15th and 1 for the 16th-month end. Absolute numbers (rather than "slots since
 * the cohort started") let trainees of different cohorts share one load table.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): { y: number; m: number; d: number } {
  const match = DATE.exec(date);
  if (!match) throw new AppError('ROTATION_BAD_DATE', `日期「${date}」格式不对，应为 YYYY-MM-DD`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new AppError('ROTATION_BAD_DATE', `日期「${date}」不存在`);
  }
  return { y, m, d };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The slot a date falls in (any day of the month). */
export function slotContaining(date: string): number {
  const { y, m, d } = parts(date);
  return y * 24 + (m - 1) * 2 + (d >= 16 ? 1 : 0);
}

/** The slot a block starting on `date` begins with; blocks start on the 1st or the 16th only. */
export function slotStartingOn(date: string): number {
  const { d } = parts(date);
  if (d !== 1 && d !== 16) {
    throw new AppError('ROTATION_BAD_START', `轮转从每月1日或16日开始，「${date}」不是`);
  }
  return slotContaining(date);
}

/** First day of a slot: 'YYYY-MM-01' or 'YYYY-MM-16'. */
export function slotStartDate(slot: number): string {
  const y = Math.floor(slot / 24);
  const m = Math.floor((slot % 24) / 2) + 1;
  return `${y}-${pad(m)}-${slot % 2 === 0 ? '01' : '16'}`;
}

/** Last day of a slot, inclusive: 'YYYY-MM-15' or the month's last day. */
export function slotEndDate(slot: number): string {
  const y = Math.floor(slot / 24);
  const m = Math.floor((slot % 24) / 2) + 1;
  return `${y}-${pad(m)}-${slot % 2 === 0 ? '15' : pad(daysInMonth(y, m))}`;
}

/** 'YYYY-MM' of the month a slot belongs to. */
export function slotMonth(slot: number): string {
  return slotStartDate(slot).slice(0, 7);
}

/** A range as people read it: 2025年9月1日 至 2025年12月31日 (the end inclusive). */
export function rangeLabel(range: SlotRange): string {
  return `${formatDate(slotStartDate(range.from))} 至 ${formatDate(slotEndDate(range.to - 1))}`;
}

/** Months (0.5 steps) to slots. */
export function monthsToSlots(months: number): number {
  const slots = months * 2;
  if (!Number.isInteger(slots)) {
    throw new AppError('ROTATION_HALF_MONTH', `轮转时间以0.5个月为单位，${months} 个月不是`);
  }
  return slots;
}

export function slotsToMonths(slots: number): number {
  return slots / 2;
}

/** 9月1日 of the cohort year: when training starts by default (Jilin: 培训时间从9月1日起开始计算). */
export function cohortStartSlot(year: number): number {
  return slotStartingOn(`${year}-09-01`);
}

export const SLOTS_PER_YEAR = 24;

/**
 * Training year (1, 2, 3…) a slot falls in, counting only time not on leave: leave pushes the year's end
 * back. Slots before the start are year 0.
 */
export function trainingYearOf(slot: number, start: number, leave: readonly SlotRange[]): number {
  if (slot < start) return 0;
  let served = slot - start;
  for (const l of leave) served -= overlap(l, { from: start, to: slot });
  return Math.floor(served / SLOTS_PER_YEAR) + 1;
}

/** Number of slots two ranges share. */
export function overlap(a: SlotRange, b: SlotRange): number {
  return Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from));
}

export function inRanges(slot: number, ranges: readonly SlotRange[]): boolean {
  return ranges.some((r) => slot >= r.from && slot < r.to);
}
