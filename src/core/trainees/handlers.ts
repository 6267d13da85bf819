import type { traineesOps } from '../../shared/contract/trainees';
import { AppError } from '../../shared/errors';
import { can } from '../../shared/permissions';
import { actorOf, defineHandlers } from '../api/handler';
import { loadCatalogue } from '../catalogue/catalogue';
import { decodeFile } from '../util/file-input';
import { traineeDetail } from './detail';
import { enrolCohort } from './enrol';
import { findTrainee } from './find';
import { commitTraineeImport, previewTraineeImport } from './import';
import { listTrainees } from './list';
import { setMustServe } from './must-serve';
import { auditListReveal, revealTrainee } from './privacy';
import { summaryOf } from './record';
import { setTraineeStatus } from './status';
import { transferTrainee } from './transfer';

export const traineesHandlers = defineHandlers<typeof traineesOps>()({
  'trainees.previewImport': async (ctx, input) => previewTraineeImport(ctx.core, decodeFile(input)),

  'trainees.commitImport': async (ctx, input) => commitTraineeImport(ctx.core, actorOf(ctx), decodeFile(input)),

  'trainees.enrol': async (ctx, input) => enrolCohort(ctx.core, actorOf(ctx), input),

  'trainees.list': async (ctx, input) => {
    const actor = actorOf(ctx);
    if (input.reveal && !can(actor.role, 'trainees.reveal')) {
      throw new AppError('FORBIDDEN', '当前角色无权查看完整的证件号码。', { permission: 'trainees.reveal' });
    }
    const { total, rows } = await listTrainees(ctx.core.db, input);
    if (input.reveal && rows.length > 0) {
      const { limit: _limit, offset: _offset, reveal: _reveal, ...filter } = input;
      await auditListReveal(
        ctx.core,
        actor,
        rows.map((r) => r.id),
        filter,
      );
    }
    const catalogue = await loadCatalogue(ctx.core.db);
    return { total, trainees: rows.map((r) => summaryOf(r, catalogue, input.reveal)), revealed: input.reveal };
  },

  'trainees.get': async (ctx, input) => traineeDetail(ctx.core.db, await findTrainee(ctx.core.db, input.id)),

  'trainees.setStatus': async (ctx, input) => setTraineeStatus(ctx.core, actorOf(ctx), input),

  'trainees.transfer': async (ctx, input) => transferTrainee(ctx.core, actorOf(ctx), input),

  'trainees.setMustServe': async (ctx, input) => setMustServe(ctx.core, actorOf(ctx), input),

  'trainees.revealIdNumber': async (ctx, input) => revealTrainee(ctx.core, actorOf(ctx), input.id, input.reason),
});
