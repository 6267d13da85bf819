/**
 * A Chongqing base with a handful of hand-shaped trainees and their rotation plans, for the exam service
 * tests. People are generated (never real); plans are written straight into the rotation tables, the way
 * the rotation module stores them.
 */
import type { Core } from '../../../src/core/context';
import { makeTrainees, traineesCsv, type TraineeRow } from '../../../src/core/testdata/trainees';
import { ok, setupBase } from '../../helpers/core';

export type Clocked = { core: Core; session: string; setNow(iso: string): void; people: Record<Person, TraineeRow> };
export type Person = 'complete' | 'scoreOnly' | 'neither' | 'extended' | 'short' | 'noPlan' | 'agp';

const SCHEME_RES = 'scheme-res';
const SCHEME_AGP = 'scheme-agp';

/** Every person starts 2021-09-01 (住培, 3 years) or 2022-09-01 (助理全科, 2 years). */
function shaped(): Record<Person, TraineeRow> {
  const base = makeTrainees(20240, 7, { specialties: ['内科'] });
  const res = (i: number, over: Partial<TraineeRow>): TraineeRow => ({
    ...base[i]!,
    培训项目: '住培',
    培训专业: '内科',
    年级: '2021',
    培训开始日期: '2021-09-01',
    培训年限: '3',
    医师资格证书编号: '',
    医师资格考试成绩: '合格',
    ...over,
  });
  return {
    complete: res(0, { 医师资格证书编号: '20235011' + base[0]!.证件号码 + '0', 医师资格考试成绩: '合格' }),
    scoreOnly: res(1, {}),
    neither: res(2, { 医师资格考试成绩: '不合格' }),
    extended: res(3, {}),
    short: res(4, {}),
    noPlan: res(5, {}),
    agp: {
      ...base[6]!,
      培训项目: '助理全科',
      培训专业: '全科',
      年级: '2022',
      培训开始日期: '2022-09-01',
      培训年限: '2',
      医师资格证书编号: '',
      医师资格考试成绩: '未考',
      集中理论培训阶段考试: '合格',
      培训过程考核: '合格',
    },
  };
}

async function scheme(
  core: Core,
  id: string,
  program: 'residency' | 'agp',
  code: string,
  years: number,
  rows: Array<[string, number]>,
) {
  await core.db
    .insertInto('rotation_schemes')
    .values({ id, program, specialty_code: code, years, example: 1, source_file: 'test', created_at: '2021-01-01T00:00:00Z' })
    .execute();
  for (const [i, [std, months]] of rows.entries()) {
    await core.db
      .insertInto('rotation_scheme_rows')
      .values({
        scheme_id: id,
        seq: i,
        standard_department: std,
        months,
        kind: 'required',
        elective_group: null,
        group_months: null,
        stage: null,
        site_type: 'base',
        splittable: 1,
      })
      .execute();
  }
}

async function block(
  core: Core,
  traineeId: string,
  std: string,
  from: string,
  to: string,
  exit: 'pass' | 'fail' | null = 'pass',
) {
  await core.db
    .insertInto('rotation_blocks')
    .values({
      id: `${traineeId}-${from}`,
      trainee_id: traineeId,
      department_id: std === '全科医学科' ? 'dept-gp' : std === '心血管内科' ? 'dept-cv' : 'dept-resp',
      standard_department: std,
      start_date: from,
      end_date: to,
      actual_start: null,
      actual_end: null,
      exit_exam_date: null,
      exit_exam_result: exit,
      retake_of: null,
      created_at: '2021-08-01T00:00:00Z',
    })
    .execute();
}

async function plan(core: Core, traineeId: string, schemeId: string) {
  await core.db
    .insertInto('rotation_plans')
    .values({
      trainee_id: traineeId,
      scheme_id: schemeId,
      status: 'in_progress',
      planned_at: '2021-08-01T00:00:00Z',
      planned_by: 'admin',
      approved_at: null,
      approved_by: null,
      submitted_at: null,
      confirmed_at: null,
      started_at: null,
      changed_after_approval: 0,
      change_reason: null,
      planned_end: null,
      end_flag: null,
      updated_at: '2021-08-01T00:00:00Z',
    })
    .execute();
}

export async function chongqingBase(startIso = '2024-02-10T02:00:00Z'): Promise<Clocked> {
  let now = Date.parse(startIso);
  const { core, session } = await setupBase('chongqing-2022-agp', '重庆测试医院', {
    clock: { nowMs: () => now },
    idleMinutes: 0,
  });
  const people = await seedExamWorld(core, session);
  return { core, session, setNow: (iso) => (now = Date.parse(iso)), people };
}

/** The registry and rotation plans of the seven shaped people, on a base set up in Chongqing. */
export async function seedExamWorld(core: Core, session: string): Promise<Record<Person, TraineeRow>> {
  const people = shaped();
  await ok(core, session, 'trainees.commitImport', {
    fileName: '在培学员.csv',
    contentBase64: Buffer.from(traineesCsv(Object.values(people))).toString('base64'),
  });
  const ids = new Map(
    (await core.db.selectFrom('trainees').select(['id', 'id_number', 'specialty_code']).execute()).map((t) => [t.id_number, t]),
  );
  const id = (p: Person) => ids.get(people[p].证件号码)!.id;
  const now0 = '2021-01-01T00:00:00Z';
  for (const [dept, std] of [
    ['dept-cv', '心血管内科'],
    ['dept-resp', '呼吸内科'],
    ['dept-gp', '全科医学科'],
  ] as const) {
    await core.db
      .insertInto('departments')
      .values({ id: dept, name: std, site: null, site_type: 'base', capacity: 10, created_at: now0, updated_at: now0 })
      .execute();
    await core.db.insertInto('department_standards').values({ department_id: dept, standard_department: std }).execute();
  }
  await scheme(core, SCHEME_RES, 'residency', ids.get(people.complete.证件号码)!.specialty_code, 3, [
    ['心血管内科', 18],
    ['呼吸内科', 18],
  ]);
  await scheme(core, SCHEME_AGP, 'agp', ids.get(people.agp.证件号码)!.specialty_code, 2, [['全科医学科', 24]]);
  for (const p of ['complete', 'scoreOnly', 'neither', 'short', 'extended'] as const) await plan(core, id(p), SCHEME_RES);
  for (const p of ['complete', 'scoreOnly', 'neither'] as const) {
    await block(core, id(p), '心血管内科', '2021-09-01', '2023-02-28');
    await block(core, id(p), '呼吸内科', '2023-03-01', '2024-08-31');
  }
  // Short: 24 months of 心血管内科, only 12 of 呼吸内科.
  await block(core, id('short'), '心血管内科', '2021-09-01', '2023-08-31');
  await block(core, id('short'), '呼吸内科', '2023-09-01', '2024-08-31');
  // Extended: 1.5 months of leave in 2023 push the end to 2024-10-15.
  await block(core, id('extended'), '心血管内科', '2021-09-01', '2023-02-28');
  await core.db
    .insertInto('rotation_leave')
    .values({
      id: 'leave-1',
      trainee_id: id('extended'),
      type: '病假',
      from_date: '2023-03-01',
      to_date: '2023-04-15',
      reason: null,
      created_by: 'admin',
      created_at: now0,
    })
    .execute();
  await block(core, id('extended'), '呼吸内科', '2023-04-16', '2024-10-15');
  await plan(core, id('agp'), SCHEME_AGP);
  await block(core, id('agp'), '全科医学科', '2022-09-01', '2024-08-31');
  return people;
}
