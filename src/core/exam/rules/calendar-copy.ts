/**
 * A year's calendar started from another year's: the notice changes every year, so the copied dates are
 * only a starting point. Every date moves by the difference in years (29 February becomes 28 February in a
 * common year) and is marked 示例 until a person edits or confirms it against this year's notice.
 */
import type { ExamCalendar } from '../../../shared/contract/exam';

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** '2024-02-29' or '2024-02-29T08:00' moved by `years`; the time of day stays. */
export function shiftMoment(moment: string, years: number): string {
  const y = Number(moment.slice(0, 4)) + years;
  let rest = moment.slice(4);
  if (rest.startsWith('-02-29') && !isLeap(y)) rest = `-02-28${rest.slice(6)}`;
  return `${String(y).padStart(4, '0')}${rest}`;
}

export function copyCalendarToYear(from: ExamCalendar, year: number, copiedFrom: string): ExamCalendar {
  const by = year - from.year;
  return {
    ...from,
    id: `${from.id.replace(/-\d{4}$/, '')}-${year}`,
    year,
    copiedFrom,
    trainingEnd: {
      ...from.trainingEnd,
      from: shiftMoment(from.trainingEnd.from, by),
      to: shiftMoment(from.trainingEnd.to, by),
      example: true,
    },
    steps: from.steps.map((s) => ({
      ...s,
      opens: s.opens === null ? null : shiftMoment(s.opens, by),
      closes: shiftMoment(s.closes, by),
      example: true,
    })),
  };
}

/**
 * An edited date is no longer an example: a step (or the training-end window) whose dates differ from the
 * stored calendar's loses its 示例 mark, whatever the editor sent.
 */
export function settleExamples(before: ExamCalendar | null, after: ExamCalendar): ExamCalendar {
  if (!before) return after;
  const old = new Map(before.steps.map((s) => [s.key, s]));
  const endMoved = before.trainingEnd.from !== after.trainingEnd.from || before.trainingEnd.to !== after.trainingEnd.to;
  return {
    ...after,
    trainingEnd: endMoved ? { ...after.trainingEnd, example: false } : after.trainingEnd,
    steps: after.steps.map((s) => {
      const o = old.get(s.key);
      const moved = !o || o.opens !== s.opens || o.closes !== s.closes;
      return moved && s.example ? { ...s, example: false } : s;
    }),
  };
}
