import type { OpInput } from '../../../../shared/contract';
import { prefetch } from '../../app/prefetch';

/** What 成绩排名 selects: filters, the search (debounced and trimmed) and each group's page. */
export type RankingSelection = {
  specialty: string | null;
  category: string | null;
  search: string;
  onlyAdmissible: boolean;
  pages: Record<string, number>;
};

export function rankingPageInput(s: RankingSelection): OpInput<'ranking.page'> {
  return {
    ...(s.specialty ? { specialty: s.specialty } : {}),
    ...(s.category ? { category: s.category } : {}),
    ...(s.search ? { query: s.search } : {}),
    onlyAdmissible: s.onlyAdmissible,
    pages: s.pages,
  };
}

/** 成绩排名 as it opens: everyone, every group on its first page. */
const FIRST_RANKING: RankingSelection = { specialty: null, category: null, search: '', onlyAdmissible: false, pages: {} };

/** The calls 成绩排名 makes on its first render, started at the click on its link. */
export function prefetchRankingPage(): void {
  prefetch('scores.components', {});
  prefetch('ranking.page', rankingPageInput(FIRST_RANKING));
}
