/**
 * One row of the provincial platform's trainee export -> a normalised trainee record, or the row's coded
 * problems. Pure. Input noise (spaces, full-width forms, "2022级", "3年", the usual date spellings) is
 * normalised silently; anything else is a problem {row, field, code, message} that says what to fix.
 */
import type { RowProblem } from '../../../shared/contract/applicants';
import type { ExamResult, TraineeFieldKey, TraineeProgram } from '../../../shared/contract/trainees';
import type { Preset } from '../../../shared/preset';
import { matchCategory, parseYesNo } from '../../applicants/validate-row';
import { matchSpecialty, type CatalogueIndex } from '../../catalogue/catalogue';
import { idSex, normalizeDocType, parseDate, validateIdCell, validatePhone, type DocType } from '../../identity';
import { normalizeText, type Cell } from '../../tabular';
import { traineeFieldLabel } from '../fields';

/** The imported fields of one trainee, normalised: what content_hash covers. */
export type TraineeRecord = {
  idType: DocType;
  idNumber: string;
  name: string;
  sex: string | null;
  phone: string | null;
  program: TraineeProgram;
  specialtyCode: string;
  cohortYear: number;
  startDate: string;
  years: number;
  personType: string | null;
  employer: string | null;
  partnerSite: string | null;
  mergedPostgraduate: boolean;
  qualificationCertNo: string | null;
  practisingCertNo: string | null;
  qualificationExam: ExamResult;
  theoryStageExam: ExamResult;
  processAssessment: 'pass' | 'fail' | null;
};

export type TraineeRowContext = {
  preset: Preset;
  catalogue: CatalogueIndex;
  /** The program of a specialty when the file has no 培训项目 column (the admission feature's rule). */
  programOf: (specialtyCode: string, specialtyName: string) => TraineeProgram;
  today: string;
};

export type TraineeRowOutcome = {
  row: number;
  record: TraineeRecord | null;
  /** Which fields the file supplies: only those are compared and updated on re-import. */
  present: Set<TraineeFieldKey>;
  problems: RowProblem[];
  warnings: RowProblem[];
  /** Normalised ID (even when invalid), for duplicate detection. */
  idKey: string;
};

const REQUIRED: readonly TraineeFieldKey[] = ['name', 'idNumber', 'specialty', 'cohortYear'];

const PROGRAMS: Record<string, TraineeProgram> = {
  住培: 'residency',
  住院医师规范化培训: 'residency',
  住院医师: 'residency',
  住院医师培训: 'residency',
  RESIDENCY: 'residency',
  助理全科: 'agp',
  助理全科医生培训: 'agp',
  助理全科医生: 'agp',
  助理全科培训: 'agp',
  AGP: 'agp',
};

const EXAM_RESULTS: Record<string, ExamResult> = {
  合格: 'pass',
  通过: 'pass',
  已通过: 'pass',
  PASS: 'pass',
  不合格: 'fail',
  未通过: 'fail',
  FAIL: 'fail',
  未考: 'none',
  未参加: 'none',
  未参考: 'none',
  缺考: 'none',
  无: 'none',
  NONE: 'none',
};

const squash = (s: string) => normalizeText(s).replace(/\s+/g, '').toUpperCase();

export function parseProgram(raw: string): TraineeProgram | null {
  return PROGRAMS[squash(raw)] ?? null;
}

export function parseExamResult(raw: string): ExamResult | null {
  return EXAM_RESULTS[squash(raw)] ?? null;
}

/** "2022", "2022级", "2022年", a number cell. */
export function parseCohortYear(raw: string): number | null {
  const m = /^(\d{4})(?:\.0+)?(?:级|年|年级)?$/.exec(squash(raw));
  const y = m ? Number(m[1]) : NaN;
  return y >= 2000 && y <= 2100 ? y : null;
}

/** "3", "3年", "3.0". */
export function parseYears(raw: string): number | null {
  const m = /^(\d)(?:\.0+)?年?$/.exec(squash(raw));
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 3 ? n : null;
}

