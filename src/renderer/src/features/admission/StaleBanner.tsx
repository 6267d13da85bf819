import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AdmissionStaleness } from '../../../../shared/contract/admission';

/**
 * Says that the stored allocation no longer answers today's inputs and why, with a one-click re-run.
 * `runNo` names the run still shown (on 择优录取); without it the banner speaks of 择优录取 from elsewhere.
 */
export function StaleBanner({
  staleness,
  runNo,
  onRerun,
  running,
}: {
  staleness: AdmissionStaleness;
  runNo?: number;
  /** Absent for roles that may not run the allocation. */
  onRerun?: () => void;
  running?: boolean;
}) {
  const { t } = useTranslation();
  if (!staleness.stale) return null;
  const reasons = staleness.staleReasons.map((r) => t(`admission.stale.reasons.${r}`)).join(t('admission.stale.separator'));
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="stale-banner">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text fw={700}>
            {runNo === undefined ? t('admission.stale.elsewhere', { reasons }) : t('admission.stale.title', { reasons })}
          </Text>
          <Text size="sm">
            {runNo === undefined ? t('admission.stale.elsewhereBody') : t('admission.stale.body', { run: runNo })}
          </Text>
        </div>
        {onRerun && (
          <Button color="orange" leftSection={<IconRefresh size={16} />} loading={running} onClick={onRerun}>
            {t('admission.stale.rerun')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
