import { describe, expect, it } from 'vitest';
import {
  cohortStartSlot,
  monthsToSlots,
  rangeLabel,
  slotContaining,
  slotEndDate,
  slotMonth,
  slotStartDate,
  slotStartingOn,
  slotsToMonths,
  trainingYearOf,
} from '../../../../src/core/rotation/rules';
import { AppError } from '../../../../src/shared/errors';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'OTHER';
  }
  return undefined;
};

describe('half-month slots', () => {
  it('numbers slots from year 0, two per month', () => {
    expect(slotStartingOn('2025-09-01')).toBe(2025 * 24 + 16);
    expect(slotStartingOn('2025-09-16')).toBe(2025 * 24 + 17);
    expect(slotStartingOn('2025-10-01') - slotStartingOn('2025-09-01')).toBe(2);
    expect(cohortStartSlot(2025)).toBe(slotStartingOn('2025-09-01'));
  });

  it('gives start dates and inclusive end dates, month ends included', () => {
    const s = slotStartingOn('2024-02-01');
    expect(slotStartDate(s)).toBe('2024-02-01');
    expect(slotEndDate(s)).toBe('2024-02-15');
    expect(slotStartDate(s + 1)).toBe('2024-02-16');
    expect(slotEndDate(s + 1)).toBe('2024-02-29');
    expect(slotEndDate(slotStartingOn('2025-02-16'))).toBe('2025-02-28');
    expect(slotEndDate(slotStartingOn('2025-12-16'))).toBe('2025-12-31');
    expect(slotMonth(s + 1)).toBe('2024-02');
    expect(rangeLabel({ from: slotStartingOn('2025-09-01'), to: slotStartingOn('2026-01-01') })).toBe(
      '2025年9月1日 至 2025年12月31日',
    );
  });

  it('round-trips every slot of a year', () => {
    const first = slotStartingOn('2025-01-01');
    for (let s = first; s < first + 24; s++) {
      expect(slotStartingOn(slotStartDate(s))).toBe(s);
      expect(slotContaining(slotEndDate(s))).toBe(s);
    }
  });

  it('refuses blocks that do not start on the 1st or the 16th, and impossible dates', () => {
    expect(slotContaining('2025-09-10')).toBe(slotStartingOn('2025-09-01'));
    expect(code(() => slotStartingOn('2025-09-10'))).toBe('ROTATION_BAD_START');
    expect(code(() => slotContaining('2025-02-30'))).toBe('ROTATION_BAD_DATE');
    expect(code(() => slotContaining('2025/09/01'))).toBe('ROTATION_BAD_DATE');
  });

  it('converts months in 0.5 steps', () => {
    expect(monthsToSlots(4.5)).toBe(9);
    expect(slotsToMonths(9)).toBe(4.5);
    expect(code(() => monthsToSlots(1.25))).toBe('ROTATION_HALF_MONTH');
  });

  it('counts training years without leave', () => {
    const start = cohortStartSlot(2025);
    expect(trainingYearOf(start, start, [])).toBe(1);
    expect(trainingYearOf(start + 23, start, [])).toBe(1);
    expect(trainingYearOf(start + 24, start, [])).toBe(2);
    // Two months of leave in year 1 push year 2 back by four slots.
    const leave = [{ from: start + 4, to: start + 8 }];
    expect(trainingYearOf(start + 27, start, leave)).toBe(1);
    expect(trainingYearOf(start + 28, start, leave)).toBe(2);
    expect(trainingYearOf(start - 1, start, [])).toBe(0);
  });
});
