import { Button, Drawer, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraineeDetail } from '../../../../shared/contract/trainees';
import { TRAINEE_STATUSES, type TraineeStatus } from '../../../../shared/contract/trainees-values';
import { DateField, isValidDate } from '../../components/DateFields';
import { FormDialog } from '../../components/FormDialog';
import { ReasonField } from '../../components/ReasonField';
import { ErrorState, LoadingState } from '../../components/states';
import { formatDate, todayInBeijing } from '../../lib/format';
import { mutate, useQuery } from '../../lib/query';
import { TraineeStatusBadge } from './TraineeStatusBadge';
import { TransferDialog } from './TransferDialog';

/** One trainee: the record (masked), the status history and transfers; 变更培训状态 and 变更专业或基地 for those who may. */
export function TraineeDrawer({ id, onClose, canManage }: { id: string | null; onClose: () => void; canManage: boolean }) {
  const { t } = useTranslation();
  const q = useQuery('trainees.get', { id: id ?? '' }, id !== null);
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('trainees.detail')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {q.error && <ErrorState error={q.error} onRetry={q.refresh} />}
      {!q.data && !q.error && <LoadingState />}
      {q.data && q.data.id === id && <TraineeFacts detail={q.data} canManage={canManage} />}
    </Drawer>
  );
}

function TraineeFacts({ detail: d, canManage }: { detail: TraineeDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const catalogue = useQuery(
    'catalogue.list',
    {},
    d.transfers.some((x) => x.kind === 'specialty'),
  );
  // A specialty change is stored by code; the reader knows specialties by name.
  const specialtyName = (code: string | null) =>
    code === null ? '—' : `${code} ${catalogue.data?.find((s) => s.code === code)?.name ?? ''}`.trim();
  const rows: Array<[string, string]> = [
    [t('trainees.idNumber'), d.idNumber],
    [t('trainees.phone'), d.phone ?? '—'],
    [t('trainees.program'), t(`trainees.programs.${d.program}`)],
    [t('trainees.specialty'), `${d.specialtyCode} ${d.specialtyName}`],
    [t('trainees.cohort'), t('trainees.cohortValue', { year: d.cohortYear })],
    [t('trainees.startDate'), formatDate(d.startDate)],
    [t('trainees.years'), t('trainees.yearsValue', { years: d.years })],
    [t('trainees.personType'), d.personType ?? '—'],
    [t('trainees.employer'), d.employer ?? '—'],
    [t('trainees.partnerSite'), d.partnerSite ?? '—'],
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} data-testid="trainee-name">
          {d.name}
        </Title>
        <Group gap="xs">
          <TraineeStatusBadge status={d.status} />
          {canManage && (
            <>
              <Button size="compact-sm" variant="subtle" onClick={() => setChanging(true)}>
                {t('trainees.setStatus')}
              </Button>
              {d.status !== 'withdrawn' && d.status !== 'completed' && (
                <Button size="compact-sm" variant="subtle" onClick={() => setTransferring(true)}>
                  {t('trainees.transfer')}
                </Button>
              )}
            </>
          )}
        </Group>
      </Group>
      <Table variant="vertical" withTableBorder={false} fz="sm">
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w={110}>{k}</Table.Th>
              <Table.Td>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div>
        <Text fw={600} mb={4}>
          {t('trainees.history')}
        </Text>
        <Stack gap={2} data-testid="status-history">
          {d.statusHistory.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('trainees.noHistory')}
            </Text>
          )}
          {d.statusHistory.map((h, i) => (
            <Text size="sm" key={i}>
              {t('trainees.historyRow', {
                date: formatDate(h.effectiveDate),
                from: t(`trainees.statuses.${h.fromStatus}`),
                to: t(`trainees.statuses.${h.toStatus}`),
                actor: h.actorName,
                reason: h.reason,
              })}
            </Text>
          ))}
        </Stack>
      </div>
      {d.transfers.length > 0 && (
        <div>
          <Text fw={600} mb={4}>
            {t('trainees.transfers')}
          </Text>
          {d.transfers.map((x, i) => (
            <Text size="sm" key={i}>
              {t('trainees.transferRow', {
                date: formatDate(x.effectiveDate),
                kind: t(`trainees.transferKinds.${x.kind}`),
                before: x.kind === 'specialty' ? specialtyName(x.before) : (x.before ?? '—'),
                after: x.kind === 'specialty' ? specialtyName(x.after) : x.after,
                reason: x.reason,
              })}
            </Text>
          ))}
        </div>
      )}
      {d.mustServe && d.mustServe.length > 0 && (
        <div>
          <Text fw={600} mb={4}>
            {t('trainees.mustServe')}
          </Text>
          {d.mustServe.map((m) => (
            <Text size="sm" key={m.standardDepartment}>
              {t('trainees.mustServeRow', { department: m.standardDepartment, months: m.months })}
            </Text>
          ))}
        </div>
      )}
      <StatusDialog detail={d} opened={changing} onClose={() => setChanging(false)} />
      <TransferDialog detail={d} opened={transferring} onClose={() => setTransferring(false)} />
    </Stack>
  );
}

function StatusDialog({ detail, opened, onClose }: { detail: TraineeDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TraineeStatus>(detail.status);
  const [date, setDate] = useState(todayInBeijing);
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={t('trainees.setStatus')}
      opened={opened}
      onClose={onClose}
      canSubmit={reason.trim().length >= 2 && status !== detail.status && isValidDate(date)}
      submit={() => mutate('trainees.setStatus', { id: detail.id, status, effectiveDate: date, reason: reason.trim() })}
    >
      <Text size="sm">{detail.name}</Text>
      <Select
        label={t('trainees.newStatus')}
        data={TRAINEE_STATUSES.map((s) => ({ value: s, label: t(`trainees.statuses.${s}`) }))}
        value={status}
        onChange={(v) => v && setStatus(v as TraineeStatus)}
        allowDeselect={false}
      />
      <DateField label={t('trainees.effectiveDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
      <ReasonField label={t('trainees.reason')} value={reason} onChange={setReason} />
    </FormDialog>
  );
}
