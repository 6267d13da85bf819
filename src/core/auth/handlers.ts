import type { authOps } from '../../shared/contract/auth';
import { AppError } from '../../shared/errors';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { findUserByName, getUser, toActor, toUserView } from '../users/users';
import { isoNow } from '../util/clock';
import { assertPassword, hashPassword, verifyPassword } from './password';

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 5 * 60 * 1000;

export const authHandlers = defineHandlers<typeof authOps>()({
  'auth.login': async (ctx, input) => {
    const { core } = ctx;
    const user = await findUserByName(core.db, input.username);
    const failed = new AppError('AUTH_FAILED', '用户名或密码不正确。');
    if (!user) throw failed;
    const nowMs = core.clock.nowMs();
    if (user.locked_until && Date.parse(user.locked_until) > nowMs) {
      const minutes = Math.ceil((Date.parse(user.locked_until) - nowMs) / 60000);
      throw new AppError(
        'AUTH_LOCKED_OUT',
        `密码连续输错 ${MAX_FAILED_LOGINS} 次，账号已暂时锁定，请 ${minutes} 分钟后再试，或请管理员重置密码。`,
      );
    }
    if (user.disabled === 1) throw new AppError('USER_DISABLED', '该账号已停用，请联系管理员。');
    if (!(await verifyPassword(input.password, user.password_hash))) {
      const failures = user.failed_logins + 1;
      const lock = failures >= MAX_FAILED_LOGINS;
      await core.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('users')
          .set({ failed_logins: lock ? 0 : failures, locked_until: lock ? new Date(nowMs + LOCKOUT_MS).toISOString() : null })
          .where('id', '=', user.id)
          .execute();
        await appendEvent(tx, core, user.username, {
          action: lock ? 'auth.lockout' : 'auth.login-failed',
          entity: 'user',
          entityId: user.id,
        });
      });
      throw failed;
    }
    await core.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
      await appendEvent(tx, core, user.username, { action: 'auth.login', entity: 'user', entityId: user.id });
    });
    core.sessions.bind(ctx.sessionKey, toActor(user));
    return toUserView(user);
  },

  'auth.logout': async (ctx) => {
    ctx.core.sessions.end(ctx.sessionKey);
    return null;
  },

  'auth.lock': async (ctx) => {
    // Locking keeps who was logged in (the lock screen names them) but the next call needs the password.
    ctx.core.sessions.lock(ctx.sessionKey);
    return null;
  },

  'auth.changePassword': async (ctx, input) => {
    const actor = actorOf(ctx);
    const { core } = ctx;
    const user = await getUser(core.db, actor.userId);
    if (!(await verifyPassword(input.oldPassword, user.password_hash))) {
      throw new AppError('AUTH_FAILED', '原密码不正确。');
    }
    assertPassword(input.newPassword);
    const hash = await hashPassword(input.newPassword);
    await core.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({ password_hash: hash, updated_at: isoNow(core.clock) })
        .where('id', '=', user.id)
        .execute();
      await appendEvent(tx, core, actor.username, { action: 'user.password-change', entity: 'user', entityId: user.id });
    });
    return null;
  },

});
