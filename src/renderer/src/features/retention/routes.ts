import { IconClockShield } from '@tabler/icons-react';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/routes';

export const RETENTION_ROUTES: AppRoute[] = [
  {
    path: '/retention',
    group: 'system',
    labelKey: 'retention.nav',
    icon: IconClockShield,
    permission: 'retention.view',
    component: lazyPage(() => import('./RetentionPage'), 'RetentionPage'),
  },
];
