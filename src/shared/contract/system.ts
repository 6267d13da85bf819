import { z } from 'zod';
import { USERNAME_PATTERN } from '../account-rules';
import type { Preset } from '../preset';
import { ProgramSchema } from '../preset';
import { ROLES, type Role } from '../permissions';
import { AUTHENTICATED, PUBLIC, op, perm } from './define';

export type UserView = { id: string; username: string; displayName: string; role: Role; disabled: boolean };

export type BaseView = {
  name: string;
  code: string;
  province: string;
  programs: Array<'residency' | 'agp'>;
  cohortYear: number;
  presetId: string;
};

export type SystemStatus = {
  initialized: boolean;
  appVersion: string;
  schemaVersion: number;
  stationId: string;
  dataDir: string;
  base: BaseView | null;
  user: UserView | null;
  locked: boolean;
  /** How far the hybrid logical clock runs ahead of this laptop's wall clock (ms); shown when large. */
  clockSkewMs: number;
};

const username = z.string().trim().regex(USERNAME_PATTERN, '用户名为 2-32 位字母、数字、汉字或 _ . -');

export const systemOps = {
  'system.status': op<SystemStatus>()({ input: z.object({}), access: PUBLIC, summary: '应用状态与当前用户' }),
  'system.presets': op<Preset[]>()({ input: z.object({}), access: PUBLIC, summary: '可选的省份政策预设' }),
  'setup.initialize': op<{ stationId: string }>()({
    input: z.object({
      baseName: z.string().trim().min(2).max(100),
      baseCode: z.string().trim().min(1).max(32),
      province: z.string().trim().max(20).optional(),
      presetId: z.string(),
      cohortYear: z.number().int().min(2000).max(2100),
      programs: z.array(ProgramSchema).min(1).optional(),
      admin: z.object({ username, displayName: z.string().trim().min(1).max(50), password: z.string() }),
    }),
    access: PUBLIC,
    summary: '首次运行：建立基地与管理员账号',
  }),
  'auth.login': op<UserView>()({
    input: z.object({ username: z.string().trim().min(1), password: z.string().min(1) }),
    access: PUBLIC,
    summary: '登录',
  }),
  'auth.logout': op<null>()({ input: z.object({}), access: PUBLIC, summary: '退出登录' }),
  'auth.lock': op<null>()({ input: z.object({}), access: AUTHENTICATED, summary: '锁定（离开工位）' }),
  'auth.changePassword': op<null>()({
    input: z.object({ oldPassword: z.string(), newPassword: z.string() }),
    access: AUTHENTICATED,
    summary: '修改自己的密码',
  }),
  'users.list': op<UserView[]>()({ input: z.object({}), access: perm('users.view'), summary: '用户列表' }),
  'users.add': op<UserView>()({
    input: z.object({
      username,
      displayName: z.string().trim().min(1).max(50),
      role: z.enum(ROLES),
      password: z.string(),
    }),
    access: perm('users.manage'),
    summary: '新增用户',
  }),
  'users.update': op<UserView>()({
    input: z.object({
      id: z.string(),
      displayName: z.string().trim().min(1).max(50).optional(),
      role: z.enum(ROLES).optional(),
      disabled: z.boolean().optional(),
    }),
    access: perm('users.manage'),
    summary: '修改用户（姓名、角色、停用）',
  }),
  'users.resetPassword': op<null>()({
    input: z.object({ id: z.string(), password: z.string() }),
    access: perm('users.manage'),
    summary: '重置用户密码',
  }),
  'db.check': op<{ ok: boolean; integrity: string[]; foreignKeys: unknown[]; schemaVersion: number }>()({
    input: z.object({}),
    access: perm('db.check'),
    summary: '数据库完整性与外键检查',
  }),
};
