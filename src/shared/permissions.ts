/**
 * Roles and the permission table. The core checks these on every call; the renderer only uses them to
 * hide what a role cannot do. Each feature adds its permissions here (one line each).
 */
export const ROLES = ['admin', 'clerk', 'interviewer', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  clerk: '教秘',
  interviewer: '面试官',
  coordinator: '住培办',
};

const ALL: readonly Role[] = ROLES;

export const PERMISSIONS = {
  'base.view': ALL,
  'base.edit': ['admin', 'coordinator'],
  'catalogue.edit': ['admin', 'coordinator'],
  'plan.view': ALL,
  'plan.edit': ['admin', 'coordinator'],
  'users.view': ['admin'],
  'users.manage': ['admin'],
  'audit.view': ['admin', 'coordinator'],
  'audit.verify': ['admin', 'coordinator'],
  'db.check': ['admin'],
  'admission.view': ['admin', 'coordinator'],
  'admission.run': ['admin', 'coordinator'],
  'admission.publish': ['admin', 'coordinator'],
  'admission.reveal': ['admin', 'coordinator'],
  'scores.view': ['admin', 'coordinator'],
  'scores.import': ['admin', 'coordinator'],
  'scores.enter': ['interviewer', 'coordinator', 'admin'],
  'scores.signoff': ['interviewer', 'coordinator', 'admin'],
  'ranking.view': ['admin', 'coordinator'],
  'ranking.reorder': ['admin', 'coordinator'],
  'stations.manage': ['admin', 'coordinator'],
  'applicants.view': ['admin', 'clerk', 'coordinator'],
  'applicants.import': ['admin', 'clerk', 'coordinator'],
  'applicants.reveal': ['admin', 'coordinator'],
  'applicants.add': ['admin', 'clerk', 'coordinator'],
  'applicants.correctContact': ['admin', 'clerk', 'coordinator'],
  'applicants.recordAssigned': ['coordinator'],
  'confirm.decide': ['admin', 'clerk', 'coordinator'],
  'confirm.reopen': ['admin', 'clerk', 'coordinator'],
  'package.build': ['admin', 'coordinator'],
  'package.verify': ['admin', 'coordinator'],
  'outbox.push': ['admin', 'coordinator'],
  'keys.manage': ['admin', 'coordinator'],
  'trainees.view': ['admin', 'clerk', 'coordinator'],
  'trainees.manage': ['admin', 'coordinator'],
  'trainees.reveal': ['admin', 'coordinator'],
  'rotation.view': ['admin', 'clerk', 'coordinator'],
  'rotation.manage': ['admin', 'coordinator'],
  'windows.view': ALL,
  'windows.edit': ['admin', 'coordinator'],
  'exam.view': ['admin', 'clerk', 'coordinator'],
  'exam.review': ['admin', 'clerk', 'coordinator'],
  'exam.manage': ['admin', 'coordinator'],
  'exam.reveal': ['admin', 'coordinator'],
  'retention.view': ['admin', 'coordinator'],
  'retention.edit': ['admin', 'coordinator'],
  'retention.purge': ['admin', 'coordinator'],
  'reduction.view': ['admin', 'clerk', 'coordinator'],
  'reduction.manage': ['admin', 'coordinator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}
