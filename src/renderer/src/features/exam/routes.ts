import { IconCertificate, IconClipboardCheck } from '@tabler/icons-react';
import type { AppRoute } from '../../app/routes';
import { ExamDeskPage } from './ExamDeskPage';
import { ExamPage } from './ExamPage';

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
    path: '/exam/desk',
    group: 'completion',
    labelKey: 'exam.nav.desk',
    icon: IconClipboardCheck,
    permission: 'exam.review',
    component: ExamDeskPage,
  },
];
