import { IconMicrophone, IconReportAnalytics, IconTrophy } from '@tabler/icons-react';
import type { AppRoute } from '../../app/routes';
import { InterviewPage } from './InterviewPage';
import { RankingPage } from './RankingPage';
import { ScoresPage } from './ScoresPage';

/** This feature's pages, spread into the routes registry. */
export const SCORE_ROUTES: AppRoute[] = [
  {
    path: '/scores',
    group: 'exams',
    labelKey: 'scores.nav.setup',
    icon: IconReportAnalytics,
    permission: 'scores.import',
    component: ScoresPage,
  },
  {
    path: '/interview',
    group: 'exams',
    labelKey: 'scores.nav.interview',
    icon: IconMicrophone,
    permission: 'scores.enter',
    component: InterviewPage,
  },
  {
    path: '/ranking',
    group: 'exams',
    labelKey: 'scores.nav.ranking',
    icon: IconTrophy,
    permission: 'ranking.view',
    component: RankingPage,
  },
];
