import { IconCalendarMinus } from '@tabler/icons-react';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/routes';

/** 年限减免 sits with admission: it is decided during 招录 and handed on to the rotation plan. */
export const REDUCTION_ROUTES: AppRoute[] = [
  {
    path: '/reduction',
    group: 'exams',
    labelKey: 'reduction.nav',
    icon: IconCalendarMinus,
    permission: 'reduction.view',
    component: lazyPage(() => import('./ReductionPage'), 'ReductionPage'),
  },
];
