import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SortState<K extends string = string> = { sort: K; dir: 'asc' | 'desc' };

/** The next sort after a click on column `key`: a new column starts ascending, the same one flips. */
export function nextSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  return current.sort === key ? { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { sort: key, dir: 'asc' };
}

/** A column header that sorts on click (or Enter/Space), announcing its direction through aria-sort. */
export function SortableTh<K extends string>({
  label,
  sortKey,
  state,
  onSort,
  w,
}: {
  label: ReactNode;
  sortKey: K;
  state: SortState<K>;
  onSort: (next: SortState<K>) => void;
  w?: number;
}) {
  const { t } = useTranslation();
  const active = state.sort === sortKey;
  const Icon = !active ? IconArrowsSort : state.dir === 'asc' ? IconSortAscending : IconSortDescending;
  return (
    <Table.Th aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none'} w={w}>
      <UnstyledButton
        onClick={() => onSort(nextSort(state, sortKey))}
        title={t('lists.sort.hint')}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 'inherit', fontSize: 'inherit' }}
      >
        {label}
        <Icon size={14} opacity={active ? 1 : 0.4} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}
