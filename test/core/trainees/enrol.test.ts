import { describe, expect, it } from 'vitest';
import { addUserAndLogin, err, ok, setupBase } from '../../helpers/core';
import { seedApplicants, setPlan } from '../admission/seed';
import { eventsOf } from './helpers';

/** Jilin 2024: 内科 2 seats, 儿科 1; A, B admitted to 内科, C to 儿科, D not admitted (score too low for 内科). */
async function admitted() {
  const { core, session } = await setupBase('jilin-2024');
  await setPlan(core, session, [
    ['0100', null, 2],
    ['0200', null, 1],
  ]);
  const s = await seedApplicants(core, [
    { key: 'A', choices: ['0100'], total: 90, category: '单位人', employer: '长春市某卫生院' },
    { key: 'B', choices: ['0100'], total: 85 },
    { key: 'C', choices: ['0200'], total: 80 },
    { key: 'D', choices: ['0100'], total: 70 },
  ]);
  await ok(core, session, 'admission.run', {});
  const report = (key: string, date = '2024-08-20') =>
    ok(core, session, 'admission.recordReportIn', { applicantId: s.id(key), date });
  return { core, session, s, report };
}

describe('trainees.enrol', () => {
  it('enrols admitted applicants who reported in, with the admission’s program and years; the rest wait', async () => {
    const { core, session, s, report } = await admitted();
    await report('A');
    await report('C');
    const r = await ok(core, session, 'trainees.enrol', { cohortYear: 2024 });
    expect(r).toMatchObject({ cohortYear: 2024, enrolled: 2, alreadyEnrolled: 0, notReported: 1, skipped: [], warnings: [] });
    expect(r.trainees.map((t) => [t.name, t.specialtyCode, t.program, t.years, t.startDate, t.status, t.source])).toEqual(
      expect.arrayContaining([
        [s.name('A'), '0100', 'residency', 3, '2024-09-01', 'active', 'enrolment'],
        [s.name('C'), '0200', 'residency', 3, '2024-09-01', 'active', 'enrolment'],
      ]),
    );
    expect(r.trainees[0]!.idNumber).toContain('********');
    const a = await core.db.selectFrom('trainees').selectAll().where('applicant_id', '=', s.id('A')).executeTakeFirstOrThrow();
    expect(a).toMatchObject({ id_number: s.idNumber('A'), person_type: '单位人', employer: '长春市某卫生院', cohort_year: 2024 });
    expect(a.name_initials).not.toBe('');
    // D was never admitted; B was admitted but has not reported in.
    const all = await core.db.selectFrom('trainees').select('applicant_id').execute();
    expect(all.map((t) => t.applicant_id).sort()).toEqual([s.id('A'), s.id('C')].sort());
  });

  it('is idempotent: a second run adds only those who reported in since, and audits each run that enrolled someone', async () => {
    const { core, session, s, report } = await admitted();
    await report('A');
    await ok(core, session, 'trainees.enrol', { cohortYear: 2024 });
    const again = await ok(core, session, 'trainees.enrol', { cohortYear: 2024 });
    expect(again).toMatchObject({ enrolled: 0, alreadyEnrolled: 1, notReported: 2, trainees: [] });
    expect(await eventsOf(core, 'trainees.enrol')).toHaveLength(1);
    await report('B');
    const third = await ok(core, session, 'trainees.enrol', { cohortYear: 2024, startDate: '2024-09-02' });
    expect(third).toMatchObject({ enrolled: 1, alreadyEnrolled: 1, notReported: 1 });
    expect(third.trainees.map((t) => [t.name, t.startDate])).toEqual([[s.name('B'), '2024-09-02']]);
    const events = await eventsOf(core, 'trainees.enrol');
    expect(events).toHaveLength(2);
    const after = JSON.parse(events[1]!.after_json!) as { enrolled: Array<{ applicantId: string }> };
    expect(after.enrolled.map((e) => e.applicantId)).toEqual([s.id('B')]);
    expect(await core.db.selectFrom('trainees').select('id').execute()).toHaveLength(2);
  });

  it('takes the years from the reduction decision and says when the province has not reviewed it yet', async () => {
    const { core, session, s, report } = await admitted();
    await ok(core, session, 'admission.requestReduction', { applicantId: s.id('A'), years: 1, documents: ['年限减免申请表'] });
    await ok(core, session, 'admission.decideReduction', {
      applicantId: s.id('A'),
      approve: true,
      reason: '专硕期间轮转记录完整',
    });
    await ok(core, session, 'admission.requestReduction', { applicantId: s.id('B'), years: 1, documents: ['年限减免申请表'] });
    await report('A');
    await report('B');
    const r = await ok(core, session, 'trainees.enrol', { cohortYear: 2024 });
    const years = Object.fromEntries(r.trainees.map((t) => [t.name, t.years]));
    expect(years).toEqual({ [s.name('A')]: 2, [s.name('B')]: 3 });
    expect(r.warnings.map((w) => [w.name, w.code])).toEqual(
      expect.arrayContaining([
        [s.name('A'), 'REDUCTION_PENDING_PROVINCE'],
        [s.name('B'), 'REDUCTION_UNDECIDED'],
      ]),
    );
  });

  it('skips a person whose ID number is already in the registry, and refuses a cohort the admission does not hold', async () => {
    const { core, session, s, report } = await admitted();
    await report('A');
    const now = new Date(0).toISOString();
    await core.db
      .insertInto('trainees')
      .values({
        id: 'old-record',
        id_type: '居民身份证',
        id_number: s.idNumber('A'),
        name: s.name('A'),
        name_initials: '',
        sex: null,
        phone: null,
        program: 'residency',
        specialty_code: '0100',
        cohort_year: 2021,
        start_date: '2021-09-01',
        years: 3,
        person_type: null,
        employer: null,
        partner_site: null,
        merged_postgraduate: 0,
        qualification_cert_no: null,
        practising_cert_no: null,
        qualification_exam: 'none',
        theory_stage_exam: 'none',
        process_assessment: null,
        status: 'withdrawn',
        applicant_id: null,
        must_serve_json: null,
        source: 'import',
        content_hash: '',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const r = await ok(core, session, 'trainees.enrol', { cohortYear: 2024 });
    expect(r.enrolled).toBe(0);
    expect(r.skipped).toEqual([expect.objectContaining({ applicantId: s.id('A'), code: 'TRAINEE_EXISTS' })]);
    expect(r.skipped[0]!.idNumber).not.toBe(s.idNumber('A'));
    expect((await err(core, session, 'trainees.enrol', { cohortYear: 2023 })).code).toBe('TRAINEES_COHORT_NOT_CURRENT');
    expect((await err(core, session, 'trainees.enrol', { cohortYear: 2024, startDate: '2024-02-30' })).code).toBe(
      'TRAINEE_BAD_DATE',
    );
  });

  it('only coordinators and administrators enrol', async () => {
    const { core, session } = await admitted();
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    expect((await err(core, clerk, 'trainees.enrol', { cohortYear: 2024 })).code).toBe('FORBIDDEN');
    const coordinator = await addUserAndLogin(core, session, 'coord1', 'coordinator');
    expect((await ok(core, coordinator, 'trainees.enrol', { cohortYear: 2024 })).enrolled).toBe(0);
  });
});
