/**
 * One spreadsheet row -> a normalised applicant record, or the row's problems. Pure. Noise (spaces,
 * full-width forms, lowercase x, +86 and separators, the usual date spellings) is normalised silently;
 * everything else is a coded problem with the row, the field and a message that says what to do.
 */
import type { ApplicantFieldKey, RowProblem } from '../../shared/contract/applicants';
import type { Preset } from '../../shared/preset';
import { matchSpecialty, type CatalogueIndex } from '../catalogue/catalogue';
import { idBirthDate, idSex, normalizeDocType, parseDate, parseYearMonth, validateIdCell, validatePhone } from '../identity';
import type { DocType } from '../identity';
import { normalizeText } from '../tabular';
import type { Cell } from '../tabular';
import { fieldLabel } from './fields';

/** The imported fields of one applicant, normalised: what content_hash covers. */
export type ApplicantRecord = {
  idType: DocType;
  idNumber: string;
  name: string;
  sex: string | null;
  ethnicity: string | null;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  highestEducation: string | null;
  highestDegree: string | null;
  school: string | null;
  major: string | null;
  graduationDate: string | null;
  fullTime: boolean | null;
  category: string | null;
  employer: string | null;
  ruralOriented: boolean;
  qualificationCertNo: string | null;
  practisingCertNo: string | null;
  choices: string[];
  acceptsAdjustment: boolean;
  reductionYears: number;
};

export type RowContext = {
  preset: Preset;
  catalogue: CatalogueIndex;
  /** Specialty codes an applicant may choose: this year's plan, or the active catalogue without a plan. */
  allowed: Set<string>;
  allowedFrom: 'plan' | 'catalogue';
  today: string;
};

export type RowOutcome = {
  row: number;
  record: ApplicantRecord | null;
  /** Which fields the file supplies (only those are compared and updated on re-import). */
  present: Set<ApplicantFieldKey>;
  problems: RowProblem[];
  warnings: RowProblem[];
  /** Normalised ID (even when invalid) for duplicate detection. */
  idKey: string;
};

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

export function matchCategory(preset: Preset, raw: string): string | null {
  const v = norm(raw);
  const hit = preset.categories.find((c) => norm(c.code) === v || norm(c.name) === v);
  return hit ? hit.code : null;
}

