/**
 * A year's calendar started from another year's, and what an edit settles: the shared dated-schedule rules
 * (src/core/calendar) applied to the exam calendar's steps and its training-end window.
 */
import type { ExamCalendar } from '../../../shared/contract/exam';
import { keepRemoved, moveToYear, settleEdited, shiftMoment } from '../../calendar';

export { shiftMoment };

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
    steps: moveToYear(from.steps, by),
    removedSteps: moveToYear(from.removedSteps, by),
  };
}

/**
 * An edited date is no longer an example (a step, or the training-end window, whose dates differ from the
 * stored calendar's loses its 示例 mark, whatever the editor sent); a step the editor dropped is kept aside
 * so it can be restored, and a kept step sent again is restored.
 */
export function settleExamples(before: ExamCalendar | null, after: ExamCalendar): ExamCalendar {
  if (!before) return after;
  const endMoved = before.trainingEnd.from !== after.trainingEnd.from || before.trainingEnd.to !== after.trainingEnd.to;
  return {
    ...after,
    trainingEnd: endMoved ? { ...after.trainingEnd, example: false } : after.trainingEnd,
    steps: settleEdited(before.steps, after.steps),
    removedSteps: keepRemoved(before.steps, after.steps, before.removedSteps),
  };
}

/** Which steps an edit adds, removes and restores, by label, for the audit trail. */
export function stepChanges(
  before: ExamCalendar,
  after: ExamCalendar,
): { added: string[]; removed: string[]; restored: string[] } {
  const had = new Set(before.steps.map((s) => s.key));
  const has = new Set(after.steps.map((s) => s.key));
  const wasRemoved = new Set(before.removedSteps.map((s) => s.key));
  const fresh = after.steps.filter((s) => !had.has(s.key));
  return {
    added: fresh.filter((s) => !wasRemoved.has(s.key)).map((s) => s.label),
    removed: before.steps.filter((s) => !has.has(s.key)).map((s) => s.label),
    restored: fresh.filter((s) => wasRemoved.has(s.key)).map((s) => s.label),
  };
}
