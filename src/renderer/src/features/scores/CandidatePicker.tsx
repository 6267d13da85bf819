import { Box, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultPageRow } from '../../../../shared/contract/scores';
import { useQuery } from '../../lib/query';
import { useWindowedRows } from '../../lib/useWindowedRows';
import { ErrorState, LoadingState } from '../../components/states';

const ROW_H = 34;
const VIEWPORT_H = 204;
/** A session holds at most this many candidates (the contract's limit). */
const MAX_LISTED = 5000;

/**
 * Who sits this interview: the confirmed applicants of one specialty (first choice), found by name, pinyin
 * initials or ID digits. Nothing is ticked until the user ticks it; 全选 ticks exactly the listed people and
 * says how many. Only the visible rows are rendered, so a specialty of thousands stays quick.
 */
export function CandidatePicker({
  enabled,
  specialty,
  onSpecialty,
  selected,
  onSelected,
}: {
  enabled: boolean;
  specialty: string | null;
  onSpecialty: (code: string | null) => void;
  selected: ReadonlySet<string>;
  onSelected: (next: Set<string>) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const catalogue = useQuery('catalogue.list', {}, enabled);
  const base = { specialty: specialty ?? '', confirmation: 'confirmed' as const, sort: 'idNumber' };
  const on = enabled && specialty !== null;
  const listedQ = useQuery('scores.page', { ...base, limit: MAX_LISTED, ...(debounced ? { query: debounced } : {}) }, on);
  // Without a search the listed people are all of them: their count needs no second call, which would cost
  // the server a second pass over every result while the list is opening.
  const allQ = useQuery('scores.page', { ...base, limit: 1 }, on && debounced !== '');
  const listed = listedQ.data;
  const rows = specialty === null ? [] : (listed?.rows ?? []);
  const listedIds = new Set(rows.map((r) => r.applicantId));
  const hidden = [...selected].filter((id) => !listedIds.has(id)).length;
  const specialties = (catalogue.data ?? []).filter((s) => s.active).map((s) => ({ value: s.code, label: s.name }));

  return (
    <Stack gap="xs">
      <Select
        label={t('lists.picker.specialty')}
        placeholder={t('lists.picker.specialtyPlaceholder')}
        description={t('lists.picker.hint')}
        data={specialties}
        value={specialty}
        onChange={(v) => {
          setQuery('');
          onSpecialty(v);
        }}
        searchable
        required
      />
      {specialty === null ? (
        <Text size="sm" c="dimmed">
          {t('lists.picker.chooseFirst')}
        </Text>
      ) : (
        <>
          <Group align="flex-end" justify="space-between">
            <TextInput
              label={t('lists.picker.search')}
              placeholder={t('lists.picker.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              w={300}
            />
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                disabled={rows.length === 0}
                onClick={() => onSelected(new Set([...selected, ...listedIds]))}
              >
                {t('lists.picker.selectAll', { n: rows.length })}
              </Button>
              <Button size="xs" variant="default" disabled={selected.size === 0} onClick={() => onSelected(new Set())}>
                {t('lists.picker.clear')}
              </Button>
            </Group>
          </Group>
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed" data-testid="picker-listed">
              {listed
                ? t('lists.picker.listed', { shown: listed.total, all: (debounced ? allQ.data?.total : null) ?? listed.total })
                : ''}
            </Text>
            <SelectedCount selected={selected.size} hidden={hidden} />
          </Group>
          {listedQ.error && <ErrorState error={listedQ.error} onRetry={listedQ.refresh} />}
          {!listed && !listedQ.error && <LoadingState />}
          {listed && rows.length === 0 && <Text size="sm">{debounced ? t('lists.picker.noMatch') : t('lists.picker.none')}</Text>}
          {rows.length > 0 && <WindowedChecklist rows={rows} selected={selected} onSelected={onSelected} />}
        </>
      )}
    </Stack>
  );
}

function SelectedCount({ selected, hidden }: { selected: number; hidden: number }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" fw={500} data-testid="picker-selected" aria-live="polite">
      {t('lists.picker.selected', { n: selected })}
      {hidden > 0 && t('lists.picker.hiddenSelected', { n: hidden })}
    </Text>
  );
}

function WindowedChecklist({
  rows,
  selected,
  onSelected,
}: {
  rows: ResultPageRow[];
  selected: ReadonlySet<string>;
  onSelected: (next: Set<string>) => void;
}) {
  const { t } = useTranslation();
  const w = useWindowedRows(rows.length, ROW_H, VIEWPORT_H);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelected(next);
  };
  return (
    <Box
      h={VIEWPORT_H}
      style={{ overflowY: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
      onScroll={w.onScroll}
      role="list"
      aria-label={t('lists.picker.listLabel')}
      data-testid="picker-list"
    >
      <div style={{ height: w.totalHeight, position: 'relative' }}>
        {rows.slice(w.first, w.last).map((r, k) => (
          <div
            key={r.applicantId}
            role="listitem"
            aria-setsize={rows.length}
            aria-posinset={w.first + k + 1}
            style={{
              position: 'absolute',
              top: (w.first + k) * ROW_H,
              height: ROW_H,
              left: 8,
              right: 8,
              display: 'flex',
              alignItems: 'center',
            }}
          >
            <Checkbox
              data-testid="picker-candidate"
              label={
                <>
                  {r.name}{' '}
                  <Text span ml="sm" c="dimmed" ff="monospace" size="sm">
                    {r.idMasked}
                  </Text>
                </>
              }
              checked={selected.has(r.applicantId)}
              onChange={(e) => toggle(r.applicantId, e.currentTarget.checked)}
            />
          </div>
        ))}
      </div>
    </Box>
  );
}
