import {
  ActionIcon,
  Button,
  Group,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconEye, IconFileImport, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRAINEE_STATUSES, type TraineeStatus, type TraineeSummary } from '../../../../shared/contract/trainees';
import { can } from '../../../../shared/permissions';
import { notifyError } from '../../app/notify';
import { useSession } from '../../app/session';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDate } from '../../lib/format';
import { mutate, useQuery } from '../../lib/query';
import { EnrolDialog } from './EnrolDialog';
import { ImportTraineesDialog } from './ImportTraineesDialog';
import { TraineeDrawer } from './TraineeDrawer';
import { TraineeStatusBadge } from './TraineeStatusBadge';

const PAGE = 100;

/** 在培学员: search and filters, masked ID numbers (reveal audited), status with its history, import and enrol. */
export function TraineesPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const baseYear = useSession((s) => s.status?.base?.cohortYear) ?? new Date().getFullYear();
  const canManage = role ? can(role, 'trainees.manage') : false;
  const canReveal = role ? can(role, 'trainees.reveal') : false;
  const [query, setQuery] = useState('');
  const [cohort, setCohort] = useState<string | null>(null);
  const [program, setProgram] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const list = useQuery('trainees.list', {
    limit: PAGE,
    offset,
    ...(query.trim() ? { query: query.trim() } : {}),
    ...(cohort ? { cohortYear: Number(cohort) } : {}),
    ...(program ? { program: program as 'residency' | 'agp' } : {}),
    ...(status ? { status: status as TraineeStatus } : {}),
  });
  const filtered = query.trim() !== '' || cohort || program || status;
  const reset = (set: (v: string | null) => void) => (v: string | null) => {
    set(v);
    setOffset(0);
  };

  async function reveal(row: TraineeSummary) {
    const r = await mutate('trainees.revealIdNumber', { id: row.id });
    if (!r.ok) return notifyError(r.error);
    setRevealed((m) => ({ ...m, [row.id]: r.value.idNumber }));
  }

  const years = Array.from({ length: 6 }, (_, i) => String(baseYear - i));
  const data = list.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('trainees.title')}</Title>
          {data && (
            <Text c="dimmed" data-testid="trainees-total">
              {t('trainees.total', { total: data.total })}
            </Text>
          )}
        </div>
        {canManage && (
          <Group>
            <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
              {t('trainees.import')}
            </Button>
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEnrolling(true)}>
              {t('trainees.enrol')}
            </Button>
          </Group>
        )}
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('trainees.search')}
          placeholder={t('trainees.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setOffset(0);
          }}
          w={280}
        />
        <Select
          label={t('trainees.cohort')}
          placeholder={t('trainees.all')}
          data={years.map((y) => ({ value: y, label: t('trainees.cohortValue', { year: y }) }))}
          value={cohort}
          onChange={reset(setCohort)}
          clearable
          w={130}
        />
        <Select
          label={t('trainees.program')}
          placeholder={t('trainees.all')}
          data={(['residency', 'agp'] as const).map((p) => ({ value: p, label: t(`trainees.programs.${p}`) }))}
          value={program}
          onChange={reset(setProgram)}
          clearable
          w={130}
        />
        <Select
          label={t('trainees.status')}
          placeholder={t('trainees.all')}
          data={TRAINEE_STATUSES.map((s) => ({ value: s, label: t(`trainees.statuses.${s}`) }))}
          value={status}
          onChange={reset(setStatus)}
          clearable
          w={130}
        />
      </Group>
      {list.error && <ErrorState error={list.error} onRetry={list.refresh} />}
      {!data && !list.error && <LoadingState />}
      {data && data.total === 0 && !filtered && <EmptyState title={t('trainees.empty')} description={t('trainees.emptyHint')} />}
      {data && data.trainees.length > 0 && (
        <Paper withBorder>
          <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto">
            <Table striped highlightOnHover stickyHeader verticalSpacing={6} aria-label={t('trainees.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('trainees.name')}</Table.Th>
                  <Table.Th>{t('trainees.idNumber')}</Table.Th>
                  <Table.Th>{t('trainees.program')}</Table.Th>
                  <Table.Th>{t('trainees.specialty')}</Table.Th>
                  <Table.Th>{t('trainees.cohort')}</Table.Th>
                  <Table.Th>{t('trainees.startDate')}</Table.Th>
                  <Table.Th>{t('trainees.status')}</Table.Th>
                  <Table.Th>{t('trainees.source')}</Table.Th>
                  {canReveal && <Table.Th w={50} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.trainees.map((r) => (
                  <Table.Tr key={r.id} data-testid="trainee-row" style={{ cursor: 'pointer' }} onClick={() => setOpen(r.id)}>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td ff="monospace">{revealed[r.id] ?? r.idNumber}</Table.Td>
                    <Table.Td>{t(`trainees.programs.${r.program}`)}</Table.Td>
                    <Table.Td>{r.specialtyName}</Table.Td>
                    <Table.Td>{t('trainees.cohortValue', { year: r.cohortYear })}</Table.Td>
                    <Table.Td>{formatDate(r.startDate)}</Table.Td>
                    <Table.Td>
                      <TraineeStatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>{t(`trainees.sources.${r.source}`)}</Table.Td>
                    {canReveal && (
                      <Table.Td onClick={(e) => e.stopPropagation()}>
                        <Tooltip label={revealed[r.id] ? t('trainees.revealed') : t('trainees.reveal')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${t('trainees.reveal')} ${r.name}`}
                            disabled={!!revealed[r.id]}
                            onClick={() => void reveal(r)}
                          >
                            <IconEye size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      )}
      {data && data.total > PAGE && (
        <Group>
          <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('trainees.prev')}
          </Button>
          <Text size="sm">{t('trainees.page', { from: offset + 1, to: Math.min(data.total, offset + PAGE) })}</Text>
          <Button variant="default" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
            {t('trainees.next')}
          </Button>
        </Group>
      )}
      <TraineeDrawer id={open} onClose={() => setOpen(null)} canManage={canManage} />
      {canManage && <ImportTraineesDialog opened={importing} onClose={() => setImporting(false)} />}
      {canManage && <EnrolDialog opened={enrolling} onClose={() => setEnrolling(false)} cohortYear={baseYear} />}
    </Stack>
  );
}
