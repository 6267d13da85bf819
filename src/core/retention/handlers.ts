import type { retentionOps } from '../../shared/contract/retention';
import { actorOf, defineHandlers } from '../api/handler';
import { retentionPreview } from './due';
import { purgeDue } from './purge';
import { retentionSettings, updateRetentionSettings } from './settings';

export const retentionHandlers = defineHandlers<typeof retentionOps>()({
  'retention.get': async (ctx) => retentionSettings(ctx.core.db),
  'retention.update': async (ctx, input) => updateRetentionSettings(ctx.core, actorOf(ctx), input),
  'retention.preview': async (ctx) => retentionPreview(ctx.core),
  'retention.purge': async (ctx, input) => purgeDue(ctx.core, actorOf(ctx), input.reason),
});
