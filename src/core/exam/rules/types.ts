/**
 * What the pure completion-exam rules work on: plain facts about one trainee, loaded by the exam service
 * from the trainee registry, the rotation records and earlier results. No database, no files.
 */
import type { ExamCheckCode, ExamSubject } from '../../../shared/contract/exam';

export type Program = 'residency' | 'agp';
export type ExamMark = 'pass' | 'fail' | 'none';

/** The trainee's rotation as the exam sees it; null on ExamFacts = no rotation plan recorded. */
export type RotationFacts = {
  /** Last day of training per the plan, leave and 补轮 included (YYYY-MM-DD, inclusive). */
  end: string;
  /** Months planned or served, leave and failed 出科 blocks excluded. */
  months: number;
  /** Months the scheme (or a reduced-year trainee's own list) requires. */
  requiredMonths: number;
  /** Standard departments (or elective groups) with fewer months than required. */
  short: Array<{ standardDepartment: string; required: number; planned: number }>;
  /** true when no rotation scheme matches the trainee's program, specialty and years. */
  schemeMissing: boolean;
  /** Months of leave and 补轮 that pushed the end back. */
  extendedMonths: number;
};

/** One subject's result in one exam year. */
export type ResultFact = { year: number; subject: ExamSubject; passed: boolean };

/** A check a person recorded at the desk: it overrides the computed one for that code. */
export type RecordedCheck = { code: ExamCheckCode; passed: boolean; evidence: string; actor: string; at: string };

export type ExamFacts = {
  traineeId: string;
  name: string;
  program: Program;
  status: string;
  /** YYYY-MM-DD. */
  startDate: string;
  years: number;
  qualificationCertNo: string | null;
  qualificationExam: ExamMark;
  theoryStageExam: ExamMark;
  processAssessment: 'pass' | 'fail' | null;
  rotation: RotationFacts | null;
  /** Months of recorded leave (used for the end date when there is no plan). */
  leaveMonths: number;
  results: ResultFact[];
};

/**
 * One check's outcome. `pending`: not decided yet, by the records or by a person: the rule needs a person to
 * check and record it (the 登记手册) or has nothing to decide from (no rotation plan). It is not passed, so
 * the candidate is not yet eligible, but nothing failed either.
 */
export type CheckResult = { code: ExamCheckCode; passed: boolean; pending: boolean; message: string; source: string };
