import type { catalogueOps } from '../../shared/contract/catalogue';
import { AppError } from '../../shared/errors';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { addLocalSpecialty, toSpecialty } from './catalogue';

export const catalogueHandlers = defineHandlers<typeof catalogueOps>()({
  'catalogue.list': async (ctx) => {
    const rows = await ctx.core.db.selectFrom('specialties').selectAll().orderBy('code').execute();
    return rows.map(toSpecialty);
  },

  'catalogue.add': async (ctx, input) => {
    const actor = actorOf(ctx);
    const { core } = ctx;
    return core.db.transaction().execute(async (tx) => {
      const s = await addLocalSpecialty(tx, input.name, input.code);
      await appendEvent(tx, core, actor.username, { action: 'catalogue.add', entity: 'specialty', entityId: s.code, after: s });
      return toSpecialty(s);
    });
  },

  'catalogue.update': async (ctx, input) => {
    const actor = actorOf(ctx);
    const { core } = ctx;
    return core.db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('specialties').selectAll().where('code', '=', input.code).executeTakeFirst();
      if (!before) throw new AppError('SPECIALTY_UNKNOWN', `专业代码 ${input.code} 不在专业目录中。`);
      const after = {
        ...before,
        name: input.name ?? before.name,
        active: input.active === undefined ? before.active : input.active ? 1 : 0,
      };
      const clash = await tx
        .selectFrom('specialties')
        .select('code')
        .where('name', '=', after.name)
        .where('code', '!=', input.code)
        .executeTakeFirst();
      if (clash) throw new AppError('CATALOGUE_EXISTS', `专业名称“${after.name}”已被代码 ${clash.code} 使用。`);
      await tx
        .updateTable('specialties')
        .set({ name: after.name, active: after.active })
        .where('code', '=', input.code)
        .execute();
      await appendEvent(tx, core, actor.username, {
        action: 'catalogue.update',
        entity: 'specialty',
        entityId: input.code,
        before,
        after,
      });
      return toSpecialty(after);
    });
  },
});
