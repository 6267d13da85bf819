import { describe, expect, it } from 'vitest';
import { useFixedResults, type CandidateResult } from '../../../src/core/admission/deps';
import type { Core } from '../../../src/core/context';
import { writeCsv } from '../../../src/core/testdata';
import { err, ok, setupBase } from '../../helpers/core';
import { fingerprintsAsEarlier } from './earlier-forms';
import { protectWithPassphrase } from '../outbox/helpers';
import { addApplicants, file, type TestApplicant } from '../scores/fixtures';

const HEAD = ['姓名', '身份证号', '培训专业', '笔试成绩', '面试成绩', '操作成绩'];

async function importScores(core: Core, session: string, rows: Array<[TestApplicant, string, string]>, reason?: string) {
  const csv = writeCsv([HEAD, ...rows.map(([a, w, i]) => [a.name, a.idNumber, '内科', w, i, ''])], { encoding: 'utf-8' });
  return ok(core, session, 'scores.import', {
    ...file('scores.csv', csv),
    ...(reason !== undefined ? { replace: true, reason } : {}),
  });
}

/** Jilin, 内科 2 seats, four confirmed applicants with real imported scores, one run. */
async function ranOnce() {
  const { core, session } = await setupBase('jilin-2024');
  protectWithPassphrase(core);
  await ok(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 2 });
  const people = await addApplicants(core, 4, { specialties: ['0100'] });
  const [a, b, c, d] = people as [TestApplicant, TestApplicant, TestApplicant, TestApplicant];
  await importScores(core, session, [
    [a, '90', '90'],
    [b, '85', '85'],
    [c, '80', '80'],
    [d, '75', '75'],
  ]);
  await ok(core, session, 'admission.run', {});
  return { core, session, a, b, c, d };
}

const list = (core: Core, session: string) => ok(core, session, 'admission.list', {});

async function expectFreshAfterRerun(core: Core, session: string) {
  await ok(core, session, 'admission.run', {});
  expect(await list(core, session)).toMatchObject({ stale: false, staleReasons: [], staleReasonText: [] });
}

