/** Rotation test fixtures: the shipped example departments and schemes, and generated trainees. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../src/core/context';
import { createRng, makeIdNumber, makeName } from '../../../src/core/testdata';
import { ok, setupBase } from '../../helpers/core';

export const RESOURCES = join(__dirname, '../../../resources/rotation');
export const EXAMPLE_SCHEME = join(RESOURCES, '示例-轮转方案.csv');
export const EXAMPLE_DEPARTMENTS = join(RESOURCES, '示例-科室.csv');

export function fileInput(fileName: string, content: string | Buffer) {
  return { fileName, contentBase64: Buffer.from(content).toString('base64') };
}

export function resourceInput(path: string) {
  return fileInput(path.split('/').at(-1)!, readFileSync(path));
}

/** A fixed "today" (2027-08-01): before the 2027 cohort starts on 9月1日. */
export const TODAY = Date.UTC(2027, 7, 1);

export function fixedClock(ms = TODAY) {
  let now = ms;
  return { nowMs: () => now, set: (t: number) => (now = t) };
}

export type TraineeSeed = {
  specialtyCode?: string;
  program?: 'residency' | 'agp';
  years?: number;
  cohortYear?: number;
  mustServe?: Array<{ standardDepartment: string; months: number }> | null;
  status?: string;
};

/** Generated trainees written straight into the registry's table (fixed seed, never real people). */
export async function addTrainees(
  core: Core,
  n: number,
  seed: TraineeSeed = {},
  rngSeed = 7,
): Promise<Array<{ id: string; name: string; idNumber: string }>> {
  const rng = createRng(rngSeed);
  const out: Array<{ id: string; name: string; idNumber: string }> = [];
  const now = new Date(core.clock.nowMs()).toISOString();
  for (let i = 0; i < n; i++) {
    const idNumber = makeIdNumber(rng);
    const name = makeName(rng);
    const cohortYear = seed.cohortYear ?? 2027;
    const id = `t-${rngSeed}-${String(i).padStart(4, '0')}`;
    await core.db
      .insertInto('trainees')
      .values({
        id,
        id_type: '居民身份证',
        id_number: idNumber,
        name,
        name_initials: '',
        sex: null,
        phone: null,
        program: seed.program ?? 'residency',
        specialty_code: seed.specialtyCode ?? '0100',
        cohort_year: cohortYear,
        start_date: `${cohortYear}-09-01`,
        years: seed.years ?? 3,
        person_type: null,
        employer: null,
        partner_site: null,
        merged_postgraduate: 0,
        qualification_cert_no: null,
        practising_cert_no: null,
        qualification_exam: 'none',
        theory_stage_exam: 'none',
        process_assessment: null,
        status: (seed.status ?? 'active') as 'active',
        applicant_id: null,
        must_serve_json: seed.mustServe ? JSON.stringify(seed.mustServe) : null,
        source: 'import',
        content_hash: '',
        created_at: now,
        updated_at: now,
      })
      .execute();
    out.push({ id, name, idNumber });
  }
  return out;
}

/**
 * A base (clock fixed at TODAY) with the example departments and schemes imported. Sessions never lock:
 * tests move the clock on by months.
 */
export async function rotationBase(clock = fixedClock()) {
  const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院', { clock, idleMinutes: 0 });
  await ok(core, session, 'rotation.importDepartments', resourceInput(EXAMPLE_DEPARTMENTS));
  await ok(core, session, 'rotation.importSchemes', resourceInput(EXAMPLE_SCHEME));
  return { core, session, clock };
}
