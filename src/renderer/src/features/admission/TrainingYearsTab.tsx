import { Button, Group, Paper, SegmentedControl, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingYearRow } from '../../../../shared/contract/admission';
import { mutate, useQuery } from '../../lib/query';
import { FormDialog } from '../../components/FormDialog';
import { ErrorState, LoadingState } from '../../components/states';
import { FollowupTable } from './FollowupTable';

export function TrainingYearsTab({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const q = useQuery('admission.trainingYears', {});
  const [dialog, setDialog] = useState<{ kind: 'request' | 'decide' | 'province'; row: TrainingYearRow } | null>(null);
  const [years, setYears] = useState('1');
  const [docs, setDocs] = useState('');
  const [approve, setApprove] = useState('approve');
  const [reason, setReason] = useState('');
  const open = (kind: 'request' | 'decide' | 'province', row: TrainingYearRow) => {
    setDialog({ kind, row });
    setYears(String(row.requested || 1));
    setDocs('');
    setApprove('approve');
    setReason('');
  };
  if (q.error) return <ErrorState error={q.error} onRetry={q.refresh} />;
  if (!q.data) return <LoadingState />;
  const close = () => {
    setDialog(null);
  };
  const id = dialog?.row.applicantId ?? '';
  return (
    <Paper withBorder>
      <FollowupTable
        label={t('admission.tabs.years')}
        head={[
          t('admission.table.name'),
          t('admission.table.specialty'),
          t('admission.years.program'),
          t('admission.years.default'),
          t('admission.years.requested'),
          t('admission.years.status'),
          t('admission.years.decided'),
        ]}
        actions={editable}
      >
        {q.data.map((r) => (
          <Table.Tr key={r.applicantId} data-testid={`years-${r.applicantId}`}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td>{r.specialtyName}</Table.Td>
            <Table.Td>{t(`programs.${r.program}`)}</Table.Td>
            <Table.Td>{t('admission.years.yearsValue', { years: r.defaultYears })}</Table.Td>
            <Table.Td>{r.requested ? t('admission.years.yearsValue', { years: r.requested }) : '—'}</Table.Td>
            <Table.Td>
              <Text size="sm">{t(`admission.years.statuses.${r.status}`)}</Text>
              {r.warning && (
                <Text size="xs" c="orange">
                  {r.warning}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {t('admission.years.yearsValue', { years: r.decidedYears })}
              {!r.final && ` ${t('admission.years.pendingProvince')}`}
            </Table.Td>
            {editable && (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {r.program === 'residency' && (
                    <Button size="compact-xs" variant="subtle" onClick={() => open('request', r)}>
                      {t('admission.years.request')}
                    </Button>
                  )}
                  {r.requested > 0 && (
                    <Button size="compact-xs" variant="subtle" onClick={() => open('decide', r)}>
                      {t('admission.years.decide')}
                    </Button>
                  )}
                  {(r.status === 'base-approved' || r.status.startsWith('province')) && (
                    <Button size="compact-xs" variant="subtle" onClick={() => open('province', r)}>
                      {t('admission.years.province')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </FollowupTable>
      <FormDialog
        title={t('admission.years.requestDialog')}
        opened={dialog?.kind === 'request'}
        onClose={close}
        canSubmit={docs.trim() !== ''}
        submit={() =>
          mutate('admission.requestReduction', {
            applicantId: id,
            years: years === '2' ? 2 : 1,
            documents: docs
              .split('\n')
              .map((d) => d.trim())
              .filter((d) => d !== ''),
          })
        }
      >
        <SegmentedControl
          value={years}
          onChange={setYears}
          data={['1', '2'].map((y) => ({ value: y, label: t('admission.years.yearsValue', { years: y }) }))}
        />
        <Textarea
          label={t('admission.years.documents')}
          value={docs}
          onChange={(e) => setDocs(e.currentTarget.value)}
          autosize
          minRows={3}
        />
      </FormDialog>
      <FormDialog
        title={t('admission.years.decideDialog')}
        opened={dialog?.kind === 'decide'}
        onClose={close}
        canSubmit={reason.trim().length >= 2}
        submit={() =>
          mutate('admission.decideReduction', {
            applicantId: id,
            approve: approve === 'approve',
            years: years === '2' ? 2 : 1,
            reason: reason.trim(),
          })
        }
      >
        <SegmentedControl
          value={approve}
          onChange={setApprove}
          data={[
            { value: 'approve', label: t('admission.years.approve') },
            { value: 'reject', label: t('admission.years.reject') },
          ]}
        />
        {approve === 'approve' && (
          <SegmentedControl
            value={years}
            onChange={setYears}
            data={['1', '2'].map((y) => ({ value: y, label: t('admission.years.yearsValue', { years: y }) }))}
          />
        )}
        <Textarea
          label={t('admission.years.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
        />
      </FormDialog>
      <FormDialog
        title={t('admission.years.provinceDialog')}
        opened={dialog?.kind === 'province'}
        onClose={close}
        submit={() =>
          mutate('admission.recordProvinceReview', {
            applicantId: id,
            outcome: approve === 'approve' ? 'approved' : 'rejected',
            ...(reason.trim() ? { note: reason.trim() } : {}),
          })
        }
      >
        <SegmentedControl
          value={approve}
          onChange={setApprove}
          data={[
            { value: 'approve', label: t('admission.years.statuses.province-approved') },
            { value: 'reject', label: t('admission.years.statuses.province-rejected') },
          ]}
        />
        <TextInput label={t('admission.years.provinceNote')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </FormDialog>
    </Paper>
  );
}
