import { describe, expect, it } from 'vitest';
import { CALENDAR_PRESETS } from '../../../src/core/exam/calendars';
import { copyCalendarToYear, settleExamples, shiftMoment } from '../../../src/core/exam/rules';
import { err, ok } from '../../helpers/core';
import { chongqingBase } from './world';

const chongqing2024 = CALENDAR_PRESETS.find((c) => c.id === 'chongqing-2024')!;
const fujian2024 = CALENDAR_PRESETS.find((c) => c.id === 'fujian-2024')!;

describe('copying a calendar to another year (pure)', () => {
  it('moves every date by the years between, keeping times; 29 February becomes 28 February in a common year', () => {
    expect(shiftMoment('2024-02-29T08:00', 2)).toBe('2026-02-28T08:00');
    expect(shiftMoment('2024-02-29', 4)).toBe('2028-02-29');
    expect(shiftMoment('2024-03-10T23:59', 2)).toBe('2026-03-10T23:59');
    const copy = copyCalendarToYear(fujian2024, 2026, '福建省 2024 年日程（内置）');
    expect(copy).toMatchObject({ id: 'fujian-2026', year: 2026, copiedFrom: '福建省 2024 年日程（内置）' });
    expect(copy.steps[0]).toMatchObject({ opens: '2026-02-28T08:00', closes: '2026-03-10T23:59', example: true });
    expect(copy.trainingEnd).toMatchObject({ from: '2024-01-01', to: '2026-11-30', example: true });
    expect(copy.steps.every((s) => s.example)).toBe(true);
    // The source sentences stay: they are where each step comes from.
    expect(copy.steps[0]!.source).toBe(fujian2024.steps[0]!.source);
  });

  it('an edited date loses its 示例 mark; an untouched one keeps it', () => {
    const copy = copyCalendarToYear(chongqing2024, 2026, 'x');
    const edited = { ...copy, steps: copy.steps.map((s, i) => (i === 0 ? { ...s, closes: '2026-02-24' } : s)) };
    const settled = settleExamples(copy, edited);
    expect(settled.steps[0]!.example).toBe(false);
    expect(settled.steps[1]!.example).toBe(true);
    expect(settled.trainingEnd.example).toBe(true);
  });
});

describe('the year calendar without a preset (Chongqing base, 2026)', () => {
  it('has no calendar but lists the presets to start from, the base’s province first', async () => {
    const w = await chongqingBase('2026-12-01T02:00:00Z');
    const state = await ok(w.core, w.session, 'exam.calendar', { year: 2026 });
    expect(state.calendar).toBeNull();
    expect(state.sources.map((s) => s.id)).toEqual(['chongqing-2024', 'fujian-2024']);
    expect(state.sources[0]).toMatchObject({ label: '重庆市 2024 年日程（内置）', sameProvince: true, builtIn: true });
    expect((await err(w.core, w.session, 'exam.dashboard', { year: 2026 })).code).toBe('EXAM_NO_CALENDAR');
  });

  it('copies Chongqing 2024 to 2026 marked 示例, audited with the reason; confirming clears the mark', async () => {
    const w = await chongqingBase('2026-01-10T02:00:00Z');
    const copied = await ok(w.core, w.session, 'exam.copyCalendar', {
      year: 2026,
      from: 'chongqing-2024',
      reason: '2026年通知未下发，先按2024年日程准备',
    });
    expect(copied.steps.find((s) => s.key === 'collect')).toMatchObject({
      opens: '2026-02-05',
      closes: '2026-02-22',
      example: true,
    });
    const d = await ok(w.core, w.session, 'exam.dashboard', { year: 2026 });
    expect(d.edited).toBe(true);
    expect(d.due[0]).toMatchObject({ key: 'collect', example: true });
    const events = await w.core.db.selectFrom('events').selectAll().where('action', '=', 'exam.calendar-copy').execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.reason).toBe('2026年通知未下发，先按2024年日程准备');

    // Copying again would overwrite the year's own calendar: refused, nothing changes.
    const again = await err(w.core, w.session, 'exam.copyCalendar', { year: 2026, from: 'fujian-2024', reason: '重新复制' });
    expect(again.code).toBe('EXAM_CALENDAR_EXISTS');

    const state = await ok(w.core, w.session, 'exam.calendar', { year: 2026 });
    const confirmed = {
      ...state.calendar!,
      steps: state.calendar!.steps.map((s) => (s.key === 'collect' ? { ...s, example: false } : s)),
    };
    await ok(w.core, w.session, 'exam.setCalendar', { calendar: confirmed, reason: '已按2026年通知核对' });
    const after = (await ok(w.core, w.session, 'exam.calendar', { year: 2026 })).calendar!;
    expect(after.steps.find((s) => s.key === 'collect')!.example).toBe(false);
    expect(after.steps.find((s) => s.key === 'email-summary')!.example).toBe(true);
    expect(after.copiedFrom).toBe('重庆市 2024 年日程（内置）');
  });

  it('a year can also start from an earlier year edited at this base, offered before the older presets', async () => {
    const w = await chongqingBase('2026-01-10T02:00:00Z');
    await ok(w.core, w.session, 'exam.copyCalendar', { year: 2025, from: 'chongqing-2024', reason: '按2024年日程准备' });
    const state = await ok(w.core, w.session, 'exam.calendar', { year: 2026 });
    expect(state.sources[0]).toMatchObject({ id: 'year-2025', label: '重庆市 2025 年日程（本基地）', builtIn: false });
    const copied = await ok(w.core, w.session, 'exam.copyCalendar', {
      year: 2026,
      from: 'year-2025',
      reason: '按2025年日程准备',
    });
    expect(copied.steps.find((s) => s.key === 'onsite-confirm')).toMatchObject({ opens: '2026-03-01', closes: '2026-03-12' });
    expect(copied.copiedFrom).toBe('重庆市 2025 年日程（本基地）');
  });

  it('an unknown source is refused in Chinese and nothing is stored', async () => {
    const w = await chongqingBase('2026-01-10T02:00:00Z');
    const e = await err(w.core, w.session, 'exam.copyCalendar', { year: 2026, from: 'jilin-2024', reason: '复制日程' });
    expect(e.code).toBe('EXAM_CALENDAR_SOURCE_UNKNOWN');
    expect(e.message).toMatch(/没有可复制的日程/);
    expect(await w.core.db.selectFrom('exam_calendars').selectAll().execute()).toHaveLength(0);
  });

  it('after the review deadline the dashboard says so (work then needs a reason)', async () => {
    const w = await chongqingBase('2024-02-24T02:00:00Z');
    const d = await ok(w.core, w.session, 'exam.dashboard', { year: 2024 });
    expect(d.late.review).toContain('截止');
    expect(d.late.registration).toBeNull();
  });
});
