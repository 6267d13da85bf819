import { IconUsersGroup } from '@tabler/icons-react';
import type { AppRoute } from '../../app/routes';
import { TraineesPage } from './TraineesPage';

/** This feature's pages, spread into the routes registry. */
export const TRAINEE_ROUTES: AppRoute[] = [
  {
    path: '/trainees',
    group: 'training',
    labelKey: 'trainees.nav',
    icon: IconUsersGroup,
    permission: 'trainees.view',
    component: TraineesPage,
  },
];
