import type { windowsOps } from '../../shared/contract/windows';
import { actorOf, defineHandlers } from '../api/handler';
import { copyWindows, setWindows, windowsState } from './windows';

export const windowsHandlers = defineHandlers<typeof windowsOps>()({
  'windows.state': async (ctx, input) => windowsState(ctx.core, input.year),
  'windows.copy': async (ctx, input) => copyWindows(ctx.core, actorOf(ctx), input.year, input.from, input.reason),
  'windows.set': async (ctx, input) => setWindows(ctx.core, actorOf(ctx), input.windows, input.reason),
});
