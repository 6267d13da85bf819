import { pinyinInitials } from '../identity/pinyin';
import { idBirthDate, idSex } from '../identity/id-number';
import type { Rng } from './rng';
import { makeIdNumber, makeName, makePhone, type Sex } from './people';

/** Columns of a provincial platform's applicant export, in the platform's order. */
export const APPLICANT_FIELDS = [
  '姓名',
  '性别',
  '证件类型',
  '证件号码',
  '民族',
  '出生日期',
  '手机号码',
  '电子邮箱',
  '最高学历',
  '最高学位',
  '毕业院校',
  '毕业专业',
  '毕业时间',
  '人员类型',
  '工作单位',
  '是否农村订单定向',
  '医师资格证书编号',
  '医师执业证书编号',
  '第一志愿',
  '第二志愿',
  '第三志愿',
  '是否服从调剂',
] as const;

export type ApplicantField = (typeof APPLICANT_FIELDS)[number];
export type Applicant = Record<ApplicantField, string>;

export type ApplicantOptions = {
  /** Specialties to choose from (the base's catalogue); default: a short example list. */
  specialties?: readonly string[];
  /** Applicant categories (province data); default: 单位人 / 委培人 / 社会人 / 在校专硕. */
  categories?: readonly string[];
  /** How many choices to fill (1-3); default 3 (Beijing). Jilin uses 1, Chongqing 2. */
  choices?: 1 | 2 | 3;
  /** Inclusive birth-year range. */
  birthYear?: readonly [number, number];
};

/** Example lists only: real catalogues and categories are province data. */
export const EXAMPLE_SPECIALTIES = [
  '内科',
  '外科',
  '儿科',
  '全科',
  '妇产科',
  '急诊科',
  '麻醉科',
  '放射科',
  '骨科',
  '眼科',
] as const;
export const EXAMPLE_CATEGORIES = ['单位人', '委培人', '社会人', '在校专硕'] as const;

const ETHNIC = [
  '汉族',
  '汉族',
  '汉族',
  '汉族',
  '汉族',
  '汉族',
  '汉族',
  '汉族',
  '满族',
  '回族',
  '壮族',
  '朝鲜族',
  '蒙古族',
  '土家族',
  '苗族',
];
const SCHOOLS = [
  '吉林大学',
  '重庆医科大学',
  '福建医科大学',
  '北京大学',
  '首都医科大学',
  '中国医科大学',
  '哈尔滨医科大学',
  '四川大学',
  '中南大学',
  '武汉大学',
  '北华大学',
  '延边大学',
];
const MAJORS_UG = ['临床医学', '临床医学', '临床医学', '麻醉学', '医学影像学', '儿科学', '全科医学'];
const MAJORS_PG = ['内科学', '外科学', '儿科学', '妇产科学', '急诊医学', '麻醉学', '影像医学与核医学', '全科医学'];
const EMPLOYERS = ['市第一人民医院', '市中心医院', '县人民医院', '区人民医院', '县中医院', '镇卫生院', '社区卫生服务中心'];
const CITIES = ['长春', '吉林', '延吉', '重庆', '万州', '福州', '泉州', '北京', '通化', '四平'];
/** Two-digit codes used in the generated 医师资格证书编号 (its real structure is unverified). */
const PROVINCE_CODES = ['11', '22', '35', '50'];

type Person = { sex: Sex; name: string; id: string; birth: string; birthYear: number };

/** Who the applicant is. The sex must agree with the ID's 17th digit, whichever of the two was given. */
function makePerson(rng: Rng, overrides: Partial<Applicant> | undefined, opts: ApplicantOptions | undefined): Person {
  const given = overrides?.性别 === '男' || overrides?.性别 === '女' ? overrides.性别 : null;
  const sex: Sex = given ?? (overrides?.证件号码 ? idSex(overrides.证件号码) : null) ?? (rng.chance(0.5) ? '男' : '女');
  const name = overrides?.姓名 ?? makeName(rng, sex);
  const id = overrides?.证件号码 ?? makeIdNumber(rng, { sex, birthYear: opts?.birthYear ?? [1990, 2001] });
  const birth = idBirthDate(id) ?? '';
  return { sex, name, id, birth, birthYear: Number(birth.slice(0, 4)) || 1995 };
}

