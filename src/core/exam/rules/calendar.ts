/**
 * The exam-year calendar: what is due next, and whether an action comes after its closing date (then it
 * warns and needs a reason: the notices say 漏报、逾期不予补报, so late work must be explained, never silent).
 */
import type { ExamCalendar, ExamDueStep } from '../../../shared/contract/exam';
import { closingMoment, momentLabel, openingMoment } from './moments';

/** Steps still open or yet to open at `now` (Beijing time 'YYYY-MM-DDTHH:MM'), soonest closing first. */
export function dueSteps(calendar: ExamCalendar, now: string): ExamDueStep[] {
  return calendar.steps
    .filter((s) => closingMoment(s.closes) >= now)
    .map((s) => ({
      key: s.key,
      label: s.label,
      actor: s.actor,
      opens: s.opens,
      closes: s.closes,
      provisional: s.provisional,
      example: s.example,
      state: s.opens === null || openingMoment(s.opens) <= now ? ('open' as const) : ('upcoming' as const),
    }))
    .sort((a, b) => closingMoment(a.closes).localeCompare(closingMoment(b.closes)));
}

export type Lateness = { late: false } | { late: true; step: string; closes: string; message: string };

/** Whether acting on `deadline` (review / registration / submit) at `now` comes after its step closed. */
export function lateness(calendar: ExamCalendar, deadline: keyof ExamCalendar['deadlines'], now: string): Lateness {
  const key = calendar.deadlines[deadline];
  const step = calendar.steps.find((s) => s.key === key);
  if (!step || closingMoment(step.closes) >= now) return { late: false };
  return {
    late: true,
    step: step.label,
    closes: step.closes,
    message: `“${step.label}”已于 ${momentLabel(step.closes)} 截止（${step.source.replace(/[。；;，,]$/, '')}）。截止后办理须填写原因。`,
  };
}

/** The base actions measured against a step's closing date, as the editor names them. */
const DEADLINE_NAMES: Record<string, string> = { review: '资格审核', registration: '网上报名确认', submit: '报名汇总表提交' };

/** Calendar problems a person must fix before saving an edited year: steps out of order, unknown keys. */
export function calendarProblems(calendar: ExamCalendar): string[] {
  const out: string[] = [];
  const keys = new Set<string>();
  for (const s of calendar.steps) {
    if (keys.has(s.key)) out.push(`步骤“${s.key}”重复`);
    keys.add(s.key);
    if (s.opens !== null && openingMoment(s.opens) > closingMoment(s.closes)) {
      out.push(`“${s.label}”的开始时间 ${momentLabel(s.opens)} 晚于截止时间 ${momentLabel(s.closes)}`);
    }
  }
  for (const [what, key] of Object.entries(calendar.deadlines)) {
    if (keys.has(key)) continue;
    const removed = calendar.removedSteps.find((s) => s.key === key);
    const name = DEADLINE_NAMES[what] ?? what;
    out.push(
      removed ? `“${removed.label}”是${name}的截止依据，不能删除（可先修改它的日期）` : `${name}的截止依据步骤“${key}”不存在`,
    );
  }
  if (calendar.trainingEnd.from > calendar.trainingEnd.to) out.push('培训结束日期范围的起点晚于终点');
  return out;
}
