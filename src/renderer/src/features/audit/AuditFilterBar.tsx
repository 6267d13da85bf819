import { Button, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateFields';
import type { AuditFilters } from './store';

/** What the log offers to filter by (from the last answer), with the Chinese labels of its codes. */
export type FilterChoices = {
  actors: Array<{ value: string; label: string }>;
  entities: Array<{ value: string; label: string }>;
  actions: Array<{ value: string; label: string }>;
};

/**
 * The audit viewer's filters: who, which kind of record, which operation, a record's number, a date range.
 * The number box takes what the user types at once; the page sends it on after a short pause.
 */
export function AuditFilterBar({
  filters,
  entityIdText,
  choices,
  rangeBad,
  onFilter,
  onEntityIdText,
  onReset,
}: {
  filters: AuditFilters;
  entityIdText: string;
  choices: FilterChoices;
  rangeBad: boolean;
  onFilter: <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) => void;
  onEntityIdText: (text: string) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const filtered = Object.values(filters).some((v) => v) || entityIdText !== '';
  return (
    <Paper withBorder p="sm">
      <SimpleGrid cols={7} spacing="sm" style={{ alignItems: 'end' }}>
        <Select
          label={t('audit.actor')}
          data={choices.actors}
          value={filters.actor}
          onChange={(v) => onFilter('actor', v)}
          clearable
          searchable
          placeholder={t('audit.all')}
        />
        <Select
          label={t('audit.entity')}
          data={choices.entities}
          value={filters.entity}
          onChange={(v) => onFilter('entity', v)}
          clearable
          placeholder={t('audit.all')}
        />
        <Select
          label={t('audit.action')}
          data={choices.actions}
          value={filters.action}
          onChange={(v) => onFilter('action', v)}
          clearable
          searchable
          placeholder={t('audit.all')}
        />
        <TextInput
          label={t('audit.entityId')}
          placeholder={t('audit.entityIdHint')}
          leftSection={<IconSearch size={14} />}
          value={entityIdText}
          onChange={(e) => onEntityIdText(e.currentTarget.value)}
        />
        <DateField
          label={t('audit.from')}
          value={filters.from}
          onChange={(e) => onFilter('from', e.currentTarget.value)}
          error={rangeBad ? t('audit.rangeBad') : undefined}
        />
        <DateField label={t('audit.to')} value={filters.to} onChange={(e) => onFilter('to', e.currentTarget.value)} />
        <Button variant="default" leftSection={<IconFilterOff size={16} />} onClick={onReset} disabled={!filtered}>
          {t('audit.clearFilters')}
        </Button>
      </SimpleGrid>
    </Paper>
  );
}
