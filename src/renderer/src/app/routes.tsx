import { IconBuildingHospital, IconHistory, IconHome, IconListNumbers, IconUsers, type Icon } from '@tabler/icons-react';
import { can, type Permission, type Role } from '../../../shared/permissions';
import { ADMISSION_ROUTES } from '../features/admission/routes';
import { APPLICANT_ROUTES } from '../features/applicants/routes';
import { EXAM_ROUTES } from '../features/exam/routes';
import { OUTBOX_ROUTES } from '../features/outbox/routes';
import { REDUCTION_ROUTES } from '../features/reduction/routes';
import { RETENTION_ROUTES } from '../features/retention/routes';
import { ROTATION_ROUTES } from '../features/rotation/routes';
import { SCORE_ROUTES } from '../features/scores/routes';
import { TRAINEE_ROUTES } from '../features/trainees/routes';
import { lazyPage, type LazyPage } from './lazyPage';

/** The phases of the base's year, in the order they come; the navigation groups pages by them. */
export const NAV_GROUPS = ['intake', 'exams', 'training', 'completion', 'submission', 'system'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export type AppRoute = {
  path: string;
  /** null: above the groups (首页). */
  group: NavGroup | null;
  /** i18n key of the navigation label and page title. */
  labelKey: string;
  icon: Icon;
  /** null: every signed-in user. The core checks again on every call; this only hides what a role cannot use. */
  permission: Permission | null;
  /** Loaded from its own chunk on first show (or earlier, when its link is pointed at). */
  component: LazyPage;
  /** Starts the page's first data calls at the click, while its chunk loads (see prefetch.ts). */
  prefetch?: () => void;
};

export const ROUTES: readonly AppRoute[] = [
  {
    path: '/',
    group: null,
    labelKey: 'nav.home',
    icon: IconHome,
    permission: null,
    component: lazyPage(() => import('../features/home/HomePage'), 'HomePage'),
  },
  {
    path: '/plan',
    group: 'intake',
    labelKey: 'nav.plan',
    icon: IconListNumbers,
    permission: 'plan.view',
    component: lazyPage(() => import('../features/plan/PlanPage'), 'PlanPage'),
  },
  ...APPLICANT_ROUTES,
  ...SCORE_ROUTES,
  ...ADMISSION_ROUTES,
  ...REDUCTION_ROUTES,
  ...TRAINEE_ROUTES,
  ...ROTATION_ROUTES,
  ...EXAM_ROUTES,
  ...OUTBOX_ROUTES,
  {
    path: '/base',
    group: 'system',
    labelKey: 'nav.base',
    icon: IconBuildingHospital,
    permission: 'base.view',
    component: lazyPage(() => import('../features/base/BaseSettingsPage'), 'BaseSettingsPage'),
  },
  {
    path: '/users',
    group: 'system',
    labelKey: 'nav.users',
    icon: IconUsers,
    permission: 'users.view',
    component: lazyPage(() => import('../features/users/UsersPage'), 'UsersPage'),
  },
  {
    path: '/audit',
    group: 'system',
    labelKey: 'nav.audit',
    icon: IconHistory,
    permission: 'audit.view',
    component: lazyPage(() => import('../features/audit/AuditPage'), 'AuditPage'),
  },
  ...RETENTION_ROUTES,
];

export function routesFor(role: Role): AppRoute[] {
  return ROUTES.filter((r) => r.permission === null || can(role, r.permission));
}

/** The role's pages by group, groups in the year's order; a group with no page for the role is left out. */
export function navFor(role: Role): Array<{ group: NavGroup; routes: AppRoute[] }> {
  const allowed = routesFor(role);
  return NAV_GROUPS.map((group) => ({ group, routes: allowed.filter((r) => r.group === group) })).filter(
    (g) => g.routes.length > 0,
  );
}
