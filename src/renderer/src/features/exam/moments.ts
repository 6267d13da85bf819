import { formatDateTime } from '../../lib/format';

// Moments and windows are shown alike by the screens and the command line.
export { formatMoment, formatWindow } from '../../../../shared/dates';

export const datePart = (m: string | null): string => (m ?? '').slice(0, 10);
export const timePart = (m: string | null): string => (m ?? '').slice(11, 16);

/** A date and an optional time back into a moment; '' date = none. */
export function joinMoment(date: string, time: string): string | null {
  if (date === '') return null;
  return time === '' ? date : `${date}T${time}`;
}

// formatDateTime stays available for instants (when something was recorded), which are real timestamps.
export { formatDateTime };
