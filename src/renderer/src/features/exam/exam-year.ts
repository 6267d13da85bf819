import { create } from 'zustand';
import { useQuery } from '../../lib/query';

/** The exam year chosen on either page, so the desk opens on the year the list showed. */
const useChosenYear = create<{ year: number | null; set: (year: number) => void }>()((set) => ({
  year: null,
  set: (year) => set({ year }),
}));

/**
 * The year being worked on (default: the latest year with candidates, else the current one) and the years offered: those with candidates and the
 * few around today, since a year's candidates are proposed before it has any.
 */
export function useExamYear(): { year: number | null; years: number[]; setYear: (year: number) => void } {
  const known = useQuery('exam.years', {});
  const chosen = useChosenYear((s) => s.year);
  const setYear = useChosenYear((s) => s.set);
  const current = known.data?.current ?? null;
  const around = current === null ? [] : [current + 1, current, current - 1, current - 2, current - 3];
  const years = [...new Set([...(known.data?.years ?? []), ...around])].sort((a, b) => b - a);
  const latest = known.data?.years.length ? Math.max(...known.data.years) : null;
  return { year: chosen ?? latest ?? current, years, setYear };
}