describe('admission results know when they are out of date', () => {
  it('a run just computed is current', async () => {
    const { core, session } = await ranOnce();
    expect(await list(core, session)).toMatchObject({ stale: false, staleReasons: [] });
  });

  it('a score correction makes it stale (SCORES_CHANGED) until re-run; 公示 and the package are refused meanwhile', async () => {
    const { core, session, c } = await ranOnce();
    await importScores(core, session, [[c, '95', '95']], '复核更正笔试成绩');
    const v = await list(core, session);
    expect(v).toMatchObject({ stale: true, staleReasons: ['SCORES_CHANGED'], staleReasonText: ['考核成绩有变化'] });
    // The old list still shows, marked: nothing is silently recomputed.
    expect(v.admitted.map((x) => x.applicantId)).not.toContain(c.id);

    const pub = await err(core, session, 'admission.publish', { startDate: '2024-08-01', days: 3 });
    expect(pub.code).toBe('ADMISSION_STALE');
    expect(pub.message).toContain('考核成绩有变化');
    expect(pub.message).toContain('重新计算');
    const pkg = await err(core, session, 'package.build', { kind: 'admissions' });
    expect(pkg.code).toBe('ADMISSION_STALE');
    expect(await core.db.selectFrom('admission_publications').selectAll().execute()).toEqual([]);
    expect(await ok(core, session, 'outbox.list')).toEqual([]);

    await expectFreshAfterRerun(core, session);
    expect((await list(core, session)).admitted.map((x) => x.applicantId)).toContain(c.id);
    await ok(core, session, 'admission.publish', { startDate: '2024-08-01', days: 3 });
    expect(await ok(core, session, 'package.build', { kind: 'admissions' })).toMatchObject({ kind: 'admissions' });
  });

  it('a score corrected back to what the run read is no change', async () => {
    const { core, session, c } = await ranOnce();
    await importScores(core, session, [[c, '95', '95']], '录入错误');
    await importScores(core, session, [[c, '80', '80']], '改回原成绩');
    expect(await list(core, session)).toMatchObject({ stale: false });
  });

  it('a plan edit makes it stale (PLAN_CHANGED) until re-run', async () => {
    const { core, session } = await ranOnce();
    await ok(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 3 });
    expect(await list(core, session)).toMatchObject({
      stale: true,
      staleReasons: ['PLAN_CHANGED'],
      staleReasonText: ['招收计划有变化'],
    });
    await expectFreshAfterRerun(core, session);
  });

  it('reopening a confirmation makes it stale (CONFIRMATIONS_CHANGED) until re-run', async () => {
    const { core, session, a } = await ranOnce();
    await ok(core, session, 'confirm.reopen', { id: a.id, reason: '证书原件存疑，重新核验' });
    expect(await list(core, session)).toMatchObject({
      stale: true,
      staleReasons: ['CONFIRMATIONS_CHANGED'],
      staleReasonText: ['现场确认结果有变化'],
    });
    await expectFreshAfterRerun(core, session);
  });

  it('a changed choice on the roster makes it stale (APPLICANTS_CHANGED) until re-run', async () => {
    const { core, session, d } = await ranOnce();
    // What a roster re-import does to one applicant's choices (the import itself is the applicants feature's).
    await core.db
      .updateTable('applicants')
      .set({ choices_json: JSON.stringify(['0200']) })
      .where('id', '=', d.id)
      .execute();
    expect(await list(core, session)).toMatchObject({ stale: true, staleReasons: ['APPLICANTS_CHANGED'] });
    await ok(core, session, 'plan.setQuota', { specialtyCode: '0200', category: null, quota: 1 });
    expect((await list(core, session)).staleReasons).toEqual(['PLAN_CHANGED', 'APPLICANTS_CHANGED']);
    await expectFreshAfterRerun(core, session);
  });

  it('a first choice moved to another base (this base now their second) makes it stale (APPLICANTS_CHANGED)', async () => {
    const { core, session, d } = await ranOnce();
    // Same own specialty, but it is now their 第二志愿 here: the round changes, so the result must say so.
    await core.db
      .updateTable('applicants')
      .set({
        choice_list_json: JSON.stringify([
          { order: 1, base: '另一医院', specialty: null },
          { order: 2, base: null, specialty: '0100' },
        ]),
      })
      .where('id', '=', d.id)
      .execute();
    expect(await list(core, session)).toMatchObject({ stale: true, staleReasons: ['APPLICANTS_CHANGED'] });
    await expectFreshAfterRerun(core, session);
  });

  it('decisions that re-run (a tie decided, a decline) leave the result current; a decision revoked outside a run shows (TIES_CHANGED)', async () => {
    const { core, session, b, c } = await ranOnce();
    // B and C tie for the second seat.
    await importScores(core, session, [[c, '85', '85']], '复核');
    const tied = await ok(core, session, 'admission.run', {});
    expect(tied.ties).toHaveLength(1);
    const decided = await ok(core, session, 'admission.resolveTie', {
      round: 'choice-1',
      specialtyCode: '0100',
      category: null,
      admit: [b.id],
      reason: '面试答辩表现更好',
    });
    expect(decided).toMatchObject({ stale: false, staleReasons: [] });
    expect(await list(core, session)).toMatchObject({ stale: false });
    // Every API path re-runs after a decision; a decision revoked without one (e.g. a database restored
    // from a copy) must still show.
    await core.db
      .updateTable('admission_decisions')
      .set({ revoked_at: '2024-08-01T00:00:00.000Z' })
      .where('kind', '=', 'tie')
      .execute();
    expect(await list(core, session)).toMatchObject({
      stale: true,
      staleReasons: ['TIES_CHANGED'],
      staleReasonText: ['末位同分的决定有变化'],
    });
    await expectFreshAfterRerun(core, session);

    const declined = await ok(core, session, 'admission.decline', { applicantId: b.id });
    expect(declined.stale).toBe(false);
    expect(await list(core, session)).toMatchObject({ stale: false });
  });

  it('二次补报 choices make it stale (DECISIONS_CHANGED) until re-run (Beijing)', async () => {
    const { core, session } = await setupBase('beijing-2023', '北京协和医院');
    await ok(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 1 });
    await ok(core, session, 'plan.setQuota', { specialtyCode: '0200', category: null, quota: 1 });
    const [a, b] = (await addApplicants(core, 2, { specialties: ['0100'] })) as [TestApplicant, TestApplicant];
    await importScores(core, session, [
      [a, '90', '90'],
      [b, '80', '80'],
    ]);
    await ok(core, session, 'admission.run', {});
    await ok(core, session, 'admission.setSecondChoices', { applicantId: b.id, choices: ['0200'] });
    expect(await list(core, session)).toMatchObject({
      stale: true,
      staleReasons: ['DECISIONS_CHANGED'],
      staleReasonText: ['放弃、调剂或二次补报有变化'],
    });
    await expectFreshAfterRerun(core, session);
  });

  it('a run stored before runs kept their inputs claims nothing', async () => {
    const { core, session } = await ranOnce();
    await core.db.updateTable('admission_runs').set({ inputs_json: null }).execute();
    await ok(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 3 });
    expect(await list(core, session)).toMatchObject({ stale: false, staleReasons: [] });
  });
});

type RosterRow = {
  id: string;
  category: string | null;
  /** The stored text of the choices, when not ["0100"]. */
  choicesJson?: string;
  choiceList?: unknown;
  adjust?: boolean;
  status?: 'confirmed' | 'pending';
};

