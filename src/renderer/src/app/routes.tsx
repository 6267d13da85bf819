import { IconBuildingHospital, IconHistory, IconHome, IconListNumbers, IconUsers, type Icon } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { can, type Permission, type Role } from '../../../shared/permissions';
import { ADMISSION_ROUTES } from '../features/admission/routes';
import { APPLICANT_ROUTES } from '../features/applicants/routes';
import { AuditPage } from '../features/audit/AuditPage';
import { BaseSettingsPage } from '../features/base/BaseSettingsPage';
import { HomePage } from '../features/home/HomePage';
import { OUTBOX_ROUTES } from '../features/outbox/routes';
import { PlanPage } from '../features/plan/PlanPage';
import { SCORE_ROUTES } from '../features/scores/routes';
import { UsersPage } from '../features/users/UsersPage';

export type AppRoute = {
  path: string;
  /** i18n key of the navigation label and page title. */
  labelKey: string;
  icon: Icon;
  /** null: every signed-in user. The core checks again on every call; this only hides what a role cannot use. */
  permission: Permission | null;
  component: ComponentType;
};

export const ROUTES: readonly AppRoute[] = [
  { path: '/', labelKey: 'nav.home', icon: IconHome, permission: null, component: HomePage },
  { path: '/plan', labelKey: 'nav.plan', icon: IconListNumbers, permission: 'plan.view', component: PlanPage },
  ...APPLICANT_ROUTES,
  ...SCORE_ROUTES,
  ...ADMISSION_ROUTES,
  ...OUTBOX_ROUTES,
  { path: '/base', labelKey: 'nav.base', icon: IconBuildingHospital, permission: 'base.view', component: BaseSettingsPage },
  { path: '/users', labelKey: 'nav.users', icon: IconUsers, permission: 'users.view', component: UsersPage },
  { path: '/audit', labelKey: 'nav.audit', icon: IconHistory, permission: 'audit.view', component: AuditPage },
];

export function routesFor(role: Role): AppRoute[] {
  return ROUTES.filter((r) => r.permission === null || can(role, r.permission));
}
