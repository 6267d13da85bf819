import { IconMicrophone, IconReportAnalytics, IconTrophy } from '@tabler/icons-react';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/routes';
import { prefetchRankingPage } from './ranking-query';
import { prefetchScoresPage } from './results-query';

/** This feature's pages, spread into the routes registry. */
export const SCORE_ROUTES: AppRoute[] = [
  {
    path: '/scores',
    group: 'exams',
    labelKey: 'scores.nav.setup',
    icon: IconReportAnalytics,
    permission: 'scores.import',
    component: lazyPage(() => import('./ScoresPage'), 'ScoresPage'),
    prefetch: prefetchScoresPage,
  },
  {
    path: '/interview',
    group: 'exams',
    labelKey: 'scores.nav.interview',
    icon: IconMicrophone,
    permission: 'scores.enter',
    component: lazyPage(() => import('./InterviewPage'), 'InterviewPage'),
  },
  {
    path: '/ranking',
    group: 'exams',
    labelKey: 'scores.nav.ranking',
    icon: IconTrophy,
    permission: 'ranking.view',
    component: lazyPage(() => import('./RankingPage'), 'RankingPage'),
    prefetch: prefetchRankingPage,
  },
];
