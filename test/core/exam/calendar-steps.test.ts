/** The exam calendar editor adds and removes steps (with a reason, audited); a removed preset step can be restored. */
import { describe, expect, it } from 'vitest';
import type { ExamCalendar } from '../../../src/shared/contract/exam';
import { err, ok, setupBase } from '../../helpers/core';

async function chongqing() {
  const now = Date.parse('2024-02-10T02:00:00Z');
  const { core, session } = await setupBase('chongqing-2022-agp', '重庆测试医院', {
    clock: { nowMs: () => now },
    idleMinutes: 0,
  });
  const state = await ok(core, session, 'exam.calendar', { year: 2024 });
  return { core, session, calendar: state.calendar! };
}

const extra = {
  key: 'step-extra',
  label: '基地补充材料截止',
  actor: 'base' as const,
  opens: null,
  closes: '2024-02-24',
  provisional: false,
  example: false,
  source: '市住培办补充通知：2月24日前补交材料',
};

describe('adding and removing calendar steps', () => {
  it('a step is added with its source, counts for what is due, and the audit names it', async () => {
    const { core, session, calendar } = await chongqing();
    await ok(core, session, 'exam.setCalendar', {
      calendar: { ...calendar, steps: [...calendar.steps, extra] },
      reason: '补充通知',
    });
    const d = await ok(core, session, 'exam.dashboard', { year: 2024 });
    expect(d.due.map((s) => s.label)).toContain('基地补充材料截止');
    const ev = await core.db.selectFrom('events').selectAll().where('action', '=', 'exam.calendar').executeTakeFirstOrThrow();
    expect(ev.reason).toBe('补充通知');
    expect(JSON.parse(ev.after_json!).stepChanges).toEqual({ added: ['基地补充材料截止'], removed: [], restored: [] });
  });

  it('a preset step removed is kept aside and restored with its dates', async () => {
    const { core, session, calendar } = await chongqing();
    const target = calendar.steps.find((s) => s.key === 'city-review')!;
    const removed: ExamCalendar = await ok(core, session, 'exam.setCalendar', {
      calendar: { ...calendar, steps: calendar.steps.filter((s) => s.key !== 'city-review') },
      reason: '本年度由专家组另行安排',
    });
    expect(removed.steps.map((s) => s.key)).not.toContain('city-review');
    expect(removed.removedSteps).toEqual([target]);
    const state = await ok(core, session, 'exam.calendar', { year: 2024 });
    expect(state.calendar!.removedSteps.map((s) => s.label)).toEqual([target.label]);

    const restored = await ok(core, session, 'exam.setCalendar', {
      calendar: { ...removed, steps: [...removed.steps, target] },
      reason: '恢复',
    });
    expect(restored.steps.find((s) => s.key === 'city-review')).toEqual(target);
    expect(restored.removedSteps).toEqual([]);
    const events = await core.db.selectFrom('events').selectAll().where('action', '=', 'exam.calendar').orderBy('seq').execute();
    expect(JSON.parse(events.at(-1)!.after_json!).stepChanges.restored).toEqual([target.label]);
  });

  it('a step a deadline is measured against cannot be removed: a Chinese message, nothing saved', async () => {
    const { core, session, calendar } = await chongqing();
    const key = calendar.deadlines.review;
    const e = await err(core, session, 'exam.setCalendar', {
      calendar: { ...calendar, steps: calendar.steps.filter((s) => s.key !== key) },
      reason: '删除',
    });
    expect(e.code).toBe('EXAM_CALENDAR_INVALID');
    expect(e.message).toContain('资格审核的截止依据');
    expect(e.message).not.toContain(key);
    expect((await ok(core, session, 'exam.calendar', { year: 2024 })).edited).toBe(false);
  });
});
