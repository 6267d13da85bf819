import { IconUsersGroup } from '@tabler/icons-react';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/routes';

/** This feature's pages, spread into the routes registry. */
export const TRAINEE_ROUTES: AppRoute[] = [
  {
    path: '/trainees',
    group: 'training',
    labelKey: 'trainees.nav',
    icon: IconUsersGroup,
    permission: 'trainees.view',
    component: lazyPage(() => import('./TraineesPage'), 'TraineesPage'),
  },
];
