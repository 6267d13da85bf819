import { describe, expect, it } from 'vitest';
import { addMonths, dayOf, packageDueFrom, yearSchedule } from '../../../src/core/retention/rules';

describe('retention schedule rules', () => {
  it('adds months ending on the last day of a shorter month', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-12-31', 2)).toBe('2024-02-29');
    expect(addMonths('2024-07-16', 18)).toBe('2026-01-16');
  });

  it('counts a delivery by the base’s (China) calendar day', () => {
    expect(dayOf('2024-07-20T17:00:00.000Z')).toBe('2024-07-21');
    expect(packageDueFrom('2024-07-20T03:00:00.000Z', 90)).toBe('2024-10-18');
  });

  it('a year is final after its up-to-date 公示 ended, or once over and the base moved on; never otherwise', () => {
    const base = { cohortYear: 2024, baseCohortYear: 2024, today: '2025-03-01' };
    const published = yearSchedule({ ...base, publication: { endDate: '2024-07-16', current: true } }, 6);
    expect(published).toMatchObject({ final: true, basis: 'publication', dueFrom: '2025-01-16', due: true });
    expect(published.note).toBe('公示于2024年7月16日结束，已到保存期限');
    expect(yearSchedule({ ...base, publication: { endDate: '2024-07-16', current: false } }, 6)).toMatchObject({
      final: false,
      note: '公示后录取结果有变化，尚未重新公示',
    });
    // The base's current year stays open even after 31 December while it has no 公示.
    expect(yearSchedule({ ...base, publication: null }, 6)).toMatchObject({ final: false, due: false });
    expect(yearSchedule({ ...base, baseCohortYear: 2025, publication: null }, 6)).toMatchObject({
      final: true,
      basis: 'year-end',
      dueFrom: '2025-06-30',
      due: false,
    });
    const running = yearSchedule({ ...base, today: '2024-07-12', publication: { endDate: '2024-07-16', current: true } }, 6);
    expect(running).toMatchObject({ final: false, note: '公示期至2024年7月16日，尚未结束' });
  });
});
