import type { Department, Scheme, SchemeRow, SchedulerInput, TraineeToPlan } from '../rotation/rules/types';
import { cohortStartSlot } from '../rotation/rules/slots';
import { createRng, type Rng } from './rng';

/**
 * A generated base for rotation planning: specialty schemes (examples, not the national tables), base
 * departments mapped many-to-many onto standard departments, 协同单位 and a 基层 site, and cohorts of
 * trainees with some reduced-year (mustServe) trainees and some leave. Capacities are sized from the
 * steady-state demand times `slack`, so the instance is tight but feasible for slack > 1.
 */

export type RotationInstanceOptions = {
  seed?: number;
  cohorts?: number;
  perCohort?: number;
  specialties?: number;
  departments?: number;
  firstCohort?: number;
  /** Capacity over steady-state demand (default 1.3). */
  slack?: number;
  /** Share of the newest cohort on a reduced-year personal list (default 0.05). */
  reducedShare?: number;
  /** Share of trainees with recorded leave (default 0.02). */
  leaveShare?: number;
};

export type RotationInstance = { input: SchedulerInput; schemes: Scheme[]; departments: Department[] };

/** Standard departments (标准科室) used by the generated schemes. */
export const EXAMPLE_STANDARD_DEPARTMENTS = [
  '心血管内科',
  '呼吸内科',
  '消化内科',
  '肾脏内科',
  '内分泌科',
  '血液内科',
  '感染科',
  '风湿免疫科',
  '神经内科',
  '急诊科',
  '重症医学科',
  '普通外科',
  '骨科',
  '泌尿外科',
  '胸心外科',
  '神经外科',
  '麻醉科',
  '妇科',
  '产科',
  '儿科',
  '新生儿科',
  '眼科',
  '耳鼻咽喉科',
  '皮肤科',
  '精神科',
  '康复医学科',
  '全科医学科',
  '放射科',
  '超声医学科',
  '检验科',
  '病理科',
  '肿瘤内科',
  '老年医学科',
  '口腔科',
  '中医科',
  '基层实践',
] as const;

/** Departments that live at a 协同单位 (the base has none of its own) and the 基层 site. */
const PARTNER = new Map([
  ['精神科', '市精神卫生中心'],
  ['康复医学科', '市康复医院'],
]);
const PRIMARY = '基层实践';

export function makeRotationInstance(options: RotationInstanceOptions = {}): RotationInstance {
  const o = {
    seed: 2025,
    cohorts: 3,
    perCohort: 200,
    specialties: 20,
    departments: 60,
    firstCohort: 2023,
    slack: 1.3,
    reducedShare: 0.05,
    leaveShare: 0.02,
    ...options,
  };
  const rng = createRng(o.seed);
  const stds = [...EXAMPLE_STANDARD_DEPARTMENTS];
  const schemes = Array.from({ length: o.specialties }, (_, i) => makeScheme(rng, stds, i));
  const trainees = makeTrainees(rng, schemes, o);
  const departments = makeDepartments(rng, stds, schemes, trainees.length, o);
  return {
    input: { trainees, departments, occupied: new Map(), now: cohortStartSlot(o.firstCohort), seed: o.seed },
    schemes,
    departments,
  };
}

const row = (standardDepartment: string, months: number, extra: Partial<SchemeRow> = {}): SchemeRow => ({
  standardDepartment,
  months,
  kind: 'required',
  electiveGroup: null,
  stage: null,
  siteType: standardDepartment === PRIMARY ? 'primary' : PARTNER.has(standardDepartment) ? 'partner' : 'base',
  splittable: false,
  ...extra,
});

/** A 3-year scheme of 33 or 36 months: a home department, stage rows, short rotations and one elective group. */
function makeScheme(rng: Rng, stds: string[], i: number): Scheme {
  const clinical = stds.filter((s) => s !== PRIMARY && !PARTNER.has(s));
  const home = clinical[i % clinical.length]!;
  const total = rng.chance(0.5) ? 33 : 36;
  const rows: SchemeRow[] = [];
  const used = new Set([home]);
  const take = (candidates: string[]): string => {
    const free = candidates.filter((s) => !used.has(s));
    const s = rng.pick(free);
    used.add(s);
    return s;
  };
  rows.push(row(take(['急诊科', '重症医学科']), 2, { stage: 1 }));
  if (rng.chance(0.5)) rows.push(row(take([...PARTNER.keys()]), rng.pick([1, 2])));
  if (i % 5 === 0) rows.push(row(PRIMARY, 2, { splittable: true }));
  const shortCount = rng.int(6, 9);
  const sum = (): number => rows.reduce((a, r) => a + r.months, 0);
  for (let k = 0; k < shortCount; k++) {
    const months = rng.pick([1, 1.5, 2, 2, 3]);
    // Leave at least 8 months for the home department and 2 for the elective group.
    if (sum() + months > total - 10) break;
    rows.push(row(take(clinical), months, { splittable: rng.chance(0.2) }));
  }
  const options = [take(clinical), take(clinical), take(clinical)];
  const electiveGroups = [{ name: '选修', months: 2 }];
  options.forEach((s, k) => rows.push(row(s, k === 2 ? 2 : 1, { kind: 'elective', electiveGroup: '选修' })));
  const fixed = rows.filter((r) => r.kind === 'required').reduce((a, r) => a + r.months, 0) + 2;
  // The home department takes what is left, the last part of it in year 3 (the 专业 consolidation).
  const homeMonths = total - fixed;
  const late = Math.min(6, Math.max(0, homeMonths - 3));
  rows.unshift(row(home, homeMonths - late));
  if (late > 0) rows.push(row(`${home}（高年资）`, late, { stage: 3 }));
  return {
    program: 'residency',
    specialtyCode: String(100 * (i + 1)).padStart(4, '0'),
    years: 3,
    rows,
    electiveGroups,
    example: true,
    home,
  };
}

