import { useState } from 'react';

/**
 * Page and page size of a filtered list. Every change of a filter, the search or the page size goes back to
 * page 1: the old page number points at different rows (or past the end) once the matches change.
 */
export function usePaging(initialPageSize: number) {
  const [page, setPage] = useState(1);
  const [pageSize, setSize] = useState(initialPageSize);
  const setPageSize = (size: number) => {
    setSize(size);
    setPage(1);
  };
  /** Wraps a filter's setter so that setting it also goes back to page 1. */
  const resetting =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  return { page, pageSize, offset: (page - 1) * pageSize, setPage, setPageSize, resetting };
}
