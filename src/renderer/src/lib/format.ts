/** Dates in Chinese form live in src/shared so the core's messages and the screens say them alike. */
export { formatDate, formatDateTime, formatMonth, todayInBeijing } from '../../../shared/dates';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
