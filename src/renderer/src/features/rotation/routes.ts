import { IconBuildingCommunity, IconCalendarStats } from '@tabler/icons-react';
import type { AppRoute } from '../../app/routes';
import { PlanPage } from './PlanPage';
import { SetupPage } from './SetupPage';

/** This feature's pages, spread into the routes registry. */
export const ROTATION_ROUTES: AppRoute[] = [
  {
    path: '/rotation/setup',
    group: 'training',
    labelKey: 'rotation.nav.setup',
    icon: IconBuildingCommunity,
    permission: 'rotation.view',
    component: SetupPage,
  },
  {
    path: '/rotation/plan',
    group: 'training',
    labelKey: 'rotation.nav.plan',
    icon: IconCalendarStats,
    permission: 'rotation.view',
    component: PlanPage,
  },
];
