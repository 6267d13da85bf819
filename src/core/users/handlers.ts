import type { usersOps } from '../../shared/contract/users';
import { AppError } from '../../shared/errors';
import { ROLE_LABELS } from '../../shared/permissions';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { assertPassword, hashPassword } from '../auth/password';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import type { Tx } from '../context';
import type { UserTable } from '../db/schema';
import { auditUser, findUserByName, getUser, toActor, toUserView } from './users';

export const usersHandlers = defineHandlers<typeof usersOps>()({
  'users.list': async (ctx) => {
    const rows = await ctx.core.db.selectFrom('users').selectAll().orderBy('created_at').execute();
    return rows.map(toUserView);
  },

  'users.add': async (ctx, input) => {
    const actor = actorOf(ctx);
    const { core } = ctx;
    if (await findUserByName(core.db, input.username)) {
      throw new AppError('USER_EXISTS', `用户名“${input.username}”已存在，请换一个。`, { username: input.username });
    }
    assertPassword(input.password);
    const now = isoNow(core.clock);
    const user = {
      id: uuidv7(core.clock.nowMs()),
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      password_hash: await hashPassword(input.password, core.scryptCost),
      disabled: 0,
      created_at: now,
      updated_at: now,
      failed_logins: 0,
      locked_until: null,
    };
    await core.db.transaction().execute(async (tx) => {
      await tx.insertInto('users').values(user).execute();
      await appendEvent(tx, core, actor.username, {
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        after: auditUser(user),
      });
    });
    return toUserView(user);
  },

  'users.update': async (ctx, input) => {
    const actor = actorOf(ctx);
    const { core } = ctx;
    const before = await getUser(core.db, input.id);
    const after = {
      ...before,
      display_name: input.displayName ?? before.display_name,
      role: input.role ?? before.role,
      disabled: input.disabled === undefined ? before.disabled : input.disabled ? 1 : 0,
      updated_at: isoNow(core.clock),
    };
    const reason = input.reason?.trim() || null;
    assertChangeAllowed(actor.userId, before, after, reason);
    await core.db.transaction().execute(async (tx) => {
      // Counted inside the write transaction, so two admins demoting each other at once cannot both pass.
      await assertNotLastAdmin(tx, before, after);
      await tx
        .updateTable('users')
        .set({ display_name: after.display_name, role: after.role, disabled: after.disabled, updated_at: after.updated_at })
        .where('id', '=', before.id)
        .execute();
      await appendEvent(tx, core, actor.username, {
        action: 'user.update',
        entity: 'user',
        entityId: before.id,
        before: auditUser(before),
        after: auditUser(after),
        reason,
      });
    });
    // A changed role or a disabled account must not keep rights through an open session.
    if (after.role !== before.role || after.disabled !== before.disabled) core.sessions.endUser(before.id);
    return toUserView(after);
  },

  'users.resetPassword': async (ctx, input) => {
    const actor = actorOf(ctx);
    const { core } = ctx;
    const user = await getUser(core.db, input.id);
    assertPassword(input.password);
    const hash = await hashPassword(input.password, core.scryptCost);
    await core.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({ password_hash: hash, failed_logins: 0, locked_until: null, updated_at: isoNow(core.clock) })
        .where('id', '=', user.id)
        .execute();
      await appendEvent(tx, core, actor.username, {
        action: 'user.password-reset',
        entity: 'user',
        entityId: user.id,
        after: { role: ROLE_LABELS[toActor(user).role] },
      });
    });
    core.sessions.endUser(user.id);
    return null;
  },
});

type UserChange = Pick<UserTable, 'id' | 'role' | 'disabled'>;

/** Rules checked before anything is written: no self-demotion, and a role change says why. */
function assertChangeAllowed(actorId: string, before: UserChange, after: UserChange, reason: string | null): void {
  if (before.id === actorId && (after.disabled === 1 || (after.role !== before.role && after.role !== 'admin'))) {
    throw new AppError('USER_SELF_DEMOTE', '不能停用自己或取消自己的管理员角色，请由另一位管理员操作。');
  }
  if (after.role !== before.role && !reason) {
    throw new AppError('REASON_REQUIRED', '修改角色需要填写原因（例如岗位调整的通知），原因会记入审计日志。');
  }
}

async function assertNotLastAdmin(tx: Tx, before: UserChange, after: UserChange): Promise<void> {
  if (before.role !== 'admin' || before.disabled === 1 || (after.role === 'admin' && after.disabled === 0)) return;
  const admins = await tx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  if (Number(admins.n) <= 1) throw new AppError('USER_LAST_ADMIN', '这是最后一位可用的管理员，不能停用或改为其他角色。');
}
