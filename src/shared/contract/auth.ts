import { z } from 'zod';
import { AUTHENTICATED, PUBLIC, op } from './define';
import type { UserView } from './users';

export const authOps = {
  'auth.login': op<UserView>()({
    input: z.strictObject({ username: z.string().trim().min(1), password: z.string().min(1) }),
    access: PUBLIC,
    summary: '登录',
  }),
  'auth.logout': op<null>()({ input: z.strictObject({}), access: PUBLIC, summary: '退出登录' }),
  'auth.lock': op<null>()({ input: z.strictObject({}), access: AUTHENTICATED, summary: '锁定（离开工位）' }),
  'auth.changePassword': op<null>()({
    input: z.strictObject({ oldPassword: z.string(), newPassword: z.string() }),
    access: AUTHENTICATED,
    summary: '修改自己的密码',
  }),
};
