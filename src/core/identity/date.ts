import type { Cell } from '../tabular/types';
import { normalizeText } from '../tabular/normalize';
import { fail, ok, type Checked } from './result';

export type DateCode = 'DATE_FORMAT';

const MIN_YEAR = 1800;
const MAX_YEAR = 2199;
/** Serials in this range (1954-10-03 .. 2119-01-10) are taken for dates when they arrive as plain digits. */
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;

/** True when y-m-d is a day that exists in the Gregorian calendar (and within a sane year range). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function formatYmd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Excel 1900 date system: serial 1 = 1900-01-01. Excel keeps Lotus 1-2-3's fictitious 1900-02-29 as serial 60,
 * so from 61 on the epoch is 1899-12-30; below 60 it is 1899-12-31. Serial 60 is not a real day: null.
 * The fractional part (time of day) is dropped.
 */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  // A tiny epsilon: 45444.99999999 is float noise for midnight of the next day, not 23:59:59.999.
  const days = Math.floor(serial + 1e-9);
  if (days < 1 || days === 60) return null;
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const t = new Date(epoch + days * 86_400_000);
  const y = t.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) return null;
  return formatYmd(y, t.getUTCMonth() + 1, t.getUTCDate());
}

const YMD =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

/**
 * Parse a date the way people and Excel write it: 2024-06-01, 2024/6/1, 2024.6.1, 2024年6月1日, 20240601,
 * an Excel serial (a number cell or 5 digits, between 20000 and 80000), a date cell. A trailing time is
 * ignored. Day-first forms (01/06/2024) are refused: they are ambiguous. Returns 'YYYY-MM-DD'.
 */
export function parseDate(raw: string | Cell): Checked<string, DateCode> {
  if (typeof raw !== 'string') return parseDateCell(raw);
  const s = normalizeText(raw);
  if (s === '') return fail('DATE_FORMAT', '日期为空');
  // Already in the stored form (what a date cell gives): returned as it is once the day exists.
  if (s.length === 10 && ISO_DAY.test(s) && isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8))))
    return ok(s);
  let m = YMD.exec(s) ?? YMD_COMPACT.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isRealDate(y, mo, d)) return ok(formatYmd(y, mo, d));
    return fail('DATE_FORMAT', `日期「${s}」不存在（${y}年${mo}月没有${d}日，或年月超出范围）`);
  }
  if (SERIAL_TEXT.test(s)) {
    const n = Number(s);
    if (n >= SERIAL_MIN && n <= SERIAL_MAX) {
      const d = excelSerialToDate(n);
      if (d) return ok(d);
    }
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) {
    return fail('DATE_FORMAT', `日期「${s}」的日、月顺序无法确定，请写成“年-月-日”，例如 2024-06-01`);
  }
  return fail('DATE_FORMAT', `无法识别日期「${s}」，请写成 2024-06-01、2024/6/1 或 2024年6月1日`);
}

function parseDateCell(cell: Cell): Checked<string, DateCode> {
  switch (cell.type) {
    case 'empty':
      return fail('DATE_FORMAT', '日期为空');
    case 'date':
      return parseDate(cell.text.slice(0, 10));
    case 'number': {
      const n = cell.number ?? Number(cell.text);
      // 20240601 typed into a numeric cell is a compact date, not a serial (which would be year 57000).
      if (Number.isInteger(n) && n >= 10_000_000 && n <= 99_999_999) return parseDate(String(n));
      if (Number.isInteger(n) && n >= 1900 && n <= 2100) {
        return fail('DATE_FORMAT', `「${n}」只有年份，缺少月份和日期`);
      }
      // Same window as for digits: a smaller number (2024.06, 365) is far more likely not a date at all.
      if (n >= SERIAL_MIN && n <= SERIAL_MAX) {
        const d = excelSerialToDate(n);
        if (d) return ok(d);
      }
      return fail('DATE_FORMAT', `数字「${cell.text}」不是日期，请把该列设为日期格式或写成 2024-06-01`);
    }
    case 'boolean':
      return fail('DATE_FORMAT', `「${cell.text}」不是日期`);
    default:
      return parseDate(cell.text);
  }
}

const YM = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?$/;
const YM_COMPACT = /^(\d{4})(\d{2})$/;

/**
 * Year and month ('出生年月', '毕业时间'): 2020.09, 2020-9, 2020/09, 2020年9月, 202009, or any full date
 * (the day is dropped). Returns 'YYYY-MM'. A number cell holding 2020.1 is refused: Excel stores both
 * "2020.1" and "2020.10" as the number 2020.1, so January and October cannot be told apart.
 */
export function parseYearMonth(raw: string | Cell): Checked<string, DateCode> {
  if (typeof raw !== 'string') {
    if (raw.type === 'number') {
      const n = raw.number ?? Number(raw.text);
      const text = String(n);
      const dm = /^(\d{4})\.(\d{1,2})$/.exec(text);
      if (dm) {
        if (dm[2] === '1') {
          return fail(
            'DATE_FORMAT',
            `「${text}」可能是 ${dm[1]}年1月，也可能是 ${dm[1]}年10月（Excel 把 ${dm[1]}.10 存成了数字 ${dm[1]}.1）。` +
              `请把该列设为“文本”格式后重新填写`,
          );
        }
        return yearMonth(Number(dm[1]), Number(dm[2]), text);
      }
      if (Number.isInteger(n) && n >= 100_000 && n <= 999_999) return parseYearMonth(text);
    }
    if (raw.type === 'string') return parseYearMonth(raw.text);
    const d = parseDate(raw);
    return d.ok ? ok(d.value.slice(0, 7)) : d;
  }
  const s = normalizeText(raw);
  if (s === '') return fail('DATE_FORMAT', '年月为空');
  const m = YM.exec(s) ?? YM_COMPACT.exec(s);
  if (m) return yearMonth(Number(m[1]), Number(m[2]), s);
  const d = parseDate(s);
  if (d.ok) return ok(d.value.slice(0, 7));
  return fail('DATE_FORMAT', `无法识别年月「${s}」，请写成 2020-09、2020.09 或 2020年9月`);
}

function yearMonth(y: number, m: number, shown: string): Checked<string, DateCode> {
  if (!isRealDate(y, m, 1)) return fail('DATE_FORMAT', `年月「${shown}」不存在（月份应为 1-12）`);
  return ok(`${y}-${String(m).padStart(2, '0')}`);
}
