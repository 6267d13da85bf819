import { describe, expect, it } from 'vitest';
import { activeTrainees } from '../../../src/core/rotation/trainees';
import { err, ok, setupBase } from '../../helpers/core';
import { seedApplicants, setPlan } from '../admission/seed';

const PROFESSIONAL_MASTER = {
  degreeLevel: 'master',
  degreeType: 'professional',
  degreeDiscipline: 'clinical',
  degreeMajor: '内科学',
  majorMatchesSpecialty: true,
  foreignDoctorate: 'none',
} as const;

/** Jilin 2024: A (内科) asks for 1 year off at registration, G chose 助理全科. */
async function jilin() {
  const { core, session } = await setupBase('jilin-2024');
  await setPlan(core, session, [['0100', null, 2]]);
  const s = await seedApplicants(core, [
    { key: 'A', choices: ['0100'], total: 90, reduction: 1 },
    { key: 'B', choices: ['0100'], total: 85 },
  ]);
  return { core, session, s };
}

async function events(core: Awaited<ReturnType<typeof jilin>>['core'], action: string) {
  return core.db.selectFrom('events').selectAll().where('action', '=', action).execute();
}

describe('reduction records', () => {
  it('lists who asked for a reduction with the rules checked against the 申请表 facts', async () => {
    const { core, session, s } = await jilin();
    const list = await ok(core, session, 'reduction.list', {});
    expect(list.rows.map((r) => r.name)).toEqual([s.name('A')]);
    expect(list.rows[0]!.eligibility.overall).toBe('unknown');
    expect(list.rows[0]!.idNumber).toContain('*');
    const r = await ok(core, session, 'reduction.apply', { applicant: s.idNumber('A'), facts: PROFESSIONAL_MASTER });
    expect(r.eligibility.overall).toBe('eligible');
    expect(await events(core, 'reduction.apply')).toHaveLength(1);
  });

  it('records the 审批表 outcome: months granted and the training to make up; whole years and half months only', async () => {
    const { core, session, s } = await jilin();
    const r = await ok(core, session, 'reduction.record', {
      applicant: s.id('A'),
      monthsGranted: 12,
      makeup: [
        { department: '心血管内科', months: 3 },
        { department: '急诊科', months: 1.5 },
      ],
      decidedOn: '2024-08-10',
      note: '省住培指导中心能力测评通过',
    });
    expect(r.outcome).toMatchObject({
      monthsGranted: 12,
      years: 2,
      makeup: [
        { department: '心血管内科', months: 3 },
        { department: '急诊科', months: 1.5 },
      ],
    });
    expect(r.rotation).toEqual({ state: 'not-enrolled' });
    const odd = await err(core, session, 'reduction.record', {
      applicant: s.id('A'),
      monthsGranted: 8,
      makeup: [{ department: '内科', months: 2 }],
      decidedOn: '2024-08-10',
    });
    expect(odd.code).toBe('REDUCTION_MONTHS_NOT_YEARS');
    const missing = await err(core, session, 'reduction.record', {
      applicant: s.id('A'),
      monthsGranted: 12,
      makeup: [],
      decidedOn: '2024-08-10',
    });
    expect(missing.code).toBe('REDUCTION_MAKEUP_MISSING');
    // The refused changes left the first outcome as it was.
    const again = (await ok(core, session, 'reduction.list', {})).rows[0]!;
    expect(again.outcome!.makeup).toHaveLength(2);
  });

  it('refuses 助理全科 applicants: “（助理全科培训无）”', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const s = await seedApplicants(core, [{ key: 'G', choices: ['AGP'], total: 80 }]);
    const e = await err(core, session, 'reduction.apply', { applicant: s.id('G'), facts: {} });
    expect(e.code).toBe('REDUCTION_AGP_NONE');
    expect(await core.db.selectFrom('reduction_records').selectAll().execute()).toEqual([]);
  });

  it('hands the make-up content to the rotation plan once the trainee is enrolled with the reduced length', async () => {
    const { core, session, s } = await jilin();
    await ok(core, session, 'admission.run', {});
    await ok(core, session, 'admission.requestReduction', { applicantId: s.id('A'), years: 1, documents: ['年限减免申请表'] });
    await ok(core, session, 'admission.decideReduction', { applicantId: s.id('A'), approve: true, reason: '专硕' });
    await ok(core, session, 'admission.recordProvinceReview', { applicantId: s.id('A'), outcome: 'approved' });
    await ok(core, session, 'admission.recordReportIn', { applicantId: s.id('A'), date: '2024-08-20' });
    await ok(core, session, 'trainees.enrol', { cohortYear: 2024 });
    const makeup = [{ department: '心血管内科', months: 3 }];
    const recorded = await ok(core, session, 'reduction.record', {
      applicant: s.id('A'),
      monthsGranted: 12,
      makeup,
      decidedOn: '2024-08-10',
    });
    expect(recorded.rotation).toEqual({ state: 'not-applied' });
    const applied = await ok(core, session, 'reduction.applyToRotation', { applicant: s.id('A'), reason: '按审批表安排补轮' });
    expect(applied.rotation).toEqual({ state: 'applied' });
    const seen = (await activeTrainees(core.db)).find((t) => t.name === s.name('A'))!;
    expect(seen).toMatchObject({ years: 2, mustServe: [{ standardDepartment: '心血管内科', months: 3 }] });
  });

  it('will not hand over a make-up list when the registry still has the full length', async () => {
    const { core, session, s } = await jilin();
    await ok(core, session, 'admission.run', {});
    await ok(core, session, 'admission.recordReportIn', { applicantId: s.id('A'), date: '2024-08-20' });
    await ok(core, session, 'trainees.enrol', { cohortYear: 2024 });
    const r = await ok(core, session, 'reduction.record', {
      applicant: s.id('A'),
      monthsGranted: 12,
      makeup: [{ department: '内科', months: 3 }],
      decidedOn: '2024-08-10',
    });
    expect(r.rotation).toEqual({ state: 'years-differ', traineeYears: 3, expectedYears: 2 });
    expect((await err(core, session, 'reduction.applyToRotation', { applicant: s.id('A'), reason: '补轮' })).code).toBe(
      'REDUCTION_YEARS_DIFFER',
    );
  });

  it('records the signed agreement only once a length is recognised', async () => {
    const { core, session, s } = await jilin();
    expect((await err(core, session, 'reduction.agreement', { applicant: s.id('A'), signedOn: '2024-08-20' })).code).toBe(
      'REDUCTION_NO_OUTCOME',
    );
    await ok(core, session, 'reduction.record', {
      applicant: s.id('A'),
      monthsGranted: 12,
      makeup: [{ department: '内科', months: 3 }],
      decidedOn: '2024-08-10',
    });
    const r = await ok(core, session, 'reduction.agreement', { applicant: s.id('A'), signedOn: '2024-08-20' });
    expect(r.agreement).toMatchObject({ signedOn: '2024-08-20', recordedBy: 'admin' });
  });
});
