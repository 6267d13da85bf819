import type { planOps } from '../../shared/contract/plan';
import { actorOf, defineHandlers } from '../api/handler';
import { decodeFile } from '../util/file-input';
import { commitPlanImport, previewPlanImport, setQuota, showPlan, splitPool } from './plan';

export const planHandlers = defineHandlers<typeof planOps>()({
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
      actorOf(ctx),
      { ...decodeFile(input), ...(input.baseColumn ? { baseColumn: input.baseColumn } : {}) },
      input.mappings,
      { ...(input.replace ? { replace: true } : {}), ...(input.reason ? { reason: input.reason } : {}), remap: input.remap },
    ),

  'plan.setQuota': async (ctx, input) => setQuota(ctx.core, actorOf(ctx), input),

  'plan.splitPool': async (ctx, input) => splitPool(ctx.core, actorOf(ctx), input),
});