/** The highest degree, and the graduation year it implies for someone born in birthYear. */
function makeEducation(rng: Rng, birthYear: number) {
  const level = rng.pick(['本科', '本科', '本科', '硕士研究生', '硕士研究生', '博士研究生'] as const);
  const degree = level === '本科' ? '学士' : level === '硕士研究生' ? '硕士' : '博士';
  const gradYear = birthYear + (level === '本科' ? 23 : level === '硕士研究生' ? 26 : 29);
  return { level, degree, gradYear };
}

/** Rural order-oriented students may only apply for 全科 (Jilin and Beijing rules); others name up to `wanted`. */
function makeChoices(rng: Rng, specialties: readonly string[], wanted: number, rural: boolean): string[] {
  const general = specialties.find((s) => s.includes('全科'));
  if (rural && general) return [general];
  const choices: string[] = [];
  const pool = [...specialties];
  for (let i = 0; i < wanted; i++) {
    const k = rng.int(0, pool.length - 1);
    choices.push(pool.splice(k, 1)[0]!);
    if (i > 0 && rng.chance(0.3)) break;
  }
  return choices;
}

/** 医师资格证书 for some, and a 医师执业证书 for some of those. */
function makeLicences(rng: Rng, gradYear: number, id: string): { qualification: string; practising: string } {
  const hasQualification = rng.chance(0.4);
  const qualification = hasQualification ? `${gradYear + 1}${rng.pick(PROVINCE_CODES)}1${String(rng.int(10, 40))}${id}` : '';
  const practising = hasQualification && rng.chance(0.6) ? `1${String(rng.int(0, 10 ** 14 - 1)).padStart(14, '0')}` : '';
  return { qualification, practising };
}

/**
 * One generated applicant as a provincial platform exports them. Never real people: names, numbers and
 * e-mail addresses (example.com) are made up. `overrides` win over generated values. The helpers draw from
 * `rng` in a fixed order (tests and benchmarks rely on a seed giving the same records), so calls stay in this order.
 */
export function makeApplicant(rng: Rng, overrides?: Partial<Applicant>, opts?: ApplicantOptions): Applicant {
  const specialties = opts?.specialties ?? EXAMPLE_SPECIALTIES;
  const { sex, name, id, birth, birthYear } = makePerson(rng, overrides, opts);
  const { level, degree, gradYear } = makeEducation(rng, birthYear);
  const category = rng.pick(opts?.categories ?? EXAMPLE_CATEGORIES);
  const employed = /单位|委培|委托/.test(category);
  const rural = rng.chance(0.05);
  const choices = makeChoices(rng, specialties, Math.min(opts?.choices ?? 3, specialties.length), rural);
  const { qualification, practising } = makeLicences(rng, gradYear, id);

  const applicant: Applicant = {
    姓名: name,
    性别: sex,
    证件类型: '居民身份证',
    证件号码: id,
    民族: rng.pick(ETHNIC),
    出生日期: birth,
    手机号码: makePhone(rng),
    电子邮箱: `${pinyinInitials(name) || 'user'}${rng.int(100, 9999)}@example.com`,
    最高学历: level,
    最高学位: degree,
    毕业院校: rng.pick(SCHOOLS),
    毕业专业: level === '本科' ? rng.pick(MAJORS_UG) : rng.pick(MAJORS_PG),
    毕业时间: `${gradYear}-${rng.chance(0.9) ? '07' : '06'}`,
    人员类型: category,
    工作单位: employed ? rng.pick(CITIES) + rng.pick(EMPLOYERS) : '',
    是否农村订单定向: rural ? '是' : '否',
    医师资格证书编号: qualification,
    医师执业证书编号: practising,
    第一志愿: choices[0] ?? '',
    第二志愿: choices[1] ?? '',
    第三志愿: choices[2] ?? '',
    是否服从调剂: rng.chance(0.7) ? '是' : '否',
  };
  return { ...applicant, ...stripUndefined(overrides ?? {}) };
}

/** `count` applicants with distinct ID numbers. */
export function makeApplicants(rng: Rng, count: number, opts?: ApplicantOptions): Applicant[] {
  const seen = new Set<string>();
  const out: Applicant[] = [];
  while (out.length < count) {
    const a = makeApplicant(rng, undefined, opts);
    if (seen.has(a.证件号码)) continue;
    seen.add(a.证件号码);
    out.push(a);
  }
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
