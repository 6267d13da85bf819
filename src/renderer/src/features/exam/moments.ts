import { formatDate, formatDateTime } from '../../lib/format';

/**
 * A calendar moment is a bare date or a date and Beijing time (2024-02-29T08:00), shown in Chinese form.
 * The time is read as written (the notices' own clock), never converted through the station's time zone.
 */
export function formatMoment(value: string): string {
  const [date, time] = value.split('T');
  return time ? `${formatDate(date!)} ${time}` : formatDate(value);
}

/** 2024年2月29日 8:00 至 2024年3月10日 23:59, or 截至 … when the step has no opening. */
export function formatWindow(opens: string | null, closes: string): string {
  return opens === null ? `截至 ${formatMoment(closes)}` : `${formatMoment(opens)} 至 ${formatMoment(closes)}`;
}

export const datePart = (m: string | null): string => (m ?? '').slice(0, 10);
export const timePart = (m: string | null): string => (m ?? '').slice(11, 16);

/** A date and an optional time back into a moment; '' date = none. */
export function joinMoment(date: string, time: string): string | null {
  if (date === '') return null;
  return time === '' ? date : `${date}T${time}`;
}

// formatDateTime stays available for instants (when something was recorded), which are real timestamps.
export { formatDateTime };
