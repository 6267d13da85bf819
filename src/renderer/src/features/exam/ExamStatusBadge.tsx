import { useTranslation } from 'react-i18next';
import type { ExamCandidateStatus } from '../../../../shared/contract/exam';
import { StatusBadge } from '../../components/StatusBadge';

const COLORS: Record<ExamCandidateStatus, string> = {
  proposed: 'blue',
  approved: 'green',
  returned: 'orange',
  rejected: 'red',
  withdrawn: 'gray',
};

export function ExamStatusBadge({ status }: { status: ExamCandidateStatus }) {
  const { t } = useTranslation();
  return <StatusBadge status={status} colors={COLORS} label={t(`exam.statuses.${status}`)} testId="exam-status" />;
}
