/**
 * The exam-year calendar: the province preset for the base's province and year (resources/exam-calendars),
 * unless the base edited that year (exam_calendars). Notices change every year, so an edit is expected and
 * audited with its reason.
 */
import chongqing2024 from '../../../resources/exam-calendars/chongqing-2024.json';
import fujian2024 from '../../../resources/exam-calendars/fujian-2024.json';
import {
  ExamCalendarSchema,
  type ExamCalendar,
  type ExamCalendarSource,
  type ExamCalendarState,
} from '../../shared/contract/exam';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { parseJsonAs } from '../util/json';
import { calendarProblems, copyCalendarToYear, settleExamples, stepChanges } from './rules';
import { displayNameOf } from '../users/display-names';

export const CALENDAR_PRESETS: readonly ExamCalendar[] = [chongqing2024, fujian2024].map((c) => ExamCalendarSchema.parse(c));

function presetFor(province: string, year: number): ExamCalendar | undefined {
  return CALENDAR_PRESETS.find((c) => c.province === province && c.year === year);
}

export async function calendarFor(tx: Tx, year: number): Promise<{ calendar: ExamCalendar; edited: boolean }> {
  const row = await tx.selectFrom('exam_calendars').select('calendar_json').where('year', '=', year).executeTakeFirst();
  if (row) return { calendar: parseJsonAs(ExamCalendarSchema, row.calendar_json, 'exam_calendars.calendar_json'), edited: true };
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

export async function setCalendar(core: Core, actor: Actor, edited: ExamCalendar, reason: string): Promise<ExamCalendar> {
  return core.db.transaction().execute(async (tx) => {
    const stored = await tx
      .selectFrom('exam_calendars')
      .select('calendar_json')
      .where('year', '=', edited.year)
      .executeTakeFirst();
    const base = await requireBase(tx);
    // A year nobody edited yet runs on the preset: removing one of its steps keeps it restorable too.
    const before = stored
      ? parseJsonAs(ExamCalendarSchema, stored.calendar_json, 'exam_calendars.calendar_json')
      : (presetFor(base.province, edited.year) ?? null);
    const calendar = settleExamples(before, edited);
    // Checked once settled, so a removed step is named by its label, not its key.
    const problems = calendarProblems(calendar);
    if (problems.length > 0)
      throw new AppError('EXAM_CALENDAR_INVALID', `日程有误，未保存：${problems.join('；')}。`, { problems });
    const values = {
      calendar_json: JSON.stringify(calendar),
      reason,
      updated_by: actor.username,
      updated_at: isoNow(core.clock),
    };
    await tx
      .insertInto('exam_calendars')
      .values({ year: calendar.year, ...values })
      .onConflict((oc) => oc.column('year').doUpdateSet(values))
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'exam.calendar',
      entity: 'exam_calendar',
      entityId: String(calendar.year),
      before: stored ? JSON.parse(stored.calendar_json) : null,
      after: before ? { ...calendar, stepChanges: stepChanges(before, calendar) } : calendar,
      reason,
    });
    return calendar;
  });
}

const presetId = (c: ExamCalendar) => c.id;
const storedId = (year: number) => `year-${year}`;

/** Every calendar a year can start from: the shipped presets (the base's province first) and other edited years. */
async function calendarSources(
  tx: Tx,
  province: string,
  year: number,
): Promise<Array<ExamCalendarSource & { calendar: ExamCalendar }>> {
  const stored = await tx.selectFrom('exam_calendars').select(['year', 'calendar_json']).where('year', '!=', year).execute();
  const own = stored.map((r) => {
    const calendar = parseJsonAs(ExamCalendarSchema, r.calendar_json, 'exam_calendars.calendar_json');
    return { id: storedId(r.year), label: `${calendar.province} ${r.year} 年日程（本基地）`, builtIn: false, calendar };
  });
  const shipped = CALENDAR_PRESETS.map((c) => ({
    id: presetId(c),
    label: `${c.province} ${c.year} 年日程（内置）`,
    builtIn: true,
    calendar: c,
  }));
  return [...own, ...shipped]
    .map((s) => ({ ...s, province: s.calendar.province, year: s.calendar.year, sameProvince: s.calendar.province === province }))
    .sort((a, b) => Number(b.sameProvince) - Number(a.sameProvince) || b.year - a.year);
}

/** The year's calendar for the editor, or null with the calendars it can be copied from. */
export async function calendarState(tx: Tx, year: number): Promise<ExamCalendarState> {
  const base = await requireBase(tx);
  const row = await tx.selectFrom('exam_calendars').selectAll().where('year', '=', year).executeTakeFirst();
  const sources = (await calendarSources(tx, base.province, year)).map(({ calendar: _c, ...s }) => s);
  const preset = row ? null : presetFor(base.province, year);
  return {
    year,
    province: base.province,
    calendar: row ? parseJsonAs(ExamCalendarSchema, row.calendar_json, 'exam_calendars.calendar_json') : (preset ?? null),
    edited: row !== undefined,
    updatedBy: row?.updated_by ?? null,
    updatedByName: await displayNameOf(tx, row?.updated_by ?? null),
    updatedAt: row?.updated_at ?? null,
    sources,
  };
}

/**
 * Starts a year's calendar from another (a preset or an edited year): dates moved to the year and marked
 * 示例, audited with the reason. A year that already has its own calendar is edited, never overwritten.
 */
export async function copyCalendar(core: Core, actor: Actor, year: number, from: string, reason: string): Promise<ExamCalendar> {
  return core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    const existing = await tx.selectFrom('exam_calendars').select('year').where('year', '=', year).executeTakeFirst();
    if (existing) {
      throw new AppError('EXAM_CALENDAR_EXISTS', `${year} 年已有本基地的结业考核日程，请在日程中逐项修改，不能用复制覆盖。`);
    }
    const source = (await calendarSources(tx, base.province, year)).find((s) => s.id === from);
    if (!source) throw new AppError('EXAM_CALENDAR_SOURCE_UNKNOWN', `没有可复制的日程“${from}”，请从列出的日程中选择。`);
    const calendar = copyCalendarToYear(source.calendar, year, source.label);
    const at = isoNow(core.clock);
    await tx
      .insertInto('exam_calendars')
      .values({ year, calendar_json: JSON.stringify(calendar), reason, updated_by: actor.username, updated_at: at })
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'exam.calendar-copy',
      entity: 'exam_calendar',
      entityId: String(year),
      before: null,
      after: { from: source.id, calendar },
      reason,
    });
    return calendar;
  });
}
