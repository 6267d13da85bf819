import type { OpInput } from '../../../../shared/contract';
import { prefetch } from '../../app/prefetch';
import type { SortState } from '../../components/SortableTh';

export const RESULT_STATUSES = ['complete', 'incomplete', 'absent'] as const;
export const RESULT_CONFIRMATIONS = ['confirmed', 'pending', 'returned', 'rejected'] as const;

export type ResultFilters = {
  specialty: string | null;
  status: (typeof RESULT_STATUSES)[number] | null;
  confirmation: (typeof RESULT_CONFIRMATIONS)[number] | null;
};

/** What 考核成绩's table shows: the search (already debounced and trimmed), filters, sort and page. */
export type ResultsView = { query: string; filters: ResultFilters; sort: SortState; page: number; pageSize: number };

export const FIRST_RESULTS_VIEW: ResultsView = {
  query: '',
  filters: { specialty: null, status: null, confirmation: null },
  sort: { sort: 'idNumber', dir: 'asc' },
  page: 1,
  pageSize: 50,
};

/** The rows the view selects, in its order: what the export writes and the page shows a slice of. */
export function resultsSelection(v: Omit<ResultsView, 'page' | 'pageSize'>): OpInput<'scores.export'> {
  return {
    sort: v.sort.sort,
    dir: v.sort.dir,
    ...(v.query ? { query: v.query } : {}),
    ...(v.filters.specialty ? { specialty: v.filters.specialty } : {}),
    ...(v.filters.status ? { status: v.filters.status } : {}),
    ...(v.filters.confirmation ? { confirmation: v.filters.confirmation } : {}),
  };
}

export function resultsPageInput(v: ResultsView): OpInput<'scores.page'> {
  return { ...resultsSelection(v), limit: v.pageSize, offset: (v.page - 1) * v.pageSize };
}

/**
 * The calls 考核成绩 makes on its first render, started at the click on its link: the components (the table's
 * columns) and the first page first, since the table waits for both; the specialty list for the filter after.
 */
export function prefetchScoresPage(): void {
  prefetch('scores.components', {});
  prefetch('scores.page', resultsPageInput(FIRST_RESULTS_VIEW));
  prefetch('catalogue.list', {});
}