type RowTools = {
  cell: (k: TraineeFieldKey) => Cell;
  text: (k: TraineeFieldKey) => string;
  opt: (k: TraineeFieldKey) => string | null;
  problem: (k: TraineeFieldKey, code: string, message: string) => void;
  warn: (k: TraineeFieldKey, code: string, message: string) => void;
};

function tools(
  cells: Cell[],
  rowNo: number,
  columns: Map<TraineeFieldKey, number>,
  problems: RowProblem[],
  warnings: RowProblem[],
): RowTools {
  const cell = (k: TraineeFieldKey): Cell => {
    const i = columns.get(k);
    return (i === undefined ? undefined : cells[i]) ?? { text: '', type: 'empty' };
  };
  const text = (k: TraineeFieldKey) => normalizeText(cell(k).text);
  const line = (k: TraineeFieldKey, code: string, message: string): RowProblem => ({
    row: rowNo,
    field: traineeFieldLabel(k),
    code,
    message: `第 ${rowNo} 行：${message}`,
  });
  return {
    cell,
    text,
    opt: (k) => text(k) || null,
    problem: (k, code, message) => problems.push(line(k, code, message)),
    warn: (k, code, message) => warnings.push(line(k, code, message)),
  };
}

function identity(t: RowTools, ctx: TraineeRowContext): { idType: DocType; idNumber: string } {
  let idType: DocType = '居民身份证';
  const rawType = t.text('idType');
  if (rawType) {
    const known = normalizeDocType(rawType);
    if (!known) {
      t.problem(
        'idType',
        'ID_FORMAT',
        `证件类型“${rawType}”无法识别，应为居民身份证、外籍护照、港澳居民来往内地通行证、台湾居民来往大陆通行证、港澳台居民居住证或外国人永久居留身份证`,
      );
      // With an unknown document type the number cannot be judged: the type is the thing to fix.
      return { idType, idNumber: '' };
    }
    idType = known;
  }
  if (t.text('idNumber') === '') return { idType, idNumber: '' };
  const r = validateIdCell(t.cell('idNumber'), idType, { today: ctx.today });
  if (r.ok) return { idType, idNumber: r.value };
  t.problem('idNumber', r.code, r.message);
  return { idType, idNumber: '' };
}

function sexOf(t: RowTools, idNumber: string): string | null {
  const raw = t.text('sex');
  const fromId = idNumber ? idSex(idNumber) : null;
  if (!raw) return fromId;
  let sex: string | null = null;
  if (raw === '男' || /^(男性|M|MALE)$/i.test(raw)) sex = '男';
  else if (raw === '女' || /^(女性|F|FEMALE)$/i.test(raw)) sex = '女';
  else t.problem('sex', 'VALUE_FORMAT', `性别“${raw}”无法识别，请填写“男”或“女”`);
  if (sex && fromId && sex !== fromId) t.warn('sex', 'SEX_MISMATCH', `性别“${sex}”与证件号码（${fromId}）不一致，请核对`);
  return sex;
}

function phoneOf(t: RowTools): string | null {
  const c = t.cell('phone');
  const raw = c.type === 'number' ? c.text : t.text('phone');
  if (normalizeText(raw) === '') return null;
  const r = validatePhone(raw);
  if (r.ok) return r.value;
  t.problem('phone', r.code, r.message);
  return null;
}

function specialtyOf(t: RowTools, ctx: TraineeRowContext): { code: string; name: string } | null {
  const raw = t.text('specialty');
  if (!raw) return null;
  const s = matchSpecialty(ctx.catalogue, raw);
  if (s) return { code: s.code, name: s.name };
  t.problem(
    'specialty',
    'UNKNOWN_SPECIALTY',
    `培训专业“${raw}”不在本基地专业目录中，请核对专业名称或代码（本地专业请先在专业目录中添加）`,
  );
  return null;
}