/** Applicants written straight into the table, ids and categories as given, each with a complete total. */
async function insertRoster(core: Core, rows: RosterRow[]) {
  const results = new Map<string, CandidateResult>();
  for (const [i, r] of rows.entries()) {
    await core.db
      .insertInto('applicants')
      .values({
        id: r.id,
        cohort_year: 2024,
        id_type: '居民身份证',
        id_number: `22010119900101${String(i).padStart(4, '0')}`,
        name: `考生${i}`,
        name_initials: '',
        category: r.category,
        choices_json: r.choicesJson ?? JSON.stringify(['0100']),
        choice_list_json: r.choiceList === undefined ? null : JSON.stringify(r.choiceList),
        accepts_adjustment: r.adjust === true ? 1 : 0,
        reduction_years: 0,
        confirmation_status: r.status ?? 'confirmed',
        rural_oriented: 0,
        extra_json: '{}',
        content_hash: '',
        created_at: '',
        updated_at: '',
      })
      .execute();
    results.set(r.id, { applicantId: r.id, components: { written: 8000 - i }, total: 8000 - i, status: 'complete' });
  }
  useFixedResults(core, results);
}

describe('the fingerprints a run stores', () => {
  it('still judge a run stored by earlier versions (their form): current, then stale after a roster change', async () => {
    const { core, session, a, d } = await ranOnce();
    const earlier = await fingerprintsAsEarlier(core.db, 2024);
    await core.db
      .updateTable('admission_runs')
      .set({ inputs_json: JSON.stringify(earlier) })
      .execute();
    expect(await list(core, session)).toMatchObject({ stale: false, staleReasons: [] });

    await core.db.updateTable('applicants').set({ accepts_adjustment: 1 }).where('id', '=', d.id).execute();
    expect((await list(core, session)).staleReasons).toEqual(['APPLICANTS_CHANGED']);
    await ok(core, session, 'confirm.reopen', { id: a.id, reason: '证书原件存疑，重新核验' });
    expect((await list(core, session)).staleReasons).toEqual(['APPLICANTS_CHANGED', 'CONFIRMATIONS_CHANGED']);
    await expectFreshAfterRerun(core, session);
  });

  it('follow ids beyond ASCII, empty or missing categories and choices at other bases', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await ok(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 2 });
    await insertRoster(core, [
      { id: 'z\u{1F600}', category: null, adjust: true },
      { id: 'z\ue000', category: '' },
      { id: 'Zé', category: '社会人', status: 'pending' },
      {
        id: 'b',
        category: '单位人',
        choiceList: [
          { order: 1, base: '另一医院', specialty: null },
          { order: 2, base: null, specialty: '0100' },
        ],
      },
      { id: 'a', category: null, choiceList: [{ order: 1, base: null, specialty: '0100' }] },
    ]);
    expect(await ok(core, session, 'admission.run', {})).toMatchObject({ stale: false });
    expect(await list(core, session)).toMatchObject({ stale: false, staleReasons: [] });
    // A list naming only this base is read as no list at all, by the run and by its fingerprint.
    const onlyHere = JSON.stringify([{ order: 2, base: null, specialty: '0100' }]);
    await core.db.updateTable('applicants').set({ choice_list_json: onlyHere }).where('id', '=', 'a').execute();
    expect(await list(core, session)).toMatchObject({ stale: false });

    await core.db.updateTable('applicants').set({ category: '单位人' }).where('id', '=', 'z\u{1F600}').execute();
    expect((await list(core, session)).staleReasons).toEqual(['APPLICANTS_CHANGED']);
    await core.db.updateTable('applicants').set({ category: null }).where('id', '=', 'z\u{1F600}').execute();
    expect(await list(core, session)).toMatchObject({ stale: false });
    await core.db.updateTable('applicants').set({ confirmation_status: 'confirmed' }).where('id', '=', 'Zé').execute();
    expect((await list(core, session)).staleReasons).toEqual(['CONFIRMATIONS_CHANGED']);
  });

  it('hold when a stored choice text contains the character the roster is read with: no value shifts to another applicant', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await ok(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 2 });
    // Choices are read joined by \u001e; this text (damaged: no JSON reads it) holds one raw.
    await insertRoster(core, [
      { id: 'p', category: '社会人', choicesJson: '["0100",\u001e"0200"]' },
      { id: 'q', category: null, status: 'pending' },
      { id: 'r', category: '单位人' },
      { id: 's', category: '社会人' },
    ]);
    const run = await ok(core, session, 'admission.run', {});
    expect(run.admitted.map((x) => x.applicantId)).toEqual(['r', 's']);
    expect(run.notAdmitted.map((x) => [x.applicantId, x.code])).toEqual([
      ['p', 'NO_SEAT'],
      ['q', 'INELIGIBLE'],
    ]);
    expect(await list(core, session)).toMatchObject({ stale: false });
    await core.db.updateTable('applicants').set({ category: '单位人' }).where('id', '=', 's').execute();
    expect((await list(core, session)).staleReasons).toEqual(['APPLICANTS_CHANGED']);
  });
});
