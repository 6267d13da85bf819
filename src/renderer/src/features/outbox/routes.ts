import { IconKey, IconSend, IconShieldCheck } from '@tabler/icons-react';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/routes';

export const OUTBOX_ROUTES: AppRoute[] = [
  {
    path: '/outbox',
    group: 'submission',
    labelKey: 'outbox.nav',
    icon: IconSend,
    permission: 'package.build',
    component: lazyPage(() => import('./OutboxPage'), 'OutboxPage'),
  },
  {
    path: '/keys',
    group: 'submission',
    labelKey: 'outbox.keysNav',
    icon: IconKey,
    permission: 'keys.manage',
    component: lazyPage(() => import('./KeysPage'), 'KeysPage'),
  },
  {
    path: '/verify',
    group: 'submission',
    labelKey: 'outbox.verifyNav',
    icon: IconShieldCheck,
    permission: 'package.verify',
    component: lazyPage(() => import('./VerifyPage'), 'VerifyPage'),
  },
];
