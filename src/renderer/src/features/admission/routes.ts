import { IconSchool } from '@tabler/icons-react';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/routes';

export const ADMISSION_ROUTES: AppRoute[] = [
  {
    path: '/admission',
    group: 'exams',
    labelKey: 'admission.nav',
    icon: IconSchool,
    permission: 'admission.view',
    component: lazyPage(() => import('./AdmissionPage'), 'AdmissionPage'),
  },
];
