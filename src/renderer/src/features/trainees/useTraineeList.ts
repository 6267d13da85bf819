import { useState } from 'react';
import type { TraineeProgram, TraineeStatus } from '../../../../shared/contract/trainees';
import { usePaging } from '../../components/usePaging';
import { useQuery } from '../../lib/query';

export const TRAINEE_PAGE_SIZE = 100;

export type TraineeFilterState = {
  query: string;
  cohort: string | null;
  program: string | null;
  status: string | null;
};

/** The trainee list's search, filters and page, and the page of trainees they select. */
export function useTraineeList() {
  const paging = usePaging(TRAINEE_PAGE_SIZE);
  const [query, setQuery] = useState('');
  const [cohort, setCohort] = useState<string | null>(null);
  const [program, setProgram] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const search = query.trim();
  const list = useQuery('trainees.list', {
    limit: paging.pageSize,
    offset: paging.offset,
    ...(search ? { query: search } : {}),
    ...(cohort ? { cohortYear: Number(cohort) } : {}),
    ...(program ? { program: program as TraineeProgram } : {}),
    ...(status ? { status: status as TraineeStatus } : {}),
  });
  return {
    list,
    paging,
    filters: { query, cohort, program, status } satisfies TraineeFilterState,
    setFilter: {
      query: paging.resetting(setQuery),
      cohort: paging.resetting(setCohort),
      program: paging.resetting(setProgram),
      status: paging.resetting(setStatus),
    },
    filtered: Boolean(search || cohort || program || status),
  };
}
