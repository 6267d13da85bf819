/**
 * The checks of one applicant field each, over a `RowReader`: each returns the normalised value (or a
 * fallback) and reports what is wrong on the reader.
 */
import type { ApplicantFieldKey } from '../../shared/contract/applicants';
import type { Preset } from '../../shared/preset';
import { idBirthDate, idSex, normalizeDocType, parseDate, parseYearMonth, validateIdCell, validatePhone } from '../identity';
import type { DocType } from '../identity';
import { normalizeText } from '../tabular';
import { fieldLabel } from './fields';
import type { RowReader } from './row-reader';

const YES = new Set(['是', 'Y', 'YES', '1', 'TRUE', '√', '服从', '同意', '全日制']);
const NO = new Set(['否', 'N', 'NO', '0', 'FALSE', '×', '不服从', '不同意', '非全日制']);

export function parseYesNo(raw: string): boolean | null | 'invalid' {
  const v = normalizeText(raw).toUpperCase();
  if (v === '') return null;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return 'invalid';
}

const norm = (s: string) => normalizeText(s).replace(/\s+/g, '');

/** Each preset's categories by normalised code and name, the first category winning as `find` would. */
const categoryKeys = new WeakMap<Preset, Map<string, string>>();

export function matchCategory(preset: Preset, raw: string): string | null {
  // Built once per preset: otherwise every category's code and name is normalised again for each row.
  let keys = categoryKeys.get(preset);
  if (keys === undefined) {
    keys = new Map();
    for (const c of preset.categories) {
      for (const k of [norm(c.code), norm(c.name)]) if (!keys.has(k)) keys.set(k, c.code);
    }
    categoryKeys.set(preset, keys);
  }
  return keys.get(norm(raw)) ?? null;
}

/** Document type first: the ID rules depend on it. `known` false: the number cannot be judged. */
export function readIdType(r: RowReader): { idType: DocType; known: boolean } {
  const raw = r.text('idType');
  if (!raw) return { idType: '居民身份证', known: true };
  const t = normalizeDocType(raw);
  if (t) return { idType: t, known: true };
  r.problem(
    'idType',
    'ID_FORMAT',
    `证件类型“${raw}”无法识别，应为居民身份证、外籍护照、港澳居民来往内地通行证、台湾居民来往大陆通行证、港澳台居民居住证或外国人永久居留身份证`,
  );
  return { idType: '居民身份证', known: false };
}

/** Declared birth date: a full date or a year-month (出生年月). */
export function readBirthDate(r: RowReader): string | null {
  const c = r.cell('birthDate');
  if (c.type === 'empty' || normalizeText(c.text) === '') return null;
  const full = parseDate(c);
  if (full.ok) return full.value;
  const ym = parseYearMonth(c);
  if (ym.ok) return ym.value;
  r.problem('birthDate', 'DATE_FORMAT', `出生日期：${full.message}`);
  return null;
}

export function readIdNumber(
  r: RowReader,
  type: { idType: DocType; known: boolean },
  today: string,
  birthDate: string | null,
): string {
  // With an unknown document type the number cannot be judged: the type problem is the one to fix.
  if (!r.required('idNumber') || !type.known) return '';
  const v = validateIdCell(r.cell('idNumber'), type.idType, birthDate ? { today, birthDate } : { today });
  if (v.ok) return v.value;
  r.problem('idNumber', v.code, v.message);
  return '';
}

export function readSex(r: RowReader, idNumber: string): string | null {
  const raw = r.text('sex');
  const fromId = idNumber ? idSex(idNumber) : null;
  if (!raw) return fromId;
  let sex: string | null = null;
  if (raw === '男' || raw === '女') sex = raw;
  else if (/^(男性|M|MALE)$/i.test(raw)) sex = '男';
  else if (/^(女性|F|FEMALE)$/i.test(raw)) sex = '女';
  else r.problem('sex', 'VALUE_FORMAT', `性别“${raw}”无法识别，请填写“男”或“女”`);
  if (sex && fromId && sex !== fromId) r.warn('sex', 'SEX_MISMATCH', `性别“${sex}”与证件号码（${fromId}）不一致，请核对`);
  return sex;
}

