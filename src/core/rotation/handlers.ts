import type { rotationOps } from '../../shared/contract/rotation';
import { actorOf, defineHandlers } from '../api/handler';
import { decodeFile } from '../util/file-input';
import { importDepartments, listDepartments, previewDepartments, updateDepartment } from './departments';
import { moveBlock, shiftBlock, splitBlock, swapBlocks } from './edits';
import { recordExitExam, recordLeave } from './execution';
import { exportPlans } from './export';
import { departmentLoad } from './load';
import { planRotation } from './plans';
import { printablePlans } from './print';
import { importSchemes, listSchemes, previewSchemes } from './schemes';
import { changeStatus } from './status';
import { checkRotation, listPlans, planGrid, rosterView, showPlan } from './views';

export const rotationHandlers = defineHandlers<typeof rotationOps>()({
  'rotation.previewDepartments': async (ctx, input) => previewDepartments(ctx.core, decodeFile(input)),
  'rotation.importDepartments': async (ctx, input) => importDepartments(ctx.core, actorOf(ctx), decodeFile(input)),
  'rotation.listDepartments': async (ctx) => listDepartments(ctx.core.db),
  'rotation.updateDepartment': async (ctx, input) => updateDepartment(ctx.core, actorOf(ctx), input),

  'rotation.previewSchemes': async (ctx, input) => previewSchemes(ctx.core, decodeFile(input)),
  'rotation.importSchemes': async (ctx, input) => importSchemes(ctx.core, actorOf(ctx), decodeFile(input), input.example),
  'rotation.listSchemes': async (ctx) => listSchemes(ctx.core.db),

  'rotation.plan': async (ctx, input) => planRotation(ctx.core, actorOf(ctx), input),
  'rotation.show': async (ctx, input) => showPlan(ctx.core.db, input),
  'rotation.listPlans': async (ctx, input) => listPlans(ctx.core.db, input.traineeIds),
  'rotation.grid': async (ctx, input) => planGrid(ctx.core.db, input.cohortYear, input),
  'rotation.check': async (ctx, input) => checkRotation(ctx.core.db, input.cohortYear),
  'rotation.roster': async (ctx, input) => rosterView(ctx.core.db, input.from, input.to),
  'rotation.load': async (ctx, input) => departmentLoad(ctx.core.db, input.from, input.to),

  'rotation.moveBlock': async (ctx, input) => moveBlock(ctx.core, actorOf(ctx), input),
  'rotation.splitBlock': async (ctx, input) => splitBlock(ctx.core, actorOf(ctx), input),
  'rotation.swapBlocks': async (ctx, input) => swapBlocks(ctx.core, actorOf(ctx), input),
  'rotation.shiftBlock': async (ctx, input) => shiftBlock(ctx.core, actorOf(ctx), input),

  'rotation.approve': async (ctx, input) => changeStatus(ctx.core, actorOf(ctx), 'approve', input),
  'rotation.markSubmitted': async (ctx, input) => changeStatus(ctx.core, actorOf(ctx), 'submit', input),
  'rotation.markProvinceConfirmed': async (ctx, input) => changeStatus(ctx.core, actorOf(ctx), 'confirm', input),
  'rotation.start': async (ctx, input) => changeStatus(ctx.core, actorOf(ctx), 'start', input),

  'rotation.recordLeave': async (ctx, input) => recordLeave(ctx.core, actorOf(ctx), input),
  'rotation.recordExitExam': async (ctx, input) => recordExitExam(ctx.core, actorOf(ctx), input),
  'rotation.export': async (ctx, input) => exportPlans(ctx.core.db, input),
  'rotation.printable': async (ctx, input) => printablePlans(ctx.core.db, ctx.core, input),
});
