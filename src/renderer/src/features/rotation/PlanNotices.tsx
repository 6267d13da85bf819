import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanRunResult, StatusChangeResult } from '../../../../shared/contract/rotation';
import type { ApiError } from '../../../../shared/errors';
import { errorText } from '../../app/errors';
import { formatDate } from '../../lib/format';

function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** What needs the coordinator's attention above the grid: approval due, shortfalls, skipped approvals, a refused edit. */
export function PlanNotices({
  start,
  unapproved,
  outcome,
  approval,
  refusal,
  onDismissRefusal,
}: {
  start: string | null;
  unapproved: number;
  outcome: PlanRunResult | null;
  approval: StatusChangeResult | null;
  refusal: ApiError | null;
  onDismissRefusal: () => void;
}) {
  const { t } = useTranslation();
  const early = start !== null && todayLocal() < start;
  return (
    <>
      {start && unapproved > 0 && (
        <Alert color={early ? 'yellow' : 'red'} data-testid="approval-banner">
          {t(early ? 'rotation.plan.notApproved' : 'rotation.plan.notApprovedLate', {
            count: unapproved,
            date: formatDate(start),
          })}
        </Alert>
      )}
      {outcome && outcome.infeasible.length > 0 && (
        <Alert color="red" title={t('rotation.plan.infeasibleTitle')} data-testid="shortfalls">
          {outcome.infeasible.map((s, i) => (
            <Text size="sm" key={i}>
              {s.message}
            </Text>
          ))}
        </Alert>
      )}
      {approval && approval.skipped.length > 0 && (
        <Alert color="orange" title={t('rotation.plan.approveSkipped', { count: approval.skipped.length })}>
          {approval.skipped.map((s) => (
            <Text size="sm" key={s.traineeId}>
              {s.name}：{s.reason}
            </Text>
          ))}
        </Alert>
      )}
      {refusal && (
        <Alert color="red" role="alert" data-testid="move-refused" withCloseButton onClose={onDismissRefusal}>
          {t('rotation.plan.refused', { message: errorText(refusal) })}
        </Alert>
      )}
    </>
  );
}
