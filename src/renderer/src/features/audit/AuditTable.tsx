import { ActionIcon, Code, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../../shared/contract/audit';
import { formatDateTime } from '../../lib/format';
import { useRowT } from '../../i18n/useRowT';
import { JsonDiff } from './JsonDiff';

type Labels = { action: (code: string) => string; entity: (code: string) => string; actor: (username: string) => string };

/** One page of the log (the core sends at most a page), newest first; a row opens to show what changed. */
export function AuditTable({
  events,
  expanded,
  labels,
  onToggle,
}: {
  events: AuditEventView[];
  expanded: string | null;
  labels: Labels;
  onToggle: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
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
            {events.map((e) => (
              <Fragment key={e.id}>
                <AuditRow event={e} open={expanded === e.id} labels={labels} onToggle={() => onToggle(e.id)} />
                {expanded === e.id && <AuditDetail event={e} />}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

function AuditRow({
  event: e,
  open,
  labels,
  onToggle,
}: {
  event: AuditEventView;
  open: boolean;
  labels: Labels;
  onToggle: () => void;
}) {
  const t = useRowT();
  return (
    <Table.Tr data-testid="audit-row" data-action={e.action} onClick={onToggle} style={{ cursor: 'pointer' }}>
      <Table.Td>
        <ActionIcon
          variant="subtle"
          size="sm"
          aria-expanded={open}
          aria-label={open ? t('audit.collapse') : t('audit.expand')}
          onClick={(ev) => {
            ev.stopPropagation();
            onToggle();
          }}
        >
          {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
        </ActionIcon>
      </Table.Td>
      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(e.at, true)}
      </Table.Td>
      <Table.Td title={e.actor}>{labels.actor(e.actor)}</Table.Td>
      <Table.Td>
        <Text size="sm">{labels.action(e.action)}</Text>
        <Code fz={10}>{e.action}</Code>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate="end" maw={300} title={e.entityId}>
          {labels.entity(e.entity)}
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
  );
}

function AuditDetail({ event: e }: { event: AuditEventView }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td colSpan={6} bg="var(--mantine-color-default-hover)">
        <Text size="xs" c="dimmed" mb={4}>
          {t('audit.eventMeta', { station: e.stationId, seq: e.seq })}
        </Text>
        <JsonDiff before={e.before} after={e.after} />
      </Table.Td>
    </Table.Tr>
  );
}
