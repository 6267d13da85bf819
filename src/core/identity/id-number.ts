import type { Cell } from '../tabular/types';
import { toHalfWidth } from '../tabular/normalize';
import type { DocType } from './doc-type';
import { isRealDate, parseDate, parseYearMonth } from './date';
import { fail, ok, type Checked } from './result';

export type IdCode = 'ID_FORMAT' | 'ID_CHECKSUM' | 'ID_BIRTHDATE' | 'ID_LEGACY_15' | 'ID_EXCEL_NUMBER';
export type IdCheckOptions = {
  /** The birth date the person declared (full date or year-month); the ID must agree with it. */
  birthDate?: string;
  /** 'YYYY-MM-DD' used as "today" for the not-in-the-future check; defaults to the local date. */
  today?: string;
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** GB 11643-1999 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Remove input noise without changing meaning: spaces anywhere (also ideographic and zero-width), full-width
 * digits and letters, lowercase letters, and Excel's text markers (a leading apostrophe, ="...").
 */
export function normalizeIdInput(raw: string): string {
  let v = toHalfWidth(raw).replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '');
  const formula = /^="(.*)"$/.exec(v);
  if (formula) v = formula[1]!;
  if (v.startsWith("'")) v = v.slice(1);
  return v.toUpperCase();
}

const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/;

function excelDamaged(shown: string): { ok: false; code: IdCode; message: string } {
  return fail(
    'ID_EXCEL_NUMBER',
    `证件号码「${shown}」被 Excel 当成了数字保存，后几位已经丢失，无法从现有数据恢复。` +
      `请在原表中把证件号码列设为“文本”格式后重新录入，或从原始系统重新导出；不要按现有数字猜测补全。`,
  );
}

/**
 * Validate and normalise an identity document number. The default type is 居民身份证. Region codes are never
 * checked (abolished codes stay valid for life). See /work/shared/domain.md "Identity documents".
 */
export function validateIdNumber(raw: string, docType: DocType = '居民身份证', opts?: IdCheckOptions): Checked<string, IdCode> {
  const v = normalizeIdInput(raw);
  if (v === '') return fail('ID_FORMAT', '证件号码为空');
  if (SCIENTIFIC.test(v)) return excelDamaged(v);

  switch (docType) {
    case '居民身份证':
      return checkGb11643(v, '居民身份证号码', opts);
    case '港澳台居民居住证': {
      if (v.length === 18 && !/^8[123]0000/.test(v)) {
        return fail('ID_FORMAT', `港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头，「${v}」不是`);
      }
      return checkGb11643(v, '港澳台居民居住证号码', opts);
    }
    case '外国人永久居留身份证': {
      // 2017 cards (3 letters + 12 digits) stay valid alongside the 2023 18-digit cards.
      if (/^[A-Z]{3}\d{12}$/.test(v)) return ok(v);
      if (!/^9\d{16}[\dX]$/.test(v)) {
        return fail('ID_FORMAT', `外国人永久居留身份证号码应为 18 位、以 9 开头（旧版为 3 位字母加 12 位数字），「${v}」不符合`);
      }
      if (idCheckChar(v) !== v[17]) return checksumFail(v, '外国人永久居留身份证号码');
      return ok(v);
    }
    case '港澳居民来往内地通行证':
      return /^[HM]\d{8}(?:\d{2})?$/.test(v)
        ? ok(v)
        : fail('ID_FORMAT', `港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（可再加 2 位换证次数），「${v}」不符合`);
    case '台湾居民来往大陆通行证':
      return /^\d{8}(?:\d{2})?$/.test(v)
        ? ok(v)
        : fail('ID_FORMAT', `台湾居民来往大陆通行证号码应为 8 位数字（可再加 2 位换证次数），「${v}」不符合`);
    case '外籍护照':
      return /^[A-Z0-9]{5,17}$/.test(v) ? ok(v) : fail('ID_FORMAT', `护照号码应为 5-17 位字母或数字，「${v}」不符合`);
  }
}

