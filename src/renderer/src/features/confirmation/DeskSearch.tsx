import { Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantSummary } from '../../../../shared/contract/applicants';
import { useQuery } from '../../lib/query';
import { ConfirmationBadge } from '../applicants/ConfirmationBadge';

const LIMIT = 20;

/** Type-ahead by ID, name, pinyin initials, phone or the last 4+ digits of either; ↑↓ choose, Enter opens. */
export function DeskSearch({ onOpen, autoFocus }: { onOpen: (id: string) => void; autoFocus: boolean }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const typed = query.trim() !== '';
  const search = useQuery('applicants.search', { query, limit: LIMIT }, typed);
  // While the next keystroke's answer is on its way, the previous list stays (no flicker to "not found").
  const last = useRef<ApplicantSummary[]>([]);
  if (search.data) last.current = search.data.results;
  const results = typed ? last.current : [];

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(results.length - 1, i + 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (e.key === 'Enter') {
      const a = results[active];
      if (a) onOpen(a.id);
    } else return;
    e.preventDefault();
  }

  return (
    <Stack gap="xs">
      <TextInput
        id="desk-search"
        ref={input}
        label={t('desk.searchLabel')}
        placeholder={t('desk.searchPlaceholder')}
        description={t('desk.searchHint')}
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKey}
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls="desk-results"
        aria-activedescendant={results[active] ? `result-${results[active].id}` : undefined}
        autoComplete="off"
      />
      <Paper withBorder style={{ maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' }}>
        <Stack gap={0} id="desk-results" role="listbox" aria-label={t('desk.searchLabel')}>
          {typed && search.data && results.length === 0 && (
            <Text size="sm" c="dimmed" p="xs">
              {t('desk.noResults')}
            </Text>
          )}
          {results.map((a, i) => (
            <Group
              key={a.id}
              id={`result-${a.id}`}
              role="option"
              aria-selected={i === active}
              data-testid="desk-result"
              justify="space-between"
              p="xs"
              style={{ cursor: 'pointer', background: i === active ? 'var(--mantine-color-blue-light)' : undefined }}
              onClick={() => onOpen(a.id)}
            >
              <div>
                <Text size="sm" fw={500}>
                  {a.name}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {a.idNumber} · {a.phone}
                </Text>
              </div>
              <ConfirmationBadge status={a.confirmation} />
            </Group>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
