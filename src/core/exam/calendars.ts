/**
 * The exam-year calendar: the province preset for the base's province and year (resources/exam-calendars),
 * unless the base edited that year (exam_calendars). Notices change every year, so an edit is expected and
 * audited with its reason.
 */
import chongqing2024 from '../../../resources/exam-calendars/chongqing-2024.json';
import fujian2024 from '../../../resources/exam-calendars/fujian-2024.json';
import { ExamCalendarSchema, type ExamCalendar } from '../../shared/contract/exam';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import type { Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { calendarProblems } from './rules';

export const CALENDAR_PRESETS: readonly ExamCalendar[] = [chongqing2024, fujian2024].map((c) => ExamCalendarSchema.parse(c));

function presetFor(province: string, year: number): ExamCalendar | undefined {
  return CALENDAR_PRESETS.find((c) => c.province === province && c.year === year);
}

export async function calendarFor(tx: Tx, year: number): Promise<{ calendar: ExamCalendar; edited: boolean }> {
  const row = await tx.selectFrom('exam_calendars').select('calendar_json').where('year', '=', year).executeTakeFirst();
  if (row) return { calendar: ExamCalendarSchema.parse(JSON.parse(row.calendar_json)), edited: true };
  const base = await requireBase(tx);
  const preset = presetFor(base.province, year);
  if (preset) return { calendar: preset, edited: false };
  const known = CALENDAR_PRESETS.map((c) => `${c.province} ${c.year}`).join('、');
  throw new AppError(
    'EXAM_NO_CALENDAR',
    `没有${base.province} ${year} 年的结业考核日程（内置：${known}）。请按当年通知录入日程（可从内置日程复制后修改）。`,
    { province: base.province, year },
  );
}

export async function setCalendar(core: Core, actor: string, calendar: ExamCalendar, reason: string): Promise<ExamCalendar> {
  const problems = calendarProblems(calendar);
  if (problems.length > 0)
    throw new AppError('EXAM_CALENDAR_INVALID', `日程有误，未保存：${problems.join('；')}。`, { problems });
  return core.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('exam_calendars')
      .select('calendar_json')
      .where('year', '=', calendar.year)
      .executeTakeFirst();
    const values = { calendar_json: JSON.stringify(calendar), reason, updated_by: actor, updated_at: isoNow(core.clock) };
    await tx
      .insertInto('exam_calendars')
      .values({ year: calendar.year, ...values })
      .onConflict((oc) => oc.column('year').doUpdateSet(values))
      .execute();
    await appendEvent(tx, core, actor, {
      action: 'exam.calendar',
      entity: 'exam_calendar',
      entityId: String(calendar.year),
      before: before ? JSON.parse(before.calendar_json) : null,
      after: calendar,
      reason,
    });
    return calendar;
  });
}
