/**
 * The review decision's reason: a return or a refusal names one of the standard reasons of the 结业考核资格
 * 审核名册 (培训时间不足, 缺材料, …), optionally followed by details ("缺材料：学历证书复印件").
 */
import { EXAM_REJECTION_REASONS, type ExamDecision } from '../../../shared/contract/exam';

/** Why the reason does not fit the decision, or null. */
export function rejectionProblem(decision: ExamDecision, reason: string | undefined): string | null {
  if (decision === 'approved') return null;
  const text = (reason ?? '').trim();
  if (EXAM_REJECTION_REASONS.some((r) => text.startsWith(r))) return null;
  return `“${decision === 'returned' ? '退回补正' : '不通过'}”须以标准原因开头：${EXAM_REJECTION_REASONS.join('、')}（可在后面写明细节，如“缺材料：学历证书复印件”）。`;
}