export function birthDateOrFromId(birthDate: string | null, idNumber: string): string | null {
  return !birthDate && idNumber ? idBirthDate(idNumber) : birthDate;
}

export function readPhone(r: RowReader): string | null {
  if (!r.required('phone')) return null;
  const v = validatePhone(r.cell('phone').type === 'number' ? r.cell('phone').text : r.text('phone'));
  if (v.ok) return v.value;
  r.problem('phone', v.code, v.message);
  return null;
}

export function readEmail(r: RowReader): string | null {
  const email = r.opt('email');
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) r.warn('email', 'EMAIL_FORMAT', `电子邮箱“${email}”格式不对，请核对`);
  return email;
}

export function readGraduationDate(r: RowReader): string | null {
  const c = r.cell('graduationDate');
  if (c.type === 'empty' || normalizeText(c.text) === '') return null;
  const v = parseYearMonth(c);
  if (v.ok) return v.value;
  r.problem('graduationDate', 'DATE_FORMAT', `毕业时间：${v.message}`);
  return null;
}

export function readCategory(r: RowReader, preset: Preset): string | null {
  if (!r.required('category')) return null;
  const raw = r.text('category');
  const category = matchCategory(preset, raw);
  if (!category) {
    r.problem(
      'category',
      'UNKNOWN_CATEGORY',
      `人员类型“${raw}”不在${preset.province}的人员类型中（可选：${preset.categories.map((c) => c.name).join('、')}）`,
    );
  }
  return category;
}

export function readYesNo(r: RowReader, k: ApplicantFieldKey): boolean | null {
  const v = parseYesNo(r.text(k));
  if (v !== 'invalid') return v;
  r.problem(k, 'VALUE_FORMAT', `“${fieldLabel(k)}”应填“是”或“否”，实际为“${r.text(k)}”`);
  return null;
}

export { readChoices, type ChoiceContext } from './choice-fields';

export function readReductionYears(r: RowReader): number {
  const red = r.text('reductionYears');
  if (!red) return 0;
  const n = Number(red.replace(/年$/, ''));
  if ([0, 1, 2].includes(n)) return n;
  r.problem('reductionYears', 'VALUE_FORMAT', `申请减免年限应为 0、1 或 2，实际为“${red}”`);
  return 0;
}

export function readCertificates(r: RowReader): { practisingCertNo: string | null; qualificationCertNo: string | null } {
  const practisingCertNo = r.opt('practisingCertNo');
  if (practisingCertNo && !/^\d{15}$/.test(practisingCertNo)) {
    r.warn('practisingCertNo', 'CERT_FORMAT', `医师执业证书编码一般为 15 位数字，“${practisingCertNo}”请核对`);
  }
  const qualificationCertNo = r.opt('qualificationCertNo');
  if (qualificationCertNo && !/^[0-9A-Z]{10,30}$/i.test(qualificationCertNo)) {
    r.warn('qualificationCertNo', 'CERT_FORMAT', `医师资格证书编码“${qualificationCertNo}”格式少见，请核对`);
  }
  return { practisingCertNo, qualificationCertNo };
}

/** 毕业专业类别: the three the sources distinguish (seed 003 二（一）: 临床医学、口腔、中医（含中西医结合）). */
export function disciplineOf(raw: string | null): '临床' | '口腔' | '中医' | null {
  if (raw === null) return null;
  const v = norm(raw);
  if (/口腔/.test(v)) return '口腔';
  if (/中医|中西医|针灸|推拿|中药/.test(v)) return '中医';
  if (/临床|西医/.test(v)) return '临床';
  return null;
}

/** Kept as written; a value none of the rules can read is flagged so the clerk can correct it. */
export function readDiscipline(r: RowReader): string | null {
  const raw = r.opt('discipline');
  if (raw !== null && disciplineOf(raw) === null) {
    r.warn(
      'discipline',
      'DISCIPLINE_UNKNOWN',
      `毕业专业类别“${raw}”无法识别，请填写临床、口腔或中医（含中西医结合）；资格规则将按“未知”处理`,
    );
  }
  return raw;
}