export function validateRow(cells: Cell[], rowNo: number, columns: Map<ApplicantFieldKey, number>, ctx: RowContext): RowOutcome {
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const present = new Set<ApplicantFieldKey>(columns.keys());
  const cell = (k: ApplicantFieldKey): Cell => {
    const i = columns.get(k);
    return (i === undefined ? undefined : cells[i]) ?? { text: '', type: 'empty' };
  };
  const text = (k: ApplicantFieldKey): string => normalizeText(cell(k).text);
  const opt = (k: ApplicantFieldKey): string | null => text(k) || null;
  const problem = (k: ApplicantFieldKey, code: string, message: string) =>
    problems.push({ row: rowNo, field: fieldLabel(k), code, message: `第 ${rowNo} 行：${message}` });
  const warn = (k: ApplicantFieldKey, code: string, message: string) =>
    warnings.push({ row: rowNo, field: fieldLabel(k), code, message: `第 ${rowNo} 行：${message}` });
  const required = (k: ApplicantFieldKey): boolean => {
    // A column the file does not have is reported once for the file (COLUMN_MISSING), not on every row.
    if (!columns.has(k)) return false;
    if (text(k) !== '') return true;
    problem(k, 'REQUIRED_MISSING', `“${fieldLabel(k)}”为必填项，不能为空`);
    return false;
  };

  const name = text('name');
  required('name');

  // Document type first: the ID rules depend on it.
  let idType: DocType = '居民身份证';
  let typeKnown = true;
  const rawType = text('idType');
  if (rawType) {
    const t = normalizeDocType(rawType);
    if (t) idType = t;
    else {
      typeKnown = false;
      problem(
        'idType',
        'ID_FORMAT',
        `证件类型“${rawType}”无法识别，应为居民身份证、外籍护照、港澳居民来往内地通行证、台湾居民来往大陆通行证、港澳台居民居住证或外国人永久居留身份证`,
      );
    }
  }

  // Declared birth date: a full date or a year-month (出生年月).
  let birthDate: string | null = null;
  const birthCell = cell('birthDate');
  if (birthCell.type !== 'empty' && normalizeText(birthCell.text) !== '') {
    const full = parseDate(birthCell);
    const ym = full.ok ? null : parseYearMonth(birthCell);
    if (full.ok) birthDate = full.value;
    else if (ym?.ok) birthDate = ym.value;
    else problem('birthDate', 'DATE_FORMAT', `出生日期：${full.message}`);
  }

  const idRaw = cell('idNumber');
  let idNumber = '';
  const idKey = normalizeText(idRaw.text).replace(/\s+/g, '').toUpperCase();
  // With an unknown document type the number cannot be judged: the type problem is the one to fix.
  if (required('idNumber') && typeKnown) {
    const r = validateIdCell(idRaw, idType, { today: ctx.today, ...(birthDate ? { birthDate } : {}) });
    if (r.ok) idNumber = r.value;
    else problem('idNumber', r.code, r.message);
  }

  let sex: string | null = null;
  const rawSex = text('sex');
  const fromId = idNumber ? idSex(idNumber) : null;
  if (rawSex) {
    if (rawSex === '男' || rawSex === '女') sex = rawSex;
    else if (/^(男性|M|MALE)$/i.test(rawSex)) sex = '男';
    else if (/^(女性|F|FEMALE)$/i.test(rawSex)) sex = '女';
    else problem('sex', 'VALUE_FORMAT', `性别“${rawSex}”无法识别，请填写“男”或“女”`);
    if (sex && fromId && sex !== fromId) warn('sex', 'SEX_MISMATCH', `性别“${sex}”与证件号码（${fromId}）不一致，请核对`);
  } else sex = fromId;
  if (!birthDate && idNumber) birthDate = idBirthDate(idNumber);

  let phone: string | null = null;
  if (required('phone')) {
    const r = validatePhone(cell('phone').type === 'number' ? cell('phone').text : text('phone'));
    if (r.ok) phone = r.value;
    else problem('phone', r.code, r.message);
  }

  const email = opt('email');
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) warn('email', 'EMAIL_FORMAT', `电子邮箱“${email}”格式不对，请核对`);

  let graduationDate: string | null = null;
  const gradCell = cell('graduationDate');
  if (gradCell.type !== 'empty' && normalizeText(gradCell.text) !== '') {
    const r = parseYearMonth(gradCell);
    if (r.ok) graduationDate = r.value;
    else problem('graduationDate', 'DATE_FORMAT', `毕业时间：${r.message}`);
  }

  let category: string | null = null;
  if (required('category')) {
    const raw = text('category');
    category = matchCategory(ctx.preset, raw);
    if (!category) {
      problem(
        'category',
        'UNKNOWN_CATEGORY',
        `人员类型“${raw}”不在${ctx.preset.province}的人员类型中（可选：${ctx.preset.categories.map((c) => c.name).join('、')}）`,
      );
    }
  }

  const yesNo = (k: ApplicantFieldKey): boolean | null => {
    const v = parseYesNo(text(k));
    if (v === 'invalid') {
      problem(k, 'VALUE_FORMAT', `“${fieldLabel(k)}”应填“是”或“否”，实际为“${text(k)}”`);
      return null;
    }
    return v;
  };
  const ruralOriented = yesNo('ruralOriented') ?? false;
  const acceptsAdjustment = yesNo('acceptsAdjustment') ?? false;
  const fullTime = yesNo('fullTime');

  const choices: string[] = [];
  required('choice1');
  for (const k of ['choice1', 'choice2', 'choice3'] as const) {
    const raw = text(k);
    if (!raw) continue;
    const s = matchSpecialty(ctx.catalogue, raw);
    if (!s || !ctx.allowed.has(s.code)) {
      const where = ctx.allowedFrom === 'plan' ? '本基地本年度招收计划' : '本基地专业目录';
      problem(k, 'UNKNOWN_SPECIALTY', `${fieldLabel(k)}“${raw}”不是${where}中的专业，请核对专业名称`);
      continue;
    }
    if (choices.includes(s.code)) warn(k, 'CHOICE_REPEATED', `${fieldLabel(k)}“${raw}”与前面的志愿重复`);
    else choices.push(s.code);
  }
  if (choices.length > ctx.preset.choices) {
    warn(
      'choice1',
      'TOO_MANY_CHOICES',
      `填写了 ${choices.length} 个志愿，${ctx.preset.province}每人限报 ${ctx.preset.choices} 个`,
    );
  }

  let reductionYears = 0;
  const red = text('reductionYears');
  if (red) {
    const n = Number(red.replace(/年$/, ''));
    if ([0, 1, 2].includes(n)) reductionYears = n;
    else problem('reductionYears', 'VALUE_FORMAT', `申请减免年限应为 0、1 或 2，实际为“${red}”`);
  }

  const practisingCertNo = opt('practisingCertNo');
  if (practisingCertNo && !/^\d{15}$/.test(practisingCertNo)) {
    warn('practisingCertNo', 'CERT_FORMAT', `医师执业证书编码一般为 15 位数字，“${practisingCertNo}”请核对`);
  }
  const qualificationCertNo = opt('qualificationCertNo');
  if (qualificationCertNo && !/^[0-9A-Z]{10,30}$/i.test(qualificationCertNo)) {
    warn('qualificationCertNo', 'CERT_FORMAT', `医师资格证书编码“${qualificationCertNo}”格式少见，请核对`);
  }

  const record: ApplicantRecord | null =
    problems.length > 0
      ? null
      : {
          idType,
          idNumber,
          name,
          sex,
          ethnicity: opt('ethnicity'),
          birthDate,
          phone,
          email,
          highestEducation: opt('highestEducation'),
          highestDegree: opt('highestDegree'),
          school: opt('school'),
          major: opt('major'),
          graduationDate,
          fullTime,
          category,
          employer: opt('employer'),
          ruralOriented,
          qualificationCertNo,
          practisingCertNo,
          choices,
          acceptsAdjustment,
          reductionYears,
        };
  return { row: rowNo, record, present, problems, warnings, idKey };
}

/** Mark every row sharing an ID with another row of the same file; none of them is imported. */
export function markDuplicates(outcomes: RowOutcome[], idLabel: string): void {
  const byId = new Map<string, RowOutcome[]>();
  for (const o of outcomes) {
    const key = o.record?.idNumber ?? o.idKey;
    if (!key) continue;
    const list = byId.get(key);
    if (list) list.push(o);
    else byId.set(key, [o]);
  }
  for (const list of byId.values()) {
    if (list.length < 2) continue;
    const rows = list.map((o) => o.row);
    for (const o of list) {
      const others = rows.filter((r) => r !== o.row).join('、');
      o.problems.push({
        row: o.row,
        field: idLabel,
        code: 'DUPLICATE_IN_FILE',
        message: `第 ${o.row} 行：证件号码与第 ${others} 行重复，同一人在文件中出现了多次。请删除重复行后重新导入（这些行都未导入）`,
      });
      o.record = null;
    }
  }
}
