import { IconCalendarEvent, IconCertificate, IconClipboardCheck, IconFileCertificate, IconListCheck } from '@tabler/icons-react';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute } from '../../app/routes';

/** This feature's pages, spread into the routes registry. */
export const EXAM_ROUTES: AppRoute[] = [
  {
    path: '/exam',
    group: 'completion',
    labelKey: 'exam.nav.page',
    icon: IconCertificate,
    permission: 'exam.view',
    component: lazyPage(() => import('./ExamPage'), 'ExamPage'),
  },
  {
    path: '/exam/calendar',
    group: 'completion',
    labelKey: 'exam.nav.calendar',
    icon: IconCalendarEvent,
    permission: 'exam.view',
    component: lazyPage(() => import('./CalendarPage'), 'CalendarPage'),
  },
  {
    path: '/exam/desk',
    group: 'completion',
    labelKey: 'exam.nav.desk',
    icon: IconClipboardCheck,
    permission: 'exam.review',
    component: lazyPage(() => import('./ExamDeskPage'), 'ExamDeskPage'),
  },
  {
    path: '/exam/tracking',
    group: 'completion',
    labelKey: 'exam.nav.tracking',
    icon: IconListCheck,
    permission: 'exam.view',
    component: lazyPage(() => import('./RegistrationPage'), 'RegistrationPage'),
  },
  {
    path: '/exam/results',
    group: 'completion',
    labelKey: 'exam.nav.results',
    icon: IconFileCertificate,
    permission: 'exam.view',
    component: lazyPage(() => import('./ResultsPage'), 'ResultsPage'),
  },
];
