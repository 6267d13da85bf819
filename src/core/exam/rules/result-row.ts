/**
 * One row of a results file, as the province publishes them: per subject 合格 / 不合格, the theory score as a
 * standard score (以标准分形式报告, 福建2024 四). Two layouts are read: one row per subject (科目, 结果, 成绩),
 * or one row per person with a column per subject.
 */
import type { ExamSubject } from '../../../shared/contract/exam';

export type ParsedResult = { subject: ExamSubject; passed: boolean; score: string | null };
export type RowIssue = { field: string; code: string; message: string };

const SUBJECT_WORDS: Record<string, ExamSubject> = {
  专业理论: 'theory',
  理论: 'theory',
  专业理论考试: 'theory',
  专业理论考核: 'theory',
  临床实践技能: 'skills',
  临床实践能力: 'skills',
  技能: 'skills',
  临床实践技能考核: 'skills',
  临床实践能力考核: 'skills',
};

export function subjectOf(text: string): ExamSubject | null {
  return SUBJECT_WORDS[text.replace(/\s+/g, '')] ?? null;
}

/** 合格 / 不合格 (also 通过 / 未通过); '' = not sat; anything else is an error. */
export function passOf(text: string): boolean | null | 'bad' {
  const t = text.replace(/\s+/g, '');
  if (t === '') return null;
  if (t === '合格' || t === '通过') return true;
  if (t === '不合格' || t === '未通过') return false;
  return 'bad';
}

export function scoreOf(text: string): string | null | 'bad' {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{1,4}(\.\d{1,2})?$/.test(t) ? t : 'bad';
}

export function parseSubjectCell(
  subject: ExamSubject,
  result: string,
  score: string,
  label: string,
): ParsedResult | RowIssue | null {
  const passed = passOf(result);
  if (passed === 'bad')
    return { field: label, code: 'EXAM_BAD_RESULT', message: `“${result}”不是有效的考核结果（应为“合格”或“不合格”）` };
  const s = scoreOf(score);
  if (s === 'bad') return { field: label, code: 'EXAM_BAD_SCORE', message: `成绩“${score}”不是数字` };
  if (passed === null)
    return s === null ? null : { field: label, code: 'EXAM_BAD_RESULT', message: '有成绩但没有“合格/不合格”结果' };
  return { subject, passed, score: s };
}
