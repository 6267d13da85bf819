import type { reductionOps } from '../../shared/contract/reduction';
import { actorOf, defineHandlers } from '../api/handler';
import { addExperience, proofOf, reviewExperience } from './experiences';
import { recognitionHtml, recognitionXlsx } from './recognition-form';
import { applyFacts, listReductions, recordAgreement, recordOutcome } from './records';
import { applyToRotation } from './rotation-link';

export const reductionHandlers = defineHandlers<typeof reductionOps>()({
  'reduction.list': async (ctx) => listReductions(ctx.core.db),
  'reduction.apply': async (ctx, input) => applyFacts(ctx.core, actorOf(ctx), input),
  'reduction.record': async (ctx, input) => recordOutcome(ctx.core, actorOf(ctx), input),
  'reduction.agreement': async (ctx, input) => recordAgreement(ctx.core, actorOf(ctx), input),
  'reduction.addExperience': async (ctx, input) => addExperience(ctx.core, actorOf(ctx), input),
  'reduction.proof': async (ctx, input) => proofOf(ctx.core.db, ctx.core, input.id),
  'reduction.reviewExperience': async (ctx, input) => reviewExperience(ctx.core, actorOf(ctx), input),
  'reduction.applyToRotation': async (ctx, input) => applyToRotation(ctx.core, actorOf(ctx), input),
  'reduction.recognitionXlsx': async (ctx, input) => recognitionXlsx(ctx.core, actorOf(ctx), input.applicant),
  'reduction.recognitionHtml': async (ctx, input) => recognitionHtml(ctx.core, actorOf(ctx), input.applicant),
});
