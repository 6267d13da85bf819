import { EXAM_REJECTION_REASONS } from '../../../../shared/contract/exam-values';

/** i18n keys of the standard reasons, in the contract's order; the stored reason is always the Chinese one. */
export const REASON_KEYS = ['shortTime', 'missing', 'exemption', 'handbook', 'scope'] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

export function standardReason(key: ReasonKey): string {
  return EXAM_REJECTION_REASONS[REASON_KEYS.indexOf(key)] ?? key;
}
