import { Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyView } from '../../../../shared/contract/audit';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useKeptData } from '../../components/useKeptData';
import { useQuery } from '../../lib/query';
import { AuditFilterBar, type FilterChoices } from './AuditFilterBar';
import { AuditTable } from './AuditTable';
import { AUDIT_PAGE_SIZE, useAuditUi, type AuditFilters } from './store';
import { VerifyChainButton, VerifyResult } from './VerifyChain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The audit.list input for the filters and page: only complete dates, and no range that runs backwards. */
function listInput(filters: AuditFilters, page: number) {
  const rangeBad = DATE.test(filters.from) && DATE.test(filters.to) && filters.from > filters.to;
  const entityId = filters.entityId.trim();
  return {
    rangeBad,
    input: {
      ...(filters.actor ? { actor: filters.actor } : {}),
      ...(filters.entity ? { entity: filters.entity } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(entityId ? { entityId } : {}),
      ...(DATE.test(filters.from) && !rangeBad ? { from: filters.from } : {}),
      ...(DATE.test(filters.to) && !rangeBad ? { to: filters.to } : {}),
      limit: AUDIT_PAGE_SIZE,
      offset: (page - 1) * AUDIT_PAGE_SIZE,
    },
  };
}

/** The record-number box: typed text shows at once, the filter follows after a pause (one call, not one per key). */
function useEntityIdSearch(value: string, apply: (text: string) => void) {
  const [text, setText] = useState(value);
  const [settled] = useDebouncedValue(text, 300);
  useEffect(() => {
    if (settled !== value) apply(settled);
  }, [settled]); // eslint-disable-line react-hooks/exhaustive-deps
  // 清除筛选 empties the store: the box follows.
  useEffect(() => {
    if (value === '') setText('');
  }, [value]);
  return [text, setText] as const;
}

/**
 * 审计日志: one page of events at a time (the core counts and pages them), filtered by who, what, which
 * record and when; the filter bar and the pager stay put while only the table scrolls.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const { filters, page, expanded, setFilter, reset, setPage, toggle } = useAuditUi();
  const [verify, setVerify] = useState<AuditVerifyView | null>(null);
  const [entityIdText, setEntityIdText] = useEntityIdSearch(filters.entityId, (text) => setFilter('entityId', text));
  const { rangeBad, input } = listInput(filters, page);
  const audit = useQuery('audit.list', input);
  // Turning a page or changing a filter keeps the previous rows up until the new ones arrive.
  const data = useKeptData(audit.data);
  const labels = {
    action: (a: string) => t(`audit.actions.${a}`, { defaultValue: a }),
    entity: (e: string) => t(`audit.entities.${e}`, { defaultValue: e }),
    actor: (u: string) => data?.actorNames[u] ?? u,
  };
  const choices: FilterChoices = {
    actors: (data?.actors ?? []).map((a) => ({ value: a, label: labels.actor(a) })),
    entities: (data?.entities ?? []).map((e) => ({ value: e, label: labels.entity(e) })),
    actions: (data?.actions ?? []).map((a) => ({ value: a, label: labels.action(a) })),
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / AUDIT_PAGE_SIZE)) : 1;
  const filtered = Object.values(filters).some((v) => v);

  // The page fills the viewport below the header: filters and pagination stay put, only the table scrolls.
  return (
    <Stack h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('nav.audit')}</Title>
        <VerifyChainButton onResult={setVerify} />
      </Group>
      {verify && <VerifyResult result={verify} onClose={() => setVerify(null)} />}
      <AuditFilterBar
        filters={filters}
        entityIdText={entityIdText}
        choices={choices}
        rangeBad={rangeBad}
        onFilter={setFilter}
        onEntityIdText={setEntityIdText}
        onReset={reset}
      />
      {audit.error && <ErrorState error={audit.error} onRetry={audit.refresh} />}
      {!data && !audit.error && <LoadingState />}
      {data && data.events.length === 0 && (
        <EmptyState title={t('audit.empty')} description={filtered ? t('audit.emptyFiltered') : undefined} />
      )}
      {data && data.events.length > 0 && (
        <AuditTable events={data.events} expanded={expanded} labels={labels} onToggle={toggle} />
      )}
      {data && data.total > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('audit.count', { total: data.total })}
          </Text>
          <Pagination total={pages} value={Math.min(page, pages)} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}
