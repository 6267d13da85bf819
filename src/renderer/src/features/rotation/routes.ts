import { IconBuildingCommunity, IconCalendarStats } from '@tabler/icons-react';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/routes';
import { prefetchPlanPage } from './plan-prefetch';

/** This feature's pages, spread into the routes registry. */
export const ROTATION_ROUTES: AppRoute[] = [
  {
    path: '/rotation/setup',
    group: 'training',
    labelKey: 'rotation.nav.setup',
    icon: IconBuildingCommunity,
    permission: 'rotation.view',
    component: lazyPage(() => import('./SetupPage'), 'SetupPage'),
  },
  {
    path: '/rotation/plan',
    group: 'training',
    labelKey: 'rotation.nav.plan',
    icon: IconCalendarStats,
    permission: 'rotation.view',
    component: lazyPage(() => import('./PlanPage'), 'PlanPage'),
    prefetch: prefetchPlanPage,
  },
];
