import { z } from 'zod';
import type { Preset } from '../preset';
import { ProgramSchema } from '../preset';
import type { BaseView } from './base';
import { PUBLIC, op, perm } from './define';
import { usernameSchema, type UserView } from './users';

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

/** Application state, first-run setup and the database check: the operations that belong to no feature. */
export const systemOps = {
  'system.status': op<SystemStatus>()({ input: z.strictObject({}), access: PUBLIC, summary: '应用状态与当前用户' }),
  'system.presets': op<Preset[]>()({ input: z.strictObject({}), access: PUBLIC, summary: '可选的省份政策预设' }),
  'setup.initialize': op<{ stationId: string }>()({
    input: z.strictObject({
      baseName: z.string().trim().min(2).max(100),
      baseCode: z.string().trim().min(1).max(32),
      province: z.string().trim().max(20).optional(),
      presetId: z.string(),
      cohortYear: z.number().int().min(2000).max(2100),
      programs: z.array(ProgramSchema).min(1).optional(),
      admin: z.object({ username: usernameSchema, displayName: z.string().trim().min(1).max(50), password: z.string() }),
    }),
    access: PUBLIC,
    summary: '首次运行：建立基地与管理员账号',
  }),
  'db.check': op<{ ok: boolean; integrity: string[]; foreignKeys: unknown[]; schemaVersion: number }>()({
    input: z.strictObject({}),
    access: perm('db.check'),
    summary: '数据库完整性与外键检查',
  }),
};
