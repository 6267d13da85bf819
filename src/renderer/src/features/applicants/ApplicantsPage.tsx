import {
  ActionIcon,
  Anchor,
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
import { useDebouncedValue } from '@mantine/hooks';
import { IconEye, IconFileImport, IconPencilPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantListSort, ApplicantSummary, ConfirmationStatus } from '../../../../shared/contract/applicants';
import { can } from '../../../../shared/permissions';
import { call } from '../../app/call';
import { notifyError } from '../../app/notify';
import { useSession } from '../../app/session';
import { useQuery } from '../../lib/query';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { ExportListButton } from '../../components/ExportListButton';
import { Pager } from '../../components/Pager';
import { SortableTh, type SortState } from '../../components/SortableTh';
import { useKeptData } from '../../components/useKeptData';
import { ConfirmationBadge } from './ConfirmationBadge';
import { ImportApplicantsModal } from './ImportApplicantsModal';
import { ManualEntryDialog } from './ManualEntryDialog';
import { ChoicesText, RoundBadge } from './ChoiceCells';

/** The applicant list: masked by default; roles with the reveal permission can show one row in full (audited). */
export function ApplicantsPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const canImport = role ? can(role, 'applicants.import') : false;
  const canReveal = role ? can(role, 'applicants.reveal') : false;
  const canConfirm = role ? can(role, 'confirm.decide') : false;
  const [status, setStatus] = useState<string | null>(null);
  const [specialty, setSpecialty] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [sort, setSort] = useState<SortState<ApplicantListSort>>({ sort: 'name', dir: 'asc' });
  const [importing, setImporting] = useState(false);
  const [entering, setEntering] = useState(false);
  const canAdd = role ? can(role, 'applicants.add') : false;
  const [revealed, setRevealed] = useState<Record<string, { idNumber: string; phone: string | null }>>({});
  const catalogue = useQuery('catalogue.list', {});
  const list = useQuery('applicants.list', {
    limit: pageSize,
    offset: (page - 1) * pageSize,
    sort: sort.sort,
    dir: sort.dir,
    ...(status ? { status: status as ConfirmationStatus } : {}),
    ...(specialty ? { specialty } : {}),
    ...(debounced ? { query: debounced } : {}),
  });

  async function reveal(a: ApplicantSummary) {
    const r = await call('applicants.reveal', { id: a.id });
    if (!r.ok) return notifyError(r.error);
    setRevealed((m) => ({ ...m, [a.id]: r.value }));
  }

  const statuses = (['pending', 'confirmed', 'returned', 'rejected'] as const).map((s) => ({
    value: s,
    label: t(`applicants.statuses.${s}`),
  }));
  const specialties = (catalogue.data ?? [])
    .filter((s) => s.active)
    .map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));
  const data = useKeptData(list.data);
  const onSort = (next: SortState<ApplicantListSort>) => {
    setSort(next);
    setPage(1);
  };
  const th = (label: string, key: ApplicantListSort) => <SortableTh label={label} sortKey={key} state={sort} onSort={onSort} />;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('applicants.title')}</Title>
          {data && (
            <Text c="dimmed" data-testid="applicants-total">
              {t('applicants.total', { total: data.total })}
            </Text>
          )}
        </div>
        <Group>
          <ExportListButton
            op="applicants.export"
            revealable={canReveal}
            input={{
              sort: sort.sort,
              dir: sort.dir,
              ...(status ? { status: status as ConfirmationStatus } : {}),
              ...(specialty ? { specialty } : {}),
              ...(debounced ? { query: debounced } : {}),
            }}
          />
          {canAdd && (
            <Button variant="light" leftSection={<IconPencilPlus size={16} />} onClick={() => setEntering(true)}>
              {t('paperForm.open')}
            </Button>
          )}
          {canImport && (
            <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
              {t('applicants.import')}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('applicants.search')}
          placeholder={t('applicants.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setPage(1);
          }}
          w={300}
        />
        <Select
          label={t('applicants.filterStatus')}
          placeholder={t('applicants.all')}
          data={statuses}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          clearable
          w={160}
        />
        <Select
          label={t('applicants.filterSpecialty')}
          placeholder={t('applicants.all')}
          data={specialties}
          value={specialty}
          onChange={(v) => {
            setSpecialty(v);
            setPage(1);
          }}
          clearable
          searchable
          w={220}
        />
      </Group>
      {list.error && <ErrorState error={list.error} onRetry={list.refresh} />}
      {!data && !list.error && <LoadingState />}
      {data && data.total === 0 && !status && !specialty && !query && (
        <EmptyState title={t('applicants.empty')} description={t('applicants.emptyHint')} />
      )}
      {data && data.applicants.length > 0 && (
        <Paper withBorder>
          <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto">
            <Table striped highlightOnHover stickyHeader verticalSpacing={6} aria-label={t('applicants.title')}>
              <Table.Thead>
                <Table.Tr>
                  {th(t('applicants.name'), 'name')}
                  {th(t('applicants.idNumber'), 'idNumber')}
                  <Table.Th>{t('applicants.phone')}</Table.Th>
                  {th(t('applicants.category'), 'category')}
                  {th(t('applicants.choices'), 'specialty')}
                  <Table.Th>{t('choices.round')}</Table.Th>
                  {th(t('applicants.status'), 'status')}
                  {canReveal && <Table.Th w={50} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.applicants.map((a) => {
                  const full = revealed[a.id];
                  return (
                    <Table.Tr key={a.id} data-testid="applicant-row">
                      <Table.Td>
                        {canConfirm ? (
                          <Anchor href={`#/desk?id=${encodeURIComponent(a.id)}`} size="sm">
                            {a.name}
                          </Anchor>
                        ) : (
                          a.name
                        )}
                      </Table.Td>
                      <Table.Td ff="monospace">{full?.idNumber ?? a.idNumber}</Table.Td>
                      <Table.Td ff="monospace">{full ? full.phone : a.phone}</Table.Td>
                      <Table.Td>{a.category}</Table.Td>
                      <Table.Td>
                        <ChoicesText a={a} />
                      </Table.Td>
                      <Table.Td>
                        <RoundBadge a={a} />
                      </Table.Td>
                      <Table.Td>
                        <ConfirmationBadge status={a.confirmation} />
                      </Table.Td>
                      {canReveal && (
                        <Table.Td>
                          <Tooltip label={full ? t('applicants.revealed') : t('applicants.reveal')}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={`${t('applicants.reveal')} ${a.name}`}
                              onClick={() => void reveal(a)}
                              disabled={!!full}
                            >
                              <IconEye size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      )}
      {data && data.total > 0 && (
        <Pager
          total={data.total}
          page={page}
          pageSize={pageSize}
          onPage={setPage}
          onPageSize={setPageSize}
          testId="applicants-pager"
        />
      )}
      {canAdd && <ManualEntryDialog opened={entering} onClose={() => setEntering(false)} onSaved={list.refresh} />}
      {canImport && <ImportApplicantsModal opened={importing} onClose={() => setImporting(false)} onImported={list.refresh} />}
    </Stack>
  );
}
