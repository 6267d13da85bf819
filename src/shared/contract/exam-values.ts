/** The exam contract's constants the screens need as values; no zod here, so the renderer can import them. */

/** The standard reasons a 结业考核资格审核 is returned or refused with (结业考核资格审核名册). */
export const EXAM_REJECTION_REASONS = [
  '培训时间不足',
  '缺材料',
  '减免材料不符合要求',
  '轮转手册不符合要求',
  '超出执业范围',
] as const;

export const EXAM_DECISIONS = ['approved', 'returned', 'rejected'] as const;
export type ExamDecision = (typeof EXAM_DECISIONS)[number];

/** The deadlines base work is measured against (review / registration / submit). */
export const EXAM_DEADLINES = ['review', 'registration', 'submit'] as const;
export type ExamDeadline = (typeof EXAM_DEADLINES)[number];
