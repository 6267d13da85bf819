/**
 * Results back to the provincial platform (Jilin: "通过平台成绩管理，将学员考试结果导入系统中，包括理论成绩、
 * 技能成绩、面试成绩和考核结果"): the rows in the platform's layout, the 考核结果 per person, and the XLSX with
 * full ID numbers (so only for a role that may reveal them; audited with the count, never the numbers).
 */
import { z } from 'zod';
import { op, perm } from './define';

export type PlatformResult = '合格' | '不合格';

export type PlatformRow = {
  applicantId: string;
  name: string;
  /** Masked in the preview; full only in the exported file. */
  idNumber: string;
  /** Hundredths; null = no score (blank in the file). */
  theory: number | null;
  skills: number | null;
  interview: number | null;
  /** null = not set and no rule derives it (blank in the file, with a warning). */
  result: PlatformResult | null;
  /** Where 考核结果 comes from: the preset's rule, or who set it and why. */
  resultSource: { kind: 'rule'; rule: string } | { kind: 'manual'; by: string; reason: string } | null;
  /** What is missing for this person, in Chinese (empty when the row is complete). */
  warnings: string[];
};

export type PlatformView = {
  cohortYear: number;
  /** The pass rule the preset gives, in words; null = none, so the coordinator sets 考核结果 per person. */
  rule: string | null;
  /** Columns of the layout with no component in this cohort's examination (written blank). */
  absentColumns: string[];
  rows: PlatformRow[];
};

/** What the 考核成绩 screen shows of the export before anyone asks for the rows: counts, never the people. */
export type PlatformSummary = {
  cohortYear: number;
  rule: string | null;
  absentColumns: string[];
  /** People the export would list. */
  rows: number;
  /** Of them, people with something missing (a score or 考核结果). */
  warned: number;
};

export type PlatformExport = { fileName: string; contentBase64: string; rows: number; warnings: string[] };

const applicant = z.string().trim().min(1).max(64);

export const scoresPlatformOps = {
  'scores.platformRows': op<PlatformView>()({
    input: z.strictObject({}),
    access: perm('scores.view'),
    summary: '报省平台的考核成绩（理论、技能、面试成绩和考核结果）',
  }),
  'scores.platformSummary': op<PlatformSummary>()({
    input: z.strictObject({}),
    access: perm('scores.view'),
    summary: '报省平台考核成绩的概况（人数与缺项人数）',
  }),
  'scores.setPlatformResult': op<PlatformRow>()({
    input: z.strictObject({
      applicant,
      result: z.enum(['合格', '不合格']).nullable(),
      reason: z.string().trim().min(1, '请说明考核结果的依据').max(500),
    }),
    access: perm('scores.import'),
    summary: '登记考核结果（合格/不合格）',
  }),
  'scores.platformExport': op<PlatformExport>()({
    input: z.strictObject({}),
    access: perm('applicants.reveal'),
    summary: '导出报省平台的考核成绩（含完整身份证号）',
  }),
};
