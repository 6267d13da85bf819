import { IconChartBar, IconClipboardCheck, IconId } from '@tabler/icons-react';
import type { AppRoute } from '../../app/routes';
import { DashboardPage } from '../confirmation/DashboardPage';
import { DeskPage } from '../confirmation/DeskPage';
import { ApplicantsPage } from './ApplicantsPage';

/** This feature's pages, spread into the routes registry. */
export const APPLICANT_ROUTES: AppRoute[] = [
  {
    path: '/applicants',
    group: 'intake',
    labelKey: 'applicants.nav.list',
    icon: IconId,
    permission: 'applicants.view',
    component: ApplicantsPage,
  },
  {
    path: '/desk',
    group: 'intake',
    labelKey: 'applicants.nav.desk',
    icon: IconClipboardCheck,
    permission: 'confirm.decide',
    component: DeskPage,
  },
  {
    path: '/confirm-stats',
    group: 'intake',
    labelKey: 'applicants.nav.dashboard',
    icon: IconChartBar,
    permission: 'applicants.view',
    component: DashboardPage,
  },
];