function programOf(t: RowTools, ctx: TraineeRowContext, specialty: { code: string; name: string } | null): TraineeProgram | null {
  const raw = t.text('program');
  if (raw) {
    const p = parseProgram(raw);
    if (!p) t.problem('program', 'VALUE_FORMAT', `培训项目“${raw}”无法识别，请填写“住培”或“助理全科”`);
    return p;
  }
  return specialty ? ctx.programOf(specialty.code, specialty.name) : null;
}

function examOf(t: RowTools, k: 'qualificationExam' | 'theoryStageExam'): ExamResult {
  const raw = t.text(k);
  if (!raw) return 'none';
  const r = parseExamResult(raw);
  if (r) return r;
  t.problem(k, 'VALUE_FORMAT', `“${traineeFieldLabel(k)}”应填“合格”“不合格”或“未考”，实际为“${raw}”`);
  return 'none';
}

function processOf(t: RowTools): 'pass' | 'fail' | null {
  const raw = t.text('processAssessment');
  if (!raw) return null;
  const r = parseExamResult(raw);
  if (r === 'pass' || r === 'fail') return r;
  if (r === 'none') return null;
  t.problem('processAssessment', 'VALUE_FORMAT', `“培训过程考核”应填“合格”或“不合格”，实际为“${raw}”`);
  return null;
}

function cohortOf(t: RowTools): number | null {
  const raw = t.text('cohortYear');
  if (!raw) return null;
  const y = parseCohortYear(raw);
  if (y === null) t.problem('cohortYear', 'VALUE_FORMAT', `年级“${raw}”应为四位年份，如“2022”或“2022级”`);
  return y;
}

function startOf(t: RowTools, cohortYear: number | null): string | null {
  const c = t.cell('startDate');
  if (c.type === 'empty' || normalizeText(c.text) === '') {
    // 学员培训时间从当年9月1日起开始计算 (seed 002, 八（四）).
    return cohortYear === null ? null : `${cohortYear}-09-01`;
  }
  const r = parseDate(c);
  if (!r.ok) {
    t.problem('startDate', 'DATE_FORMAT', `培训开始日期：${r.message}`);
    return null;
  }
  if (cohortYear !== null && Number(r.value.slice(0, 4)) !== cohortYear) {
    t.warn('startDate', 'START_COHORT_MISMATCH', `培训开始日期 ${r.value} 与年级 ${cohortYear} 不在同一年，请核对`);
  }
  return r.value;
}

function yearsOf(t: RowTools, ctx: TraineeRowContext, program: TraineeProgram | null): number | null {
  const raw = t.text('years');
  const standard = program ? ctx.preset.trainingYears[program] : null;
  if (!raw) return standard;
  const n = parseYears(raw);
  if (n === null) {
    t.problem('years', 'VALUE_FORMAT', `培训年限应为 1、2 或 3 年，实际为“${raw}”`);
    return null;
  }
  // 助理全科 cannot reduce its training years (the admission rule); an odd value is worth a look.
  if (program === 'agp' && standard !== null && n !== standard) {
    t.warn('years', 'YEARS_UNUSUAL', `助理全科医生培训为 ${standard} 年，这一行填写了 ${n} 年，请核对`);
  }
  return n;
}

function personTypeOf(t: RowTools, ctx: TraineeRowContext): string | null {
  const raw = t.text('personType');
  if (!raw) return null;
  const code = matchCategory(ctx.preset, raw);
  if (code) return code;
  // Earlier cohorts were recruited under other rules: keep the platform's word, flag it.
  t.warn('personType', 'UNKNOWN_CATEGORY', `人员类型“${raw}”不在${ctx.preset.province}当前的人员类型中，按原文保存`);
  return raw;
}

