import type { systemOps } from '../../shared/contract/system';
import { AppError } from '../../shared/errors';
import { defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { assertPassword, hashPassword } from '../auth/password';
import { getBase, baseView } from '../base/base';
import { seedCatalogue } from '../catalogue/catalogue';
import type { CallContext } from '../context';
import { checkDatabase } from '../db/check';
import { allPresets, getPreset } from '../presets';
import { auditUser, toUserView } from '../users/users';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';

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

  'system.presets': async () => [...allPresets()],

  'setup.initialize': async (ctx, input) => {
    const { core } = ctx;
    if (await getBase(core.db)) {
      throw new AppError('SETUP_ALREADY_DONE', '本机已完成首次设置。如需修改基地信息，请以管理员登录后在“基地设置”中修改。');
    }
    const preset = getPreset(input.presetId);
    assertPassword(input.admin.password);
    const programs = input.programs ?? preset.programs;
    const now = isoNow(core.clock);
    const passwordHash = await hashPassword(input.admin.password, core.scryptCost);
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

  'db.check': async (ctx) => checkDatabase(ctx.core.raw),
});
