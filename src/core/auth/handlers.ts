import type { authOps } from '../../shared/contract/auth';
import { AppError } from '../../shared/errors';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { findUserByName, getUser, toActor, toUserView } from '../users/users';
import { isoNow } from '../util/clock';
import { clearAttempts, MAX_FAILED_LOGINS, reserveAttempt } from './login-attempts';
import { assertPassword, hashPassword, verifyDummyPassword, verifyPassword } from './password';

export const authHandlers = defineHandlers<typeof authOps>()({
  'auth.login': async (ctx, input) => {
    const { core } = ctx;
    const failed = new AppError('AUTH_FAILED', '用户名或密码不正确。');
    const user = await findUserByName(core.db, input.username);
    if (!user) {
      await verifyDummyPassword(input.password, core.scryptCost);
      throw failed;
    }
    const nowMs = core.clock.nowMs();
    const claim = await core.db.transaction().execute((tx) => reserveAttempt(tx, user.id, nowMs));
    if (!claim.ok) throw lockedOut(claim.lockedUntil, nowMs);
    if (!(await verifyPassword(input.password, user.password_hash))) {
      await core.db.transaction().execute(async (tx) => {
        await appendEvent(tx, core, user.username, {
          action: claim.locksAccount ? 'auth.lockout' : 'auth.login-failed',
          entity: 'user',
          entityId: user.id,
        });
      });
      throw failed;
    }
    await core.db.transaction().execute(async (tx) => {
      await clearAttempts(tx, user.id);
      if (user.disabled !== 1) {
        await appendEvent(tx, core, user.username, { action: 'auth.login', entity: 'user', entityId: user.id });
      }
    });
    // Said only to whoever knows the password: the answer does not reveal which accounts exist.
    if (user.disabled === 1) throw new AppError('USER_DISABLED', '该账号已停用，请联系管理员。');
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
    const hash = await hashPassword(input.newPassword, core.scryptCost);
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

function lockedOut(lockedUntil: string, nowMs: number): AppError {
  const minutes = Math.max(1, Math.ceil((Date.parse(lockedUntil) - nowMs) / 60000));
  return new AppError(
    'AUTH_LOCKED_OUT',
    `密码连续输错 ${MAX_FAILED_LOGINS} 次，账号已暂时锁定，请 ${minutes} 分钟后再试，或请管理员重置密码。`,
    { minutes },
  );
}
