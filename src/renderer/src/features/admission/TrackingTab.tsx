import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { DateField, isValidDate } from '../../components/DateFields';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrackingRow } from '../../../../shared/contract/admission';
import { formatDate, todayInBeijing } from '../../lib/format';
import { mutate, useQuery } from '../../lib/query';
import { FormDialog } from '../../components/FormDialog';
import { ErrorState, LoadingState } from '../../components/states';
import { FollowupTable } from './FollowupTable';

export function TrackingTab({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const q = useQuery('admission.tracking', {});
  const [dialog, setDialog] = useState<{ kind: 'report' | 'contract'; row: TrackingRow } | null>(null);
  const [date, setDate] = useState('');
  if (q.error) return <ErrorState error={q.error} onRetry={q.refresh} />;
  if (!q.data) return <LoadingState />;
  const color: Record<TrackingRow['status'], string> = {
    'not-reported': 'gray',
    'awaiting-contract': 'blue',
    overdue: 'red',
    signed: 'teal',
    'signed-late': 'orange',
  };
  const open = (kind: 'report' | 'contract', row: TrackingRow) => {
    setDialog({ kind, row });
    setDate(todayInBeijing());
  };
  const close = () => {
    setDialog(null);
  };
  return (
    <Paper withBorder>
      {q.data[0]?.deadlineDays === null && (
        <Text size="sm" c="dimmed" p="sm">
          {t('admission.tracking.noDeadline')}
        </Text>
      )}
      <FollowupTable
        label={t('admission.tabs.tracking')}
        head={[
          t('admission.table.name'),
          t('admission.table.specialty'),
          t('admission.tracking.reportedOn'),
          t('admission.tracking.deadline'),
          t('admission.tracking.contractOn'),
          t('admission.tracking.status'),
        ]}
        actions={editable}
      >
        {q.data.map((r) => (
          <Table.Tr key={r.applicantId} data-testid={`tracking-${r.applicantId}`}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td>{r.specialtyName}</Table.Td>
            <Table.Td>{r.reportedOn ? formatDate(r.reportedOn) : '—'}</Table.Td>
            <Table.Td>
              {r.deadline ? formatDate(r.deadline) : '—'}
              {r.daysLeft !== null && r.daysLeft >= 0 && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {t('admission.tracking.daysLeft', { days: r.daysLeft })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{r.contractSignedOn ? formatDate(r.contractSignedOn) : '—'}</Table.Td>
            <Table.Td>
              <Badge color={color[r.status]} variant="light">
                {t(`admission.tracking.statuses.${r.status}`)}
              </Badge>
            </Table.Td>
            {editable && (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="subtle" onClick={() => open('report', r)}>
                    {t('admission.tracking.report')}
                  </Button>
                  {r.reportedOn && (
                    <Button size="compact-xs" variant="subtle" onClick={() => open('contract', r)}>
                      {t('admission.tracking.contract')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </FollowupTable>
      <FormDialog
        title={dialog?.kind === 'contract' ? t('admission.tracking.contract') : t('admission.tracking.report')}
        opened={dialog !== null}
        onClose={close}
        canSubmit={isValidDate(date)}
        submit={() =>
          dialog?.kind === 'contract'
            ? mutate('admission.recordContract', { applicantId: dialog.row.applicantId, date })
            : mutate('admission.recordReportIn', { applicantId: dialog?.row.applicantId ?? '', date })
        }
      >
        <Text size="sm">{dialog?.row.name}</Text>
        <DateField label={t('admission.tracking.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
      </FormDialog>
    </Paper>
  );
}
