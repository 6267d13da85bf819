import { IconSchool } from '@tabler/icons-react';
import type { AppRoute } from '../../app/routes';
import { AdmissionPage } from './AdmissionPage';

export const ADMISSION_ROUTES: AppRoute[] = [
  {
    path: '/admission',
    group: 'exams',
    labelKey: 'admission.nav',
    icon: IconSchool,
    permission: 'admission.view',
    component: AdmissionPage,
  },
];
