import { Badge, Button, Group, NumberInput, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionSettingsView } from '../../../../shared/contract/retention';
import { FormDialog } from '../../components/FormDialog';
import { formatDateTime } from '../../lib/format';
import { mutate } from '../../lib/query';
import { ReasonField } from '../../components/ReasonField';

/** 示例 until the base saves its own periods: no source gives them. */
function ExampleMark() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('retention.exampleHint')} multiline w={300}>
      <Badge color="orange" variant="filled" data-testid="retention-example">
        {t('retention.example')}
      </Badge>
    </Tooltip>
  );
}

function EditDialog({ settings, opened, onClose }: { settings: RetentionSettingsView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [months, setMonths] = useState<number | string>(settings.applicantMonths);
  const [days, setDays] = useState<number | string>(settings.packageDays);
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={t('retention.edit')}
      opened={opened}
      onClose={onClose}
      submitLabel={t('retention.save')}
      canSubmit={reason.trim().length >= 2}
      submit={() =>
        mutate('retention.update', { applicantMonths: Number(months), packageDays: Number(days), reason: reason.trim() })
      }
    >
      <NumberInput
        label={t('retention.monthsLabel')}
        value={months}
        onChange={setMonths}
        min={1}
        max={120}
        allowDecimal={false}
      />
      <NumberInput label={t('retention.daysLabel')} value={days} onChange={setDays} min={1} max={3650} allowDecimal={false} />
      <ReasonField
        label={t('retention.reason')}
        placeholder={t('retention.reasonPlaceholder')}
        value={reason}
        onChange={setReason}
        required
      />
    </FormDialog>
  );
}

export function SettingsCard({ settings }: { settings: RetentionSettingsView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={4}>{t('retention.settingsTitle')}</Title>
            {settings.example && <ExampleMark />}
          </Group>
          <Button variant="light" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
            {t('retention.edit')}
          </Button>
        </Group>
        <div>
          <Text fw={500}>
            {t('retention.applicantMonths')}：{t('retention.applicantMonthsValue', { n: settings.applicantMonths })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('retention.applicantMonthsHint')}
          </Text>
        </div>
        <div>
          <Text fw={500}>
            {t('retention.packageDays')}：{t('retention.packageDaysValue', { n: settings.packageDays })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('retention.packageDaysHint')}
          </Text>
        </div>
        {settings.example ? (
          <Text size="sm" c="orange.8">
            {t('retention.exampleHint')}
          </Text>
        ) : (
          settings.updatedAt && (
            <Text size="sm" c="dimmed">
              {t('retention.updatedBy', { user: settings.updatedBy ?? '', date: formatDateTime(settings.updatedAt) })}
            </Text>
          )
        )}
      </Stack>
      {editing && <EditDialog settings={settings} opened onClose={() => setEditing(false)} />}
    </Paper>
  );
}
