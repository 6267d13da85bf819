/**
 * Data folders for the screens benchmark: n generated applicants with scores, n audit events and n trainees,
 * written straight into the database (the imports have their own benchmarks, and going through them here
 * would make this one take minutes). Everything comes from fixed seeds.
 */
import { appendEvent } from '../src/core/audit/events';
import type { Core } from '../src/core/context';
import { openCore } from '../src/core/open-core';
import { pinyinInitials } from '../src/core/identity';
import { createRng, makeApplicants } from '../src/core/testdata';
import { makeTrainees, traineesCsv } from '../src/core/testdata/trainees';
import { call, setUpBase } from './base';

// 内科 draws about half of the applicants, so the interview picker has a specialty of thousands to list.
const SPECIALTIES = [
  ...Array<string>(9).fill('内科'),
  '外科',
  '儿科',
  '全科',
  '妇产科',
  '急诊科',
  '麻醉科',
  '放射科',
  '骨科',
  '眼科',
];

async function insertChunked(core: Core, table: 'applicants' | 'component_scores', rows: unknown[]) {
  await core.db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto(table)
        .values(rows.slice(i, i + 500) as never)
        .execute();
  });
}

/** n applicants (one choice each, two in three confirmed) with written and interview scores for all. */
async function seedApplicants(core: Core, n: number) {
  const codes = new Map(
    (await core.db.selectFrom('specialties').select(['code', 'name']).execute()).map((s) => [s.name, s.code]),
  );
  const people = makeApplicants(createRng(n), n, { specialties: SPECIALTIES, categories: ['单位人', '社会人'], choices: 1 });
  const rng = createRng(n + 1);
  const now = new Date(0).toISOString();
  const applicants = people.map((p, i) => ({
    id: `B${String(i).padStart(6, '0')}`,
    cohort_year: 2024,
    id_number: p.证件号码,
    name: p.姓名,
    name_initials: pinyinInitials(p.姓名),
    sex: p.性别,
    phone: p.手机号码,
    category: p.人员类型,
    choices_json: JSON.stringify([codes.get(p.第一志愿) ?? '0100']),
    confirmation_status: i % 3 === 2 ? 'pending' : 'confirmed',
    content_hash: `bench-${i}`,
    created_at: now,
    updated_at: now,
  }));
  const scores = applicants.flatMap((a) =>
    (
      [
        ['written', 4000 + rng.int(0, 6000)],
        ['interview', 5000 + rng.int(0, 5000)],
      ] as const
    ).map(([component, value]) => ({
      applicant_id: a.id,
      component,
      cohort_year: 2024,
      value,
      absent: 0,
      source: 'import',
      event_id: 'bench',
      updated_at: now,
    })),
  );
  await insertChunked(core, 'applicants', applicants);
  await insertChunked(core, 'component_scores', scores);
}

/** n audit events on the station's hash chain, as a busy year of corrections would leave them. */
async function seedEvents(core: Core, n: number) {
  const actions = ['applicant.update', 'applicant.edit', 'confirm.decide', 'scores.enter', 'trainee.update'];
  await core.db.transaction().execute(async (tx) => {
    for (let i = 0; i < n; i++)
      await appendEvent(tx, core, 'admin', {
        action: actions[i % actions.length]!,
        entity: 'applicant',
        entityId: `B${String(i).padStart(6, '0')}`,
        before: { 备注: '' },
        after: { 备注: `第 ${i} 次更正` },
        reason: i % 7 === 0 ? '核对原件后更正' : undefined,
      });
  });
}

/** n trainees of two cohorts, through the roster import (it checks and stores them the way the app does). */
async function seedTrainees(core: Core, n: number) {
  const rows = makeTrainees(n, n, { cohorts: [2023, 2024] }).map((r) => ({ ...r, 协同单位: '' }));
  await call(core, 'trainees.commitImport', {
    fileName: '在培学员.csv',
    contentBase64: Buffer.from(traineesCsv(rows)).toString('base64'),
  });
}

/** A data folder with n of everything the large screens list, signed in as the admin. */
export async function seeded(dir: string, n: number): Promise<Core> {
  const core = await openCore({ dataDir: dir, idleMinutes: 0, scryptCost: 2 ** 10 });
  await setUpBase(core);
  await seedApplicants(core, n);
  await seedEvents(core, n);
  await seedTrainees(core, n);
  return core;
}
