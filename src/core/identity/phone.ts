import { toHalfWidth } from '../tabular/normalize';
import { fail, ok, type Checked } from './result';

export type PhoneCode = 'PHONE_FORMAT';

/**
 * Mainland mobile number: 11 digits, 1[3-9]. Country prefixes (+86, 0086, 86) and separators (spaces, dashes,
 * dots, parentheses) are noise. Returns the bare 11 digits.
 */
export function validatePhone(raw: string): Checked<string, PhoneCode> {
  const shown = raw.trim();
  let v = toHalfWidth(raw).replace(/[\s\-.()\u2010-\u2015\u200B\uFEFF]+/g, '');
  if (v === '') return fail('PHONE_FORMAT', '手机号码为空');
  if (v.startsWith('+86')) v = v.slice(3);
  else if (v.startsWith('0086')) v = v.slice(4);
  else if (v.startsWith('86') && v.length === 13) v = v.slice(2);
  if (/^1[3-9]\d{9}$/.test(v)) return ok(v);
  if (/[eE]\+?\d+$/.test(v)) {
    return fail('PHONE_FORMAT', `手机号码「${shown}」被 Excel 当成数字并改成了科学计数法，请把该列设为“文本”后重新填写`);
  }
  if (!/^\d+$/.test(v)) return fail('PHONE_FORMAT', `手机号码「${shown}」含有非数字字符，请只填写 11 位手机号码`);
  if (v.length !== 11) return fail('PHONE_FORMAT', `手机号码「${shown}」应为 11 位，实际 ${v.length} 位`);
  return fail('PHONE_FORMAT', `「${shown}」不是大陆手机号码（应以 13-19 开头），请填写 11 位手机号码`);
}
