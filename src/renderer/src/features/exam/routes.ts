import { IconCalendarEvent, IconCertificate, IconClipboardCheck, IconFileCertificate, IconListCheck } from '@tabler/icons-react';
import type { AppRoute } from '../../app/routes';
import { CalendarPage } from './CalendarPage';
import { ExamDeskPage } from './ExamDeskPage';
import { ExamPage } from './ExamPage';
import { RegistrationPage } from './RegistrationPage';
import { ResultsPage } from './ResultsPage';

/** This feature's pages, spread into the routes registry. */
export const EXAM_ROUTES: AppRoute[] = [
  {
    path: '/exam',
    group: 'completion',
    labelKey: 'exam.nav.page',
    icon: IconCertificate,
    permission: 'exam.view',
    component: ExamPage,
  },
  {
    path: '/exam/calendar',
    group: 'completion',
    labelKey: 'exam.nav.calendar',
    icon: IconCalendarEvent,
    permission: 'exam.view',
    component: CalendarPage,
  },
  {
    path: '/exam/desk',
    group: 'completion',
    labelKey: 'exam.nav.desk',
    icon: IconClipboardCheck,
    permission: 'exam.review',
    component: ExamDeskPage,
  },
  {
    path: '/exam/tracking',
    group: 'completion',
    labelKey: 'exam.nav.tracking',
    icon: IconListCheck,
    permission: 'exam.view',
    component: RegistrationPage,
  },
  {
    path: '/exam/results',
    group: 'completion',
    labelKey: 'exam.nav.results',
    icon: IconFileCertificate,
    permission: 'exam.view',
    component: ResultsPage,
  },
];
