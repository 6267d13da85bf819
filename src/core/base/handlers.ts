import type { baseOps } from '../../shared/contract/base';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { baseView, requireBase } from './base';
import { isoNow } from '../util/clock';

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
});
