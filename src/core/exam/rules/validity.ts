/**
 * Single-subject results and how long they count: 结业考核考试单科考核结果 3 年（含考试当年）内有效 (福建2024 四).
 * A result of exam year Y counts for the exam years Y .. Y + validYears - 1.
 */
import { EXAM_SUBJECTS, type ExamSubject } from '../../../shared/contract/exam';
import type { ResultFact } from './types';

export function stillValid(resultYear: number, examYear: number, validYears: number): boolean {
  return examYear >= resultYear && examYear <= resultYear + validYears - 1;
}

/** Subjects passed in a year that still counts for `examYear`. */
export function validPasses(results: readonly ResultFact[], examYear: number, validYears: number): Set<ExamSubject> {
  return new Set(results.filter((r) => r.passed && stillValid(r.year, examYear, validYears)).map((r) => r.subject));
}

/** Both subjects passed and still valid: the exam is passed. */
export function passedAll(results: readonly ResultFact[], examYear: number, validYears: number): boolean {
  const passed = validPasses(results, examYear, validYears);
  return EXAM_SUBJECTS.every((s) => passed.has(s));
}

/**
 * The subjects a trainee sits in `examYear`:补考人员只需报名未通过的科目 (福建2024 三(一)) while the passed one is
 * still valid; both when nothing valid was passed; none when both were.
 */
export function subjectsToSit(results: readonly ResultFact[], examYear: number, validYears: number): ExamSubject[] {
  const passed = validPasses(results, examYear, validYears);
  return EXAM_SUBJECTS.filter((s) => !passed.has(s));
}
