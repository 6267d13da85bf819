import type { systemOps } from '../../shared/contract/system';
import { AppError } from '../../shared/errors';
import { ROLE_LABELS } from '../../shared/permissions';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { getBase, baseView } from '../base/base';
import { seedCatalogue } from '../catalogue/catalogue';
import type { CallContext } from '../context';
import { checkDatabase } from '../db/check';
import { PRESETS, getPreset } from '../presets';
import { auditUser, findUserByName, getUser, toActor, toUserView } from '../users/users';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 5 * 60 * 1000;

function assertPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('PASSWORD_WEAK', problem);
}

async function status(ctx: CallContext) {
  const { core } = ctx;
  const base = await getBase(core.db);
  const resolved = core.sessions.resolve(ctx.sessionKey, { touch: false });
  const peek = core.sessions.peek(ctx.sessionKey);
  let user = null;
  if (peek) {
    const row = await core.db.selectFrom('users').selectAll().where('id', '=', peek.userId).executeTakeFirst();
    user = row ? toUserView(row) : null;
  }
  return {
    initialized: base !== null,
    appVersion: core.appVersion,
    schemaVersion: core.schemaVersion,
    stationId: core.stationId,
    dataDir: core.dataDir,
    base: base ? baseView(base) : null,
    user,
    locked: resolved === 'locked',
    clockSkewMs: core.hlc.skewMs(),
  };
}

export const systemHandlers = defineHandlers<typeof systemOps>()({
  'system.status': status,

  'system.presets': async () => [...PRESETS],

  'setup.initialize': async (ctx, input) => {
    const { core } = ctx;
    if (await getBase(core.db)) {
      throw new AppError('SETUP_ALREADY_DONE', '本机已完成首次设置。如需修改基地信息，请以管理员登录后在“基地设置”中修改。');
    }
    const preset = getPreset(input.presetId);
    assertPassword(input.admin.password);
    const programs = input.programs ?? preset.programs;
    const now = isoNow(core.clock);
    const passwordHash = await hashPassword(input.admin.password);
    const adminId = uuidv7(core.clock.nowMs());
    const actor = input.admin.username;
    await core.db.transaction().execute(async (tx) => {
      const base = {
        id: 1,
        name: input.baseName,
        code: input.baseCode,
        province: input.province ?? preset.province,
        programs: JSON.stringify(programs),
        cohort_year: input.cohortYear,
        preset_id: preset.id,
        created_at: now,
        updated_at: now,
      };
      await tx.insertInto('base').values(base).execute();
      await appendEvent(tx, core, actor, { action: 'base.create', entity: 'base', entityId: input.baseCode, after: base });
      const seeded = await seedCatalogue(tx, preset);
      await appendEvent(tx, core, actor, {
        action: 'catalogue.seed',
        entity: 'catalogue',
        entityId: preset.id,
        after: { specialties: seeded },
      });
      const user = {
        id: adminId,
        username: input.admin.username,
        display_name: input.admin.displayName,
        role: 'admin',
        password_hash: passwordHash,
        disabled: 0,
        created_at: now,
        updated_at: now,
        failed_logins: 0,
        locked_until: null,
      };
      await tx.insertInto('users').values(user).execute();
      await appendEvent(tx, core, actor, { action: 'user.create', entity: 'user', entityId: adminId, after: auditUser(user) });
    });
    return { stationId: core.stationId };
  },

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

  'users.list': async (ctx) => {
    const rows = await ctx.core.db.selectFrom('users').selectAll().orderBy('created_at').execute();
    return rows.map(toUserView);
  },

  'users.add': async (ctx, input) => {
    const actor = actorOf(ctx);
    const { core } = ctx;
    if (await findUserByName(core.db, input.username)) {
      throw new AppError('USER_EXISTS', `用户名“${input.username}”已存在，请换一个。`);
    }
    assertPassword(input.password);
    const now = isoNow(core.clock);
    const user = {
      id: uuidv7(core.clock.nowMs()),
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      password_hash: await hashPassword(input.password),
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
    if (before.id === actor.userId && (input.disabled === true || (input.role && input.role !== 'admin'))) {
      throw new AppError('USER_SELF_DEMOTE', '不能停用自己或取消自己的管理员角色，请由另一位管理员操作。');
    }
    const after = {
      ...before,
      display_name: input.displayName ?? before.display_name,
      role: input.role ?? before.role,
      disabled: input.disabled === undefined ? before.disabled : input.disabled ? 1 : 0,
      updated_at: isoNow(core.clock),
    };
    if (before.role === 'admin' && (after.role !== 'admin' || after.disabled === 1)) {
      const admins = await core.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('disabled', '=', 0)
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) throw new AppError('USER_LAST_ADMIN', '这是最后一位可用的管理员，不能停用或改为其他角色。');
    }
    await core.db.transaction().execute(async (tx) => {
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
    const hash = await hashPassword(input.password);
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

  'db.check': async (ctx) => checkDatabase(ctx.core.raw),
});
