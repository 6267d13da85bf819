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
  unplanned,
  outcome,
  approval,
  refusal,
  onDismissRefusal,
}: {
  start: string | null;
  unapproved: number;
  /** Of the unapproved, those with no plan at all: the banner says they need 一键排班, not approval. */
  unplanned: number;
  outcome: PlanRunResult | null;
  approval: StatusChangeResult | null;
  refusal: ApiError | null;
  onDismissRefusal: () => void;
}) {
  const { t } = useTranslation();
  const early = start !== null && todayLocal() < start;
  const drafts = unapproved - unplanned;
  return (
    <>
      {start && unapproved > 0 && (
        <Alert color={early ? 'yellow' : 'red'} data-testid="approval-banner">
          {unplanned > 0 && (
            <Text size="sm" data-testid="unplanned">
              {t(early ? 'rotation.plan.notPlanned' : 'rotation.plan.notPlannedLate', {
                count: unplanned,
                date: formatDate(start),
              })}
            </Text>
          )}
          {drafts > 0 && (
            <Text size="sm">
              {t(early ? 'rotation.plan.notApproved' : 'rotation.plan.notApprovedLate', {
                count: drafts,
                date: formatDate(start),
              })}
            </Text>
          )}
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
