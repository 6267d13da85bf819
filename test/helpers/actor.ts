import type { Actor } from '../../src/core/context';

/** The signed-in administrator as services see it, for tests that call a service directly. */
export const ADMIN_ACTOR: Actor = { userId: 'test-admin', username: 'admin', displayName: '系统管理员', role: 'admin' };
