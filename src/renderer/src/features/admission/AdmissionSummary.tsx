import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdmissionRunView } from '../../../../shared/contract/admission';
import { formatDate, formatDateTime } from '../../lib/format';

/** Under the title: which run this is, admitted against the plan, and the run's state (stale, pool, published). */
export function AdmissionSummary({ view: v }: { view: AdmissionRunView }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" mt={4}>
      <Text c="dimmed" size="sm">
        {t('admission.cohort', { year: v.cohortYear, run: v.runNo, at: formatDateTime(v.createdAt) })}
      </Text>
      <Badge size="lg" variant="light" data-testid="admitted-badge">
        {t('admission.admittedBadge', { admitted: v.admittedCount, plan: v.planSeats })}
      </Badge>
      {v.stale && (
        <Badge size="lg" variant="light" color="orange" data-testid="stale-badge">
          {t('admission.stale.badge')}
        </Badge>
      )}
      {v.poolSeats > 0 && (
        <Badge size="lg" variant="light" color="orange">
          {t('admission.poolBadge', { pool: v.poolSeats })}
        </Badge>
      )}
      {v.published && (
        <Badge size="lg" variant="light" color="teal" data-testid="published-badge">
          {t('admission.publishedBadge', {
            start: formatDate(v.published.startDate),
            end: formatDate(v.published.endDate),
          })}
        </Badge>
      )}
    </Group>
  );
}
