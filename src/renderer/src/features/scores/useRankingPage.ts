import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useKeptData } from '../../components/useKeptData';
import { useQuery } from '../../lib/query';
import { rankingPageInput } from './ranking-query';

/**
 * The 成绩排名 screen's filters, search and each group's page, and the answer they select: the core ranks
 * every group whole and sends only the page of each group that is shown. A new filter or search goes back
 * to every group's first page (the old page numbers point at different rows).
 */
export function useRankingPage() {
  const [specialty, setSpecialty] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [onlyAdmissible, setOnlyAdmissible] = useState(false);
  const [query, setQuery] = useState('');
  const [pages, setPages] = useState<Record<string, number>>({});
  const [search] = useDebouncedValue(query.trim(), 200);
  const list = useQuery('ranking.page', rankingPageInput({ specialty, category, search, onlyAdmissible, pages }));
  const resetting =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPages({});
    };
  return {
    list,
    /** The answer on screen: the latest, kept while the next page or filter loads. */
    data: useKeptData(list.data),
    filters: { specialty, category, onlyAdmissible, query },
    setFilter: {
      specialty: resetting(setSpecialty),
      category: resetting(setCategory),
      onlyAdmissible: resetting(setOnlyAdmissible),
      query: resetting(setQuery),
    },
    setPage: (groupKey: string, page: number) => setPages((p) => ({ ...p, [groupKey]: page })),
    filtered: Boolean(specialty || category || onlyAdmissible || search),
  };
}
