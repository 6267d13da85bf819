import { Badge, Group, Paper, ScrollArea, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamComponent, ResultPageRow } from '../../../../shared/contract/scores';
import { useQuery } from '../../lib/query';
import { ExportListButton } from '../../components/ExportListButton';
import { Pager } from '../../components/Pager';
import { SortableTh, type SortState } from '../../components/SortableTh';
import { ErrorState, LoadingState } from '../../components/states';
import { useKeptData } from '../../components/useKeptData';
import { ConfirmationBadge } from '../applicants/ConfirmationBadge';
import {
  FIRST_RESULTS_VIEW,
  RESULT_CONFIRMATIONS,
  RESULT_STATUSES,
  resultsPageInput,
  resultsSelection,
  type ResultFilters as Filters,
} from './results-query';
import { formatHundredths } from './score-input';

/**
 * 考核成绩 as a paged table: the core finds, filters and sorts, and sends one page with the count of
 * matches, so 10,000 candidates cost the screen one page of rows.
 */
export function ResultsPanel({
  components,
  onAnswered,
}: {
  components: ExamComponent[] | null;
  /** Called once the first answer is in (the table or its error is on screen). */
  onAnswered?: () => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(FIRST_RESULTS_VIEW.query);
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const [filters, setFilters] = useState<Filters>(FIRST_RESULTS_VIEW.filters);
  const [sort, setSort] = useState<SortState>(FIRST_RESULTS_VIEW.sort);
  const [page, setPage] = useState(FIRST_RESULTS_VIEW.page);
  const [pageSize, setPageSize] = useState(FIRST_RESULTS_VIEW.pageSize);
  const results = useQuery('scores.page', resultsPageInput({ query: debounced, filters, sort, page, pageSize }));
  const data = useKeptData(results.data);
  const answered = (data !== null && components !== null) || results.error !== null;
  useEffect(() => {
    if (answered) onAnswered?.();
  }, [answered, onAnswered]);
  const filter = (patch: Partial<Filters>) => {
    setFilters({ ...filters, ...patch });
    setPage(1);
  };
  const onSort = (s: SortState) => {
    setSort(s);
    setPage(1);
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={3}>{t('scores.setup.results')}</Title>
          <Group gap="sm">
            {data && (
              <Text size="sm" c="dimmed" data-testid="results-count">
                {t('lists.results.count', { total: data.total, all: data.cohortTotal })}
              </Text>
            )}
            <ExportListButton op="scores.export" input={resultsSelection({ query: debounced, filters, sort })} />
          </Group>
        </Group>
        <ResultFilters
          query={query}
          onQuery={(v) => {
            setQuery(v);
            setPage(1);
          }}
          filters={filters}
          onFilter={filter}
        />
        {results.error && <ErrorState error={results.error} onRetry={results.refresh} />}
        {(!data || !components) && !results.error && <LoadingState />}
        {data && data.rows.length === 0 && (
          <Text c="dimmed">{data.cohortTotal === 0 ? t('lists.results.empty') : t('lists.results.noMatch')}</Text>
        )}
        {data && components && data.rows.length > 0 && (
          <ResultsTable rows={data.rows} components={components} sort={sort} onSort={onSort} />
        )}
        {data && data.total > 0 && (
          <Pager
            total={data.total}
            page={page}
            pageSize={pageSize}
            onPage={setPage}
            onPageSize={setPageSize}
            testId="results-pager"
          />
        )}
      </Stack>
    </Paper>
  );
}

function ResultFilters({
  query,
  onQuery,
  filters,
  onFilter,
}: {
  query: string;
  onQuery: (v: string) => void;
  filters: Filters;
  onFilter: (patch: Partial<Filters>) => void;
}) {
  const { t } = useTranslation();
  const catalogue = useQuery('catalogue.list', {});
  const specialties = (catalogue.data ?? []).filter((s) => s.active).map((s) => ({ value: s.code, label: s.name }));
  return (
    <Group align="flex-end">
      <TextInput
        label={t('lists.results.search')}
        placeholder={t('lists.results.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(e) => onQuery(e.currentTarget.value)}
        w={300}
      />
      <Select
        label={t('lists.results.specialty')}
        placeholder={t('lists.results.all')}
        data={specialties}
        value={filters.specialty}
        onChange={(v) => onFilter({ specialty: v })}
        clearable
        searchable
        w={180}
      />
      <Select
        label={t('lists.results.status')}
        placeholder={t('lists.results.all')}
        data={RESULT_STATUSES.map((s) => ({ value: s, label: t(`scores.setup.status.${s}`) }))}
        value={filters.status}
        onChange={(v) => onFilter({ status: v as Filters['status'] })}
        clearable
        w={140}
      />
      <Select
        label={t('lists.results.confirmation')}
        placeholder={t('lists.results.all')}
        data={RESULT_CONFIRMATIONS.map((s) => ({ value: s, label: t(`applicants.statuses.${s}`) }))}
        value={filters.confirmation}
        onChange={(v) => onFilter({ confirmation: v as Filters['confirmation'] })}
        clearable
        w={140}
      />
    </Group>
  );
}

function ResultsTable({
  rows,
  components,
  sort,
  onSort,
}: {
  rows: ResultPageRow[];
  components: ExamComponent[];
  sort: SortState;
  onSort: (s: SortState) => void;
}) {
  const { t } = useTranslation();
  const th = (label: string, key: string) => <SortableTh label={label} sortKey={key} state={sort} onSort={onSort} />;
  return (
    <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto">
      <Table
        striped
        stickyHeader
        withTableBorder
        verticalSpacing={6}
        data-testid="results-table"
        aria-label={t('scores.setup.results')}
      >
        <Table.Thead>
          <Table.Tr>
            {th(t('scores.setup.candidate'), 'name')}
            {th(t('scores.setup.idNumber'), 'idNumber')}
            {th(t('lists.results.specialtyCol'), 'specialty')}
            {th(t('lists.results.confirmationCol'), 'confirmation')}
            {components.map((c) => (
              <SortableTh key={c.key} label={c.name} sortKey={`component:${c.key}`} state={sort} onSort={onSort} />
            ))}
            {th(t('scores.setup.total'), 'total')}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.applicantId} data-testid="result-row">
              <Table.Td>{r.name}</Table.Td>
              <Table.Td ff="monospace">{r.idMasked}</Table.Td>
              <Table.Td>{r.specialtyName ?? '—'}</Table.Td>
              <Table.Td>
                <ConfirmationBadge status={r.confirmation} />
              </Table.Td>
              {components.map((c) => (
                <Table.Td key={c.key}>{componentText(r.components[c.key], t('scores.setup.absent'))}</Table.Td>
              ))}
              <Table.Td>
                {r.totalDisplay ?? (
                  <Badge variant="light" color="gray">
                    {t(`scores.setup.status.${r.status}`)}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

function componentText(v: number | 'absent' | null | undefined, absent: string): string {
  if (v === 'absent') return absent;
  if (v === null || v === undefined) return '—';
  return formatHundredths(v);
}
