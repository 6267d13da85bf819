import { IconClockShield } from '@tabler/icons-react';
import type { AppRoute } from '../../app/routes';
import { RetentionPage } from './RetentionPage';

export const RETENTION_ROUTES: AppRoute[] = [
  {
    path: '/retention',
    group: 'system',
    labelKey: 'retention.nav',
    icon: IconClockShield,
    permission: 'retention.view',
    component: RetentionPage,
  },
];
