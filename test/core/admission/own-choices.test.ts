/**
 * The base ranks and admits only for choices naming itself (seed 001 五（三）: “考核程序：分别按第一、二志愿及调剂
 * 录取分期进行。”): an applicant whose first choice is another base competes here in the second round, after
 * this base's first-choice applicants, whatever their score.
 */
import { describe, expect, it } from 'vitest';
import { useFixedResults, type CandidateResult } from '../../../src/core/admission/deps';
import { createRng, makeIdNumber, makeName, makePhone } from '../../../src/core/testdata';
import { ok, setupBase } from '../../helpers/core';
import { csvFile } from '../applicants/helpers';

const BASE = '重庆示例医科大学附属医院';
const OTHER = '重庆示例区人民医院';

describe('admission reads only this base’s choices, each in its own round', () => {
  it('a higher-scoring applicant whose first choice is another base waits for round 2', async () => {
    const { core, session } = await setupBase('chongqing-2022-agp', BASE);
    await ok(core, session, 'plan.setQuota', { specialtyCode: 'AGP', category: null, quota: 1 });
    const rng = createRng(21);
    const [first, second] = [0, 1].map((i) => ({
      name: makeName(rng) + String(i),
      id: makeIdNumber(rng),
      phone: makePhone(rng),
    }));
    await ok(
      core,
      session,
      'applicants.commitImport',
      csvFile([
        ['姓名', '证件号码', '手机号码', '人员类型', '第一志愿', '第二志愿'],
        [first!.name, first!.id, first!.phone, '社会人', BASE, ''],
        [second!.name, second!.id, second!.phone, '社会人', OTHER, BASE],
      ]),
    );
    await core.db.updateTable('applicants').set({ confirmation_status: 'confirmed' }).execute();
    const rows = await core.db.selectFrom('applicants').select(['id', 'name']).execute();
    const idOf = (name: string) => rows.find((r) => r.name === name)!.id;
    const total = (id: string, t: number): CandidateResult => ({
      applicantId: id,
      components: { written: t * 100, interview: t * 100 },
      total: t * 100,
      status: 'complete',
    });
    const results = new Map([
      [idOf(first!.name), total(idOf(first!.name), 70)],
      [idOf(second!.name), total(idOf(second!.name), 95)],
    ]);
    useFixedResults(core, results);
    const run = await ok(core, session, 'admission.run', {});
    expect(run.admitted.map((a) => [a.applicantId, a.round])).toEqual([[idOf(first!.name), 'choice-1']]);
    expect(run.notAdmitted.map((n) => n.applicantId)).toEqual([idOf(second!.name)]);
  });
});

describe('a person the city assigned here (seed 003 三: “不得以任何理由拒收调剂人员”)', () => {
  it('is admitted by the next run into the assigned specialty, without scores or 现场确认 here', async () => {
    const { core, session } = await setupBase('beijing-2023', '北京示例医院');
    await ok(core, session, 'plan.setQuota', { specialtyCode: '0700', category: '委托培训', quota: 1 });
    await ok(core, session, 'users.add', {
      username: 'coord',
      displayName: '协调员',
      role: 'coordinator',
      password: 'password-coord',
    });
    await ok(core, 'coord', 'auth.login', { username: 'coord', password: 'password-coord' });
    const rng = createRng(22);
    const d = await ok(core, 'coord', 'applicants.recordAssigned', {
      name: makeName(rng),
      idNumber: makeIdNumber(rng),
      category: '委托培训',
      specialty: '全科',
      fromBase: '北京示例第二医院',
      reason: '市卫生健康委调剂结果',
    });
    const run = await ok(core, 'coord', 'admission.run', {});
    expect(run.admitted.map((a) => [a.applicantId, a.specialtyCode, a.round])).toEqual([[d.id, '0700', 'adjustment']]);
  });
});
