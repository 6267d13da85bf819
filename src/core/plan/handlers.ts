import type { baseOps } from '../../shared/contract/base';
import { AppError } from '../../shared/errors';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { baseView, requireBase } from '../base/base';
import { addLocalSpecialty, toSpecialty } from '../catalogue/catalogue';
import { isoNow } from '../util/clock';
import { decodeFile } from '../util/file-input';
import { commitPlanImport, previewPlanImport, setQuota, showPlan, splitPool } from './plan';

export const baseHandlers = defineHandlers<typeof baseOps>()({
  'base.get': async (ctx) => baseView(await requireBase(ctx.core.db)),

  'base.update': async (ctx, input) => {
    const actor = actorOf(ctx);
    const { core } = ctx;
    return core.db.transaction().execute(async (tx) => {
      const before = await requireBase(tx);
      const after = {
        ...before,
        name: input.name,
        code: input.code,
        province: input.province,
        cohort_year: input.cohortYear,
        updated_at: isoNow(core.clock),
      };
      await tx
        .updateTable('base')
        .set({
          name: after.name,
          code: after.code,
          province: after.province,
          cohort_year: after.cohort_year,
          updated_at: after.updated_at,
        })
        .where('id', '=', 1)
        .execute();
      await appendEvent(tx, core, actor.username, {
        action: 'base.update',
        entity: 'base',
        entityId: after.code,
        before: baseView(before),
        after: baseView(after),
      });
      return baseView(after);
    });
  },

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

  'plan.show': async (ctx, input) => showPlan(ctx.core.db, input.cohortYear),

  'plan.previewImport': async (ctx, input) =>
    previewPlanImport(
      ctx.core,
      { ...decodeFile(input), ...(input.baseColumn ? { baseColumn: input.baseColumn } : {}) },
      input.mappings,
    ),

  'plan.commitImport': async (ctx, input) =>
    commitPlanImport(
      ctx.core,
      actorOf(ctx).username,
      { ...decodeFile(input), ...(input.baseColumn ? { baseColumn: input.baseColumn } : {}) },
      input.mappings,
    ),

  'plan.setQuota': async (ctx, input) => setQuota(ctx.core, actorOf(ctx).username, input),

  'plan.splitPool': async (ctx, input) => splitPool(ctx.core, actorOf(ctx).username, input),
});
