import { createRng, type Rng } from './rng';
import { makeIdNumber, makeName, makePhone, type Sex } from './people';
import { idSex } from '../identity/id-number';
import { writeCsv, writeXlsx } from './write';

/** Columns of a provincial platform's trainee export, in the platform's order. */
export const TRAINEE_COLUMNS = [
  '姓名',
  '证件类型',
  '证件号码',
  '性别',
  '手机号码',
  '培训项目',
  '培训专业',
  '年级',
  '培训开始日期',
  '培训年限',
  '人员类型',
  '工作单位',
  '协同单位',
  '是否并轨研究生',
  '医师资格证书编号',
  '医师执业证书编号',
  '医师资格考试成绩',
  '集中理论培训阶段考试',
  '培训过程考核',
] as const;

export type TraineeColumn = (typeof TRAINEE_COLUMNS)[number];
export type TraineeRow = Record<TraineeColumn, string>;

export type TraineeOptions = {
  /** Specialty names to choose from; default: a short example list of national ones. */
  specialties?: readonly string[];
  /** 人员类型 values; default 单位人 / 社会人. */
  personTypes?: readonly string[];
  /** Inclusive range of cohorts (年级); default 2022-2024. */
  cohorts?: readonly [number, number];
  /** Share of 助理全科 trainees; default 0. */
  agpShare?: number;
};

const SPECIALTIES = ['内科', '外科', '儿科', '全科', '妇产科', '急诊科', '麻醉科', '放射科'] as const;
const EMPLOYERS = ['市第一人民医院', '县人民医院', '区中心医院', '镇卫生院', '社区卫生服务中心'];
const PARTNERS = ['市第二人民医院', '县中医院'];
const EXAMS = ['合格', '合格', '不合格', '未考'] as const;

/** The sex must agree with the ID's 17th digit, whichever of the two was given. */
function makeIdentity(rng: Rng, overrides: Partial<TraineeRow> | undefined, cohort: number): { sex: Sex; id: string } {
  const given = overrides?.性别 === '男' || overrides?.性别 === '女' ? overrides.性别 : null;
  const sex: Sex = given ?? (overrides?.证件号码 ? idSex(overrides.证件号码) : null) ?? (rng.chance(0.5) ? '男' : '女');
  const id = overrides?.证件号码 ?? makeIdNumber(rng, { sex, birthYear: [cohort - 30, cohort - 22] });
  return { sex, id };
}

/** Earlier cohorts have sat the 医师资格考试; a pass brings a 医师资格证书. */
function makeQualification(rng: Rng, seniors: boolean, cohort: number, id: string) {
  const exam = seniors ? rng.pick(EXAMS) : '未考';
  const qualification = exam === '合格' ? `${cohort + 1}${rng.pick(['22', '50'])}1${rng.int(10, 40)}${id}` : '';
  return { exam, qualification };
}

/**
 * One generated trainee as the provincial platform exports them. Never real people. A 3-year residency
 * trainee of an early cohort has usually sat the qualification and stage examinations; later ones not yet.
 * `overrides` win over generated values.
 */
export function makeTrainee(rng: Rng, overrides?: Partial<TraineeRow>, opts?: TraineeOptions): TraineeRow {
  // Draws from rng in a fixed order (a seed must keep giving the same trainees): keep the calls in this order.
  const [from, to] = opts?.cohorts ?? [2022, 2024];
  const cohort = rng.int(from, to);
  const agp = rng.chance(opts?.agpShare ?? 0);
  const { sex, id } = makeIdentity(rng, overrides, cohort);
  const personType = rng.pick(opts?.personTypes ?? ['单位人', '社会人']);
  const seniors = cohort <= to - 1;
  const { exam, qualification } = makeQualification(rng, seniors, cohort, id);
  const row: TraineeRow = {
    姓名: makeName(rng, sex),
    证件类型: '居民身份证',
    证件号码: id,
    性别: sex,
    手机号码: makePhone(rng),
    培训项目: agp ? '助理全科' : '住培',
    培训专业: agp ? '全科' : rng.pick(opts?.specialties ?? SPECIALTIES),
    年级: String(cohort),
    培训开始日期: `${cohort}-09-01`,
    培训年限: agp ? '2' : rng.chance(0.1) ? '2' : '3',
    人员类型: personType,
    工作单位: personType === '单位人' ? rng.pick(EMPLOYERS) : '',
    协同单位: rng.chance(0.1) ? rng.pick(PARTNERS) : '',
    是否并轨研究生: rng.chance(0.15) ? '是' : '否',
    医师资格证书编号: qualification,
    医师执业证书编号: qualification && rng.chance(0.6) ? `1${String(rng.int(0, 10 ** 14 - 1)).padStart(14, '0')}` : '',
    医师资格考试成绩: exam,
    集中理论培训阶段考试: seniors ? rng.pick(EXAMS) : '未考',
    培训过程考核: seniors ? rng.pick(['合格', '合格', '不合格']) : '',
  };
  return { ...row, ...Object.fromEntries(Object.entries(overrides ?? {}).filter(([, v]) => v !== undefined)) };
}

/** `count` trainees with distinct ID numbers, from a fixed seed. */
export function makeTrainees(seed: number, count: number, opts?: TraineeOptions): TraineeRow[] {
  const rng = createRng(seed);
  const seen = new Set<string>();
  const out: TraineeRow[] = [];
  while (out.length < count) {
    const t = makeTrainee(rng, undefined, opts);
    if (seen.has(t.证件号码)) continue;
    seen.add(t.证件号码);
    out.push(t);
  }
  return out;
}

/** Header + rows as arrays, so a test can drop or damage a column. */
export function traineeMatrix(rows: readonly TraineeRow[], columns: readonly TraineeColumn[] = TRAINEE_COLUMNS): string[][] {
  return [[...columns], ...rows.map((r) => columns.map((c) => r[c]))];
}

/** The platform export as CSV (UTF-8 with BOM, or GB18030 as Excel on Chinese Windows saves it). */
export function traineesCsv(rows: readonly TraineeRow[], encoding: 'utf-8' | 'gb18030' = 'utf-8'): Uint8Array {
  return writeCsv(traineeMatrix(rows), { encoding });
}

export function traineesXlsx(rows: readonly TraineeRow[], opts?: { idAsNumber?: boolean }): Promise<Uint8Array> {
  return writeXlsx(rows, { sheetName: '在培学员', ...(opts?.idAsNumber ? { idAsNumber: true } : {}) });
}
