import { Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/errors';
import { Pager } from './Pager';
import { EmptyState, ErrorState, LoadingState } from './states';

export type PagedListPaging = {
  total: number;
  /** 1-based */
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize?: (size: number) => void;
};

/**
 * A searchable, filtered list page: title with the count of matches, actions, a filter row, one table of the
 * current page and the pager. The loading, error and empty states are the same on every such page; "empty"
 * shows only when nothing filters the list; a search or filter that matches nobody says so (a blank page would
 * read as "still loading" or "the list is gone"), not the hint.
 */
export function PagedList({
  title,
  testId,
  totalText,
  actions,
  filters,
  error,
  onRetry,
  loaded,
  empty,
  head,
  rows,
  paging,
  children,
}: {
  title: string;
  /** Prefix of the test ids: `<testId>-total`, `<testId>-pager`. */
  testId: string;
  /** "共 N 人" under the title, once the first answer is in. */
  totalText: string | null;
  actions?: ReactNode;
  filters: ReactNode;
  error: ApiError | null;
  onRetry: () => void;
  /** An answer is on screen (the current one or the one kept while the next loads). */
  loaded: boolean;
  /** Shown instead of the table when the unfiltered list has nobody in it; null otherwise. */
  empty: { title: string; description: string } | null;
  head: ReactNode;
  /** The current page's rows; null when the page has none. */
  rows: ReactNode | null;
  /** null: no pager (everything fits on one page). */
  paging: PagedListPaging | null;
  /** Dialogs and drawers the page opens. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{title}</Title>
          {totalText !== null && (
            <Text c="dimmed" data-testid={`${testId}-total`}>
              {totalText}
            </Text>
          )}
        </div>
        {actions}
      </Group>
      <Group align="flex-end">{filters}</Group>
      {error && <ErrorState error={error} onRetry={onRetry} />}
      {!loaded && !error && <LoadingState />}
      {empty && <EmptyState title={empty.title} description={empty.description} />}
      {loaded && !error && !empty && rows === null && (
        <Text c="dimmed" data-testid={`${testId}-no-match`}>
          {t('lists.noMatch')}
        </Text>
      )}
      {rows !== null && (
        <Paper withBorder>
          <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto">
            <Table striped highlightOnHover stickyHeader verticalSpacing={6} aria-label={title}>
              <Table.Thead>
                <Table.Tr>{head}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>{rows}</Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      )}
      {paging && paging.total > 0 && <Pager {...paging} testId={`${testId}-pager`} />}
      {children}
    </Stack>
  );
}
