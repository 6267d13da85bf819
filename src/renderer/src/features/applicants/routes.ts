import { IconChartBar, IconClipboardCheck, IconId } from '@tabler/icons-react';
import { lazyPage } from '../../app/lazyPage';
import { prefetch } from '../../app/prefetch';
import type { AppRoute } from '../../app/routes';

/** This feature's pages, spread into the routes registry. */
export const APPLICANT_ROUTES: AppRoute[] = [
  {
    path: '/applicants',
    group: 'intake',
    labelKey: 'applicants.nav.list',
    icon: IconId,
    permission: 'applicants.view',
    component: lazyPage(() => import('./ApplicantsPage'), 'ApplicantsPage'),
    // The list as it opens (useApplicantList's first page and sort) and the specialties its filter offers.
    prefetch: () => {
      prefetch('applicants.list', { limit: 50, offset: 0, sort: 'name', dir: 'asc' });
      prefetch('catalogue.list', {});
    },
  },
  {
    path: '/desk',
    group: 'intake',
    labelKey: 'applicants.nav.desk',
    icon: IconClipboardCheck,
    permission: 'confirm.decide',
    component: lazyPage(() => import('../confirmation/DeskPage'), 'DeskPage'),
  },
  {
    path: '/confirm-stats',
    group: 'intake',
    labelKey: 'applicants.nav.dashboard',
    icon: IconChartBar,
    permission: 'applicants.view',
    component: lazyPage(() => import('../confirmation/DashboardPage'), 'DashboardPage'),
  },
];