function checkGb11643(v: string, label: string, opts?: IdCheckOptions): Checked<string, IdCode> {
  if (/^\d{15}$/.test(v)) {
    return fail('ID_LEGACY_15', `「${v}」是 15 位的旧身份证号码（1999 年前签发），已经停用。请填写现在使用的 18 位身份证号码。`);
  }
  if (!/^\d{17}[\dX]$/.test(v)) {
    const why = v.length !== 18 ? `应为 18 位，实际 ${v.length} 位` : '前 17 位应为数字，最后一位为数字或 X';
    return fail('ID_FORMAT', `${label}「${v}」格式不对：${why}`);
  }
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (!isRealDate(y, m, d)) {
    return fail('ID_BIRTHDATE', `${label}「${v}」第 7-14 位的出生日期 ${v.slice(6, 14)} 不是有效日期，请核对号码`);
  }
  if (birth > (opts?.today ?? localToday())) {
    return fail('ID_BIRTHDATE', `${label}「${v}」中的出生日期 ${birth} 晚于今天，请核对号码`);
  }
  if (idCheckChar(v) !== v[17]) return checksumFail(v, label);
  if (opts?.birthDate !== undefined && opts.birthDate.trim() !== '') {
    const mismatch = birthMismatch(birth, opts.birthDate);
    if (mismatch) return fail('ID_BIRTHDATE', `${label}中的出生日期 ${birth} 与填写的出生日期 ${mismatch} 不一致，请核对`);
  }
  return ok(v);
}

function checksumFail(v: string, label: string): { ok: false; code: IdCode; message: string } {
  // An ID that went through a numeric cell shows 15 significant digits, so it ends in "000".
  const hint = v.endsWith('000') ? '；如果这一列曾在 Excel 中是数字格式，末尾几位可能已被 Excel 改成 0' : '';
  return fail('ID_CHECKSUM', `${label}「${v}」的校验位不对（可能有数字录错或顺序颠倒${hint}），请对照证件核对`);
}

/** Compare at the precision the declared date has; unparsable declared dates are someone else's error. */
function birthMismatch(fromId: string, declared: string): string | null {
  const full = parseDate(declared);
  if (full.ok) return full.value === fromId ? null : full.value;
  const ym = parseYearMonth(declared);
  if (ym.ok) return ym.value === fromId.slice(0, 7) ? null : ym.value;
  return null;
}

function localToday(): string {
  const t = new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
}

/**
 * Validate an ID read from a spreadsheet cell. A numeric cell cannot hold 18 exact digits (doubles are exact
 * only up to 2^53, and Excel keeps 15 significant digits), so a big number means the ID is already damaged:
 * report ID_EXCEL_NUMBER and never try to repair it.
 */
export function validateIdCell(cell: Cell, docType: DocType = '居民身份证', opts?: IdCheckOptions): Checked<string, IdCode> {
  switch (cell.type) {
    case 'empty':
      return fail('ID_FORMAT', '证件号码为空');
    case 'number': {
      const n = cell.number ?? Number(cell.text);
      const digits = String(n);
      if (Math.abs(n) > 2 ** 53 || (/^\d{16,18}$/.test(digits) && digits.endsWith('00'))) {
        return excelDamaged(cell.text || digits);
      }
      if (!Number.isInteger(n) || n < 0) return fail('ID_FORMAT', `证件号码「${cell.text}」不是有效的号码`);
      return validateIdNumber(digits, docType, opts);
    }
    case 'date':
    case 'boolean':
      return fail('ID_FORMAT', `证件号码一栏是「${cell.text}」，不是证件号码，请核对列是否对应正确`);
    default:
      return validateIdNumber(cell.text, docType, opts);
  }
}

function gbDigits(id: string): string | null {
  const v = normalizeIdInput(id);
  // Resident IDs and residence permits carry the birth date and sex; 2023 permanent-residence IDs (leading 9)
  // use a different layout, so they are left out.
  return /^[1-8]\d{16}[\dX]$/.test(v) ? v : null;
}

/** Birth date 'YYYY-MM-DD' encoded in an 18-digit resident ID or residence permit; null if none. */
export function idBirthDate(id: string): string | null {
  const v = gbDigits(id);
  if (!v) return null;
  const [y, m, d] = [Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14))];
  return isRealDate(y, m, d) ? `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}` : null;
}

/** Sex from the 17th digit (odd = 男, even = 女); null if the number is not an 18-digit resident ID. */
export function idSex(id: string): '男' | '女' | null {
  const v = gbDigits(id);
  if (!v) return null;
  return Number(v[16]) % 2 === 1 ? '男' : '女';
}