function certificates(t: RowTools, qualificationExam: ExamResult) {
  const practisingCertNo = t.opt('practisingCertNo');
  if (practisingCertNo && !/^\d{15}$/.test(practisingCertNo)) {
    t.warn('practisingCertNo', 'CERT_FORMAT', `医师执业证书编码一般为 15 位数字，“${practisingCertNo}”请核对`);
  }
  const qualificationCertNo = t.opt('qualificationCertNo');
  if (qualificationCertNo && !/^[0-9A-Z]{10,30}$/i.test(qualificationCertNo)) {
    t.warn('qualificationCertNo', 'CERT_FORMAT', `医师资格证书编码“${qualificationCertNo}”格式少见，请核对`);
  }
  if (qualificationCertNo && qualificationExam === 'fail') {
    t.warn('qualificationExam', 'QUALIFICATION_MISMATCH', '已填写医师资格证书编号，但医师资格考试成绩为“不合格”，请核对');
  }
  return { qualificationCertNo, practisingCertNo };
}

export function validateTraineeRow(
  cells: Cell[],
  rowNo: number,
  columns: Map<TraineeFieldKey, number>,
  ctx: TraineeRowContext,
): TraineeRowOutcome {
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const t = tools(cells, rowNo, columns, problems, warnings);
  for (const k of REQUIRED) {
    if (columns.has(k) && t.text(k) === '') t.problem(k, 'REQUIRED_MISSING', `“${traineeFieldLabel(k)}”为必填项，不能为空`);
  }
  const name = t.text('name');
  const { idType, idNumber } = identity(t, ctx);
  const sex = sexOf(t, idNumber);
  const phone = phoneOf(t);
  const specialty = specialtyOf(t, ctx);
  const program = programOf(t, ctx, specialty);
  const cohortYear = cohortOf(t);
  const startDate = startOf(t, cohortYear);
  const years = yearsOf(t, ctx, program);
  const personType = personTypeOf(t, ctx);
  const merged = parseYesNo(t.text('mergedPostgraduate'));
  if (merged === 'invalid') {
    t.problem('mergedPostgraduate', 'VALUE_FORMAT', `“是否并轨研究生”应填“是”或“否”，实际为“${t.text('mergedPostgraduate')}”`);
  }
  const qualificationExam = examOf(t, 'qualificationExam');
  const theoryStageExam = examOf(t, 'theoryStageExam');
  const processAssessment = processOf(t);
  const certs = certificates(t, qualificationExam);

  const complete = problems.length === 0 && specialty && program && cohortYear !== null && startDate && years !== null;
  const record: TraineeRecord | null = complete
    ? {
        idType,
        idNumber,
        name,
        sex,
        phone,
        program,
        specialtyCode: specialty.code,
        cohortYear,
        startDate,
        years,
        personType,
        employer: t.opt('employer'),
        partnerSite: t.opt('partnerSite'),
        mergedPostgraduate: merged === true,
        ...certs,
        qualificationExam,
        theoryStageExam,
        processAssessment,
      }
    : null;
  const idKey = normalizeText(t.cell('idNumber').text).replace(/\s+/g, '').toUpperCase();
  return { row: rowNo, record, present: new Set(columns.keys()), problems, warnings, idKey };
}

/** Every row sharing an ID number with another row of the same file is refused, all of them. */
export function markDuplicateTrainees(outcomes: TraineeRowOutcome[]): void {
  const byId = new Map<string, TraineeRowOutcome[]>();
  for (const o of outcomes) {
    const key = o.record?.idNumber ?? o.idKey;
    if (!key) continue;
    byId.set(key, [...(byId.get(key) ?? []), o]);
  }
  for (const list of byId.values()) {
    if (list.length < 2) continue;
    for (const o of list) {
      const others = list.filter((x) => x !== o).map((x) => x.row);
      o.problems.push({
        row: o.row,
        field: traineeFieldLabel('idNumber'),
        code: 'DUPLICATE_IN_FILE',
        message: `第 ${o.row} 行：证件号码与第 ${others.join('、')} 行重复，同一人在文件中出现了多次。请删除重复行后重新导入`,
      });
      o.record = null;
    }
  }
}
