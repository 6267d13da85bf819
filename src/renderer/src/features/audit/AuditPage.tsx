import {
  ActionIcon,
  Button,
  Code,
  Group,
  Pagination,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFilterOff } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyView } from '../../../../shared/contract/audit';
import { useQuery } from '../../lib/query';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDateTime } from '../../lib/format';
import { JsonDiff } from './JsonDiff';
import { AUDIT_PAGE_SIZE, useAuditUi } from './store';
import { VerifyChainButton, VerifyResult } from './VerifyChain';
import { DateField } from '../../components/DateFields';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function AuditPage() {
  const { t } = useTranslation();
  const { filters, page, expanded, setFilter, reset, setPage, toggle } = useAuditUi();
  const [verify, setVerify] = useState<AuditVerifyView | null>(null);
  const rangeBad = DATE.test(filters.from) && DATE.test(filters.to) && filters.from > filters.to;
  const input = {
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(DATE.test(filters.from) && !rangeBad ? { from: filters.from } : {}),
    ...(DATE.test(filters.to) && !rangeBad ? { to: filters.to } : {}),
    limit: AUDIT_PAGE_SIZE,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
  };
  const audit = useQuery('audit.list', input);
  const data = audit.data;
  const actionLabel = (a: string) => t(`audit.actions.${a}`, { defaultValue: a });
  const entityLabel = (e: string) => t(`audit.entities.${e}`, { defaultValue: e });
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

      <Paper withBorder p="sm">
        <SimpleGrid cols={6} spacing="sm" style={{ alignItems: 'end' }}>
          <Select
            label={t('audit.actor')}
            data={(data?.actors ?? []).map((a) => ({ value: a, label: data?.actorNames[a] ?? a }))}
            value={filters.actor}
            onChange={(v) => setFilter('actor', v)}
            clearable
            searchable
            placeholder={t('audit.all')}
          />
          <Select
            label={t('audit.entity')}
            data={(data?.entities ?? []).map((e) => ({ value: e, label: entityLabel(e) }))}
            value={filters.entity}
            onChange={(v) => setFilter('entity', v)}
            clearable
            placeholder={t('audit.all')}
          />
          <Select
            label={t('audit.action')}
            data={(data?.actions ?? []).map((a) => ({ value: a, label: actionLabel(a) }))}
            value={filters.action}
            onChange={(v) => setFilter('action', v)}
            clearable
            searchable
            placeholder={t('audit.all')}
          />
          <DateField
            label={t('audit.from')}
            value={filters.from}
            onChange={(e) => setFilter('from', e.currentTarget.value)}
            error={rangeBad ? t('audit.rangeBad') : undefined}
          />
          <DateField label={t('audit.to')} value={filters.to} onChange={(e) => setFilter('to', e.currentTarget.value)} />
          <Button variant="default" leftSection={<IconFilterOff size={16} />} onClick={reset} disabled={!filtered}>
            {t('audit.clearFilters')}
          </Button>
        </SimpleGrid>
      </Paper>

      {audit.error && <ErrorState error={audit.error} onRetry={audit.refresh} />}
      {!data && !audit.error && <LoadingState />}
      {data && data.events.length === 0 && (
        <EmptyState title={t('audit.empty')} description={filtered ? t('audit.emptyFiltered') : undefined} />
      )}
      {data && data.events.length > 0 && (
        <Paper withBorder style={{ flex: 1, minHeight: 160 }}>
          <ScrollArea h="100%" type="auto">
            <Table stickyHeader highlightOnHover verticalSpacing={6} aria-label={t('nav.audit')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40} />
                  <Table.Th w={180}>{t('audit.time')}</Table.Th>
                  <Table.Th w={120}>{t('audit.actor')}</Table.Th>
                  <Table.Th w={200}>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                  <Table.Th w={220}>{t('audit.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.events.map((e) => {
                  const open = expanded === e.id;
                  return (
                    <Fragment key={e.id}>
                      <Table.Tr
                        data-testid="audit-row"
                        data-action={e.action}
                        onClick={() => toggle(e.id)}
                        style={{ cursor: 'pointer' }}
                      >
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            size="sm"
                            aria-expanded={open}
                            aria-label={open ? t('audit.collapse') : t('audit.expand')}
                            onClick={(ev) => {
                              ev.stopPropagation();
                              toggle(e.id);
                            }}
                          >
                            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                          </ActionIcon>
                        </Table.Td>
                        <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(e.at, true)}
                        </Table.Td>
                        <Table.Td title={e.actor}>{data?.actorNames[e.actor] ?? e.actor}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{actionLabel(e.action)}</Text>
                          <Code fz={10}>{e.action}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" truncate="end" maw={300} title={e.entityId}>
                            {entityLabel(e.entity)}
                            <Text span c="dimmed" size="xs" ml={6}>
                              {e.entityId}
                            </Text>
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={2}>
                            {e.reason ?? '—'}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                      {open && (
                        <Table.Tr>
                          <Table.Td colSpan={6} bg="var(--mantine-color-default-hover)">
                            <Text size="xs" c="dimmed" mb={4}>
                              {t('audit.eventMeta', { station: e.stationId, seq: e.seq })}
                            </Text>
                            <JsonDiff before={e.before} after={e.after} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
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
