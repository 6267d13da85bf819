import { IconKey, IconSend, IconShieldCheck } from '@tabler/icons-react';
import type { AppRoute } from '../../app/routes';
import { KeysPage } from './KeysPage';
import { OutboxPage } from './OutboxPage';
import { VerifyPage } from './VerifyPage';

export const OUTBOX_ROUTES: AppRoute[] = [
  {
    path: '/outbox',
    group: 'submission',
    labelKey: 'outbox.nav',
    icon: IconSend,
    permission: 'package.build',
    component: OutboxPage,
  },
  {
    path: '/keys',
    group: 'submission',
    labelKey: 'outbox.keysNav',
    icon: IconKey,
    permission: 'keys.manage',
    component: KeysPage,
  },
  {
    path: '/verify',
    group: 'submission',
    labelKey: 'outbox.verifyNav',
    icon: IconShieldCheck,
    permission: 'package.verify',
    component: VerifyPage,
  },
];
