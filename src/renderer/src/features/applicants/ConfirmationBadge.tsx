import type { ConfirmationStatus } from '../../../../shared/contract/applicants';
import { StatusBadge } from '../../components/StatusBadge';
import { useRowT } from '../../i18n/useRowT';

export const CONFIRMATION_COLORS: Record<ConfirmationStatus, string> = {
  pending: 'gray',
  confirmed: 'teal',
  returned: 'orange',
  rejected: 'red',
};

/** An applicant's on-site confirmation status (待确认, 确认通过, ...). */
export function ConfirmationBadge({ status }: { status: ConfirmationStatus }) {
  const t = useRowT();
  return (
    <StatusBadge
      status={status}
      colors={CONFIRMATION_COLORS}
      label={t(`applicants.statuses.${status}`)}
      testId="confirmation-status"
    />
  );
}
