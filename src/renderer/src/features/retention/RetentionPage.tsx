import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../components/states';
import { formatBytes, formatDate } from '../../lib/format';
import { useQuery } from '../../lib/query';
import { PackagesTable, YearsTable } from './DueTables';
import { PurgeDialog } from './PurgeDialog';
import { SettingsCard } from './SettingsCard';

/** 数据保存期限: the periods (示例 until saved), what is due today, and the explicit purge. */
export function RetentionPage() {
  const { t } = useTranslation();
  const preview = useQuery('retention.preview');
  const [confirming, setConfirming] = useState(false);
  const p = preview.data;
  const nothingDue = p !== null && p.totals.applicants === 0 && p.totals.packages === 0;
  return (
    <Stack>
      <Title order={2}>{t('retention.nav')}</Title>
      <Text size="sm" c="dimmed" maw={900}>
        {t('retention.intro')}
      </Text>
      {preview.error && <ErrorState error={preview.error} onRetry={preview.refresh} />}
      {!p && !preview.error && <LoadingState />}
      {p && (
        <>
          <SettingsCard settings={p.settings} />
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={4}>{t('retention.dueTitle', { date: formatDate(p.today) })}</Title>
              <YearsTable years={p.years} />
            </Stack>
          </Paper>
          <PackagesTable packages={p.packages} />
          <Group justify="space-between">
            <Text fw={500} data-testid="retention-totals">
              {nothingDue
                ? t('retention.nothingDue')
                : t('retention.totals', { ...p.totals, bytes: formatBytes(p.totals.packageBytes) })}
            </Text>
            <Button color="red" leftSection={<IconTrash size={16} />} disabled={nothingDue} onClick={() => setConfirming(true)}>
              {t('retention.purge')}
            </Button>
          </Group>
          {confirming && <PurgeDialog totals={p.totals} onClose={() => setConfirming(false)} />}
        </>
      )}
    </Stack>
  );
}