function makeTrainees(rng: Rng, schemes: Scheme[], o: Required<RotationInstanceOptions>): TraineeToPlan[] {
  const out: TraineeToPlan[] = [];
  for (let c = 0; c < o.cohorts; c++) {
    const year = o.firstCohort + c;
    const start = cohortStartSlot(year);
    for (let k = 0; k < o.perCohort; k++) {
      const scheme = schemes[k % schemes.length]!;
      const reduced = c === o.cohorts - 1 && rng.chance(o.reducedShare);
      const leave = rng.chance(o.leaveShare) ? [{ from: start + rng.int(4, 40), to: 0 }] : [];
      for (const l of leave) l.to = l.from + rng.int(1, 4);
      out.push({
        id: `T${year}-${String(k + 1).padStart(3, '0')}`,
        label: `学员${year}-${k + 1}`,
        scheme,
        start,
        mustServe: reduced ? personalList(rng, scheme) : null,
        leave,
        fixedBlocks: [],
        currentBlocks: [],
      });
    }
  }
  return out;
}

/** A reduced-year trainee's "缺什么、补什么": required rows adding up to 12 or 24 months. */
function personalList(rng: Rng, scheme: Scheme): Array<{ standardDepartment: string; months: number }> {
  const target = rng.pick([12, 24]);
  const list: Array<{ standardDepartment: string; months: number }> = [];
  let sum = 0;
  for (const r of scheme.rows.filter((x) => x.kind === 'required')) {
    if (sum + r.months > target) continue;
    list.push({ standardDepartment: r.standardDepartment, months: r.months });
    sum += r.months;
  }
  if (sum < target) list[0]!.months += target - sum;
  return list;
}

/**
 * Base departments: every standard department gets one, the busiest get more (心内一科, 心内二科…), a few
 * departments teach two standard departments, until there are `count`. Capacity follows demand.
 */
function makeDepartments(
  rng: Rng,
  stds: string[],
  schemes: Scheme[],
  trainees: number,
  o: Required<RotationInstanceOptions>,
): Department[] {
  const demand = new Map<string, number>();
  const perCohort = trainees / o.cohorts / schemes.length;
  for (const s of schemes) {
    for (const r of s.rows) {
      // Steady state: up to three cohorts spread over the three years, but a stage row falls in one year
      // of each cohort, so its trainees are there within 12 months, not 36. Electives by their share.
      const optionMonths = s.rows.filter((x) => x.kind === 'elective').reduce((a, x) => a + x.months, 0);
      const share = r.kind === 'elective' ? s.electiveGroups[0]!.months / optionMonths : 1;
      const spread = r.stage === null ? Math.min(o.cohorts, 3) / 36 : 1 / 12;
      const key = r.standardDepartment.replace('（高年资）', '');
      demand.set(key, (demand.get(key) ?? 0) + perCohort * r.months * share * spread);
    }
  }
  const used = stds.filter((s) => (demand.get(s) ?? 0) > 0);
  const depts: Department[] = [];
  const split = new Map(used.map((s) => [s, 1]));
  // The busiest standard departments are split first.
  while (used.length + [...split.values()].reduce((a, n) => a + n - 1, 0) < o.departments) {
    const busiest = [...split].sort((a, b) => demand.get(b[0]!)! / b[1]! - demand.get(a[0]!)! / a[1]!)[0]![0]!;
    split.set(busiest, split.get(busiest)! + 1);
  }
  for (const s of used) {
    const n = split.get(s)!;
    const total = Math.max(1, Math.ceil((demand.get(s) ?? 0) * o.slack));
    for (let k = 0; k < n; k++) {
      const capacity = Math.max(1, Math.floor(total / n) + (k < total % n ? 1 : 0));
      const site = PARTNER.get(s) ?? (s === PRIMARY ? '社区卫生服务中心' : null);
      depts.push({
        id: `D${String(depts.length + 1).padStart(2, '0')}`,
        name: n > 1 ? `${s}${'一二三四五六七八九'[k]}病区` : s,
        standardDepartments: [
          s,
          ...schemes
            .map((x) => x.home)
            .filter((h) => h === s)
            .map((h) => `${h}（高年资）`)
            .slice(0, 1),
        ],
        capacity,
        site,
        siteType: PARTNER.has(s) ? 'partner' : s === PRIMARY ? 'primary' : 'base',
      });
    }
  }
  // Some departments also teach a neighbouring standard department (many-to-many).
  for (let k = 0; k < 4; k++) {
    const d = rng.pick(depts.filter((x) => x.siteType === 'base'));
    const other = rng.pick(used.filter((s) => !PARTNER.has(s) && s !== PRIMARY));
    if (!d.standardDepartments.includes(other)) d.standardDepartments.push(other);
  }
  return depts;
}
