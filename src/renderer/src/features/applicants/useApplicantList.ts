import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { ApplicantListSort, ConfirmationStatus } from '../../../../shared/contract/applicants';
import type { SortState } from '../../components/SortableTh';
import { useKeptData } from '../../components/useKeptData';
import { usePaging } from '../../components/usePaging';
import { useQuery } from '../../lib/query';

export type ApplicantFilterState = {
  query: string;
  status: string | null;
  specialty: string | null;
};

/** The applicant list's filters, sort and page, and the page of applicants they select. */
export function useApplicantList() {
  const paging = usePaging(50);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [specialty, setSpecialty] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState<ApplicantListSort>>({ sort: 'name', dir: 'asc' });
  // Typing searches after a short pause, not on every key.
  const [debounced] = useDebouncedValue(query.trim(), 200);
  /** The same selection the export writes: filters and sort, without the page. */
  const selection = {
    sort: sort.sort,
    dir: sort.dir,
    ...(status ? { status: status as ConfirmationStatus } : {}),
    ...(specialty ? { specialty } : {}),
    ...(debounced ? { query: debounced } : {}),
  };
  const list = useQuery('applicants.list', { limit: paging.pageSize, offset: paging.offset, ...selection });
  const data = useKeptData(list.data);
  return {
    list,
    data,
    paging,
    selection,
    filters: { query, status, specialty } satisfies ApplicantFilterState,
    setFilter: {
      query: paging.resetting(setQuery),
      status: paging.resetting(setStatus),
      specialty: paging.resetting(setSpecialty),
    },
    filtered: Boolean(status || specialty || query),
    sort,
    setSort: paging.resetting(setSort),
  };
}
