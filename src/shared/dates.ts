/**
 * Dates and times in the Chinese form the base's staff write them (2026年12月1日 13:05), whatever the
 * system locale: a laptop set to English must not print 12/1/2026 on a receipt or in the audit list.
 * Local time (the base's clock), as everything else the station shows.
 */
const pad = (n: number) => String(n).padStart(2, '0');

function parse(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 2026年12月1日 13:05 (with seconds: 13:05:09). Unparseable input is shown as given. */
export function formatDateTime(value: string | Date, withSeconds = false): string {
  const d = parse(value);
  if (!d) return String(value);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${withSeconds ? `:${pad(d.getSeconds())}` : ''}`;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
}

/** 2026年12月1日. A bare calendar date (2026-12-01) is read as that day, not as UTC midnight. */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  }
  const d = parse(value);
  return d ? `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日` : String(value);
}

/** 2026年12月 (a month of a rotation plan: 2026-12). */
export function formatMonth(value: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(value);
  return m ? `${Number(m[1])}年${Number(m[2])}月` : value;
}

/**
 * A calendar moment of a notice: a bare date or a date and Beijing time (2024-02-29T08:00), in Chinese form.
 * The time is read as written (the notice's own clock), never converted through the station's time zone.
 */
export function formatMoment(value: string): string {
  const [date, time] = value.split('T');
  return time ? `${formatDate(date!)} ${time}` : formatDate(value);
}

/** 2024年2月29日 08:00 至 2024年3月10日, or 截至 … when the window has no opening. */
export function formatWindow(opens: string | null, closes: string): string {
  return opens === null ? `截至 ${formatMoment(closes)}` : `${formatMoment(opens)} 至 ${formatMoment(closes)}`;
}

/**
 * Today as YYYY-MM-DD in China Standard Time (UTC+8, no daylight saving), which is what deadlines, 公示
 * windows and effective dates are counted in, whatever the machine's own time zone.
 */
export function todayInBeijing(nowMs: number = Date.now()): string {
  return new Date(nowMs + 8 * 3_600_000).toISOString().slice(0, 10);
}
