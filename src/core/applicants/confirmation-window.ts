/**
 * The 现场确认 window of a year for the 确认统计 progress: the span of the recruitment windows that govern
 * desk confirmation (stored by the base, or its province's preset until the base sets its own). The day of a
 * window's opening and closing is what counts here; a closing time (18:00) still counts that day.
 */
import type { Tx } from '../context';
import { windowsFor } from '../windows/windows';
import type { ConfirmationWindow, ConfirmationWindowSource } from './dashboard';

export const recordedConfirmationWindow: ConfirmationWindowSource = async (
  tx: Tx,
  cohortYear: number,
): Promise<ConfirmationWindow | null> => {
  const found = await windowsFor(tx, cohortYear);
  const desk = (found?.windows.windows ?? []).filter((w) => w.governs === 'desk-confirmation');
  if (desk.length === 0) return null;
  const day = (moment: string) => moment.slice(0, 10);
  const starts = desk.map((w) => day(w.opens ?? w.closes)).sort();
  const ends = desk.map((w) => day(w.closes)).sort();
  return { start: starts[0]!, end: ends[ends.length - 1]! };
};
