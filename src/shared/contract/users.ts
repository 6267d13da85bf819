import { z } from 'zod';
import { USERNAME_PATTERN } from '../account-rules';
import { ROLES, type Role } from '../permissions';
import { op, perm } from './define';

export type UserView = { id: string; username: string; displayName: string; role: Role; disabled: boolean };

export const usernameSchema = z.string().trim().regex(USERNAME_PATTERN, '用户名为 2-32 位字母、数字、汉字或 _ . -');

export const usersOps = {
  'users.list': op<UserView[]>()({ input: z.strictObject({}), access: perm('users.view'), summary: '用户列表' }),
  'users.add': op<UserView>()({
    input: z.strictObject({
      username: usernameSchema,
      displayName: z.string().trim().min(1).max(50),
      role: z.enum(ROLES),
      password: z.string(),
    }),
    access: perm('users.manage'),
    summary: '新增用户',
  }),
  'users.update': op<UserView>()({
    input: z.strictObject({
      id: z.string(),
      displayName: z.string().trim().min(1).max(50).optional(),
      role: z.enum(ROLES).optional(),
      disabled: z.boolean().optional(),
      /** Why; required when the role changes (kept in the audit event). */
      reason: z.string().trim().max(500).optional(),
    }),
    access: perm('users.manage'),
    summary: '修改用户（姓名、角色、停用）',
  }),
  'users.resetPassword': op<null>()({
    input: z.strictObject({ id: z.string(), password: z.string() }),
    access: perm('users.manage'),
    summary: '重置用户密码',
  }),
};
