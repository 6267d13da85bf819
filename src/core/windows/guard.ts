/**
 * The window check the desk and admission call before acting: inside the window nothing happens; outside it
 * a reason is required (WINDOW_CLOSED / WINDOW_NOT_OPEN without one) and the caller records it with the
 * action. Windows bind once the base put the year's windows into effect; before that they are only shown.
 */
import type { WindowGoverns } from '../../shared/contract/windows';
import { AppError } from '../../shared/errors';
import { beijingMoment } from '../calendar';
import type { Core, Tx } from '../context';
import { outsideWindow } from './rules';
import { windowsFor } from './windows';

/** What the action's audit event carries when it was done outside its window. */
export type OutsideWindow = { window: string; closes: string; state: 'closed' | 'upcoming'; reason: string };

export async function checkWindow(
  tx: Tx,
  core: Core,
  year: number,
  governs: WindowGoverns,
  reason: string | null | undefined,
): Promise<OutsideWindow | null> {
  const found = await windowsFor(tx, year);
  if (!found || !found.inEffect) return null;
  const outside = outsideWindow(found.windows.windows, governs, beijingMoment(core.clock.nowMs()));
  if (outside === null) return null;
  const why = reason?.trim() ?? '';
  if (why === '') {
    throw new AppError(outside.code, `${outside.message}没有作出任何更改。`, {
      window: outside.window.label,
      closes: outside.window.closes,
    });
  }
  return {
    window: outside.window.label,
    closes: outside.window.closes,
    state: outside.window.state === 'closed' ? 'closed' : 'upcoming',
    reason: why,
  };
}
