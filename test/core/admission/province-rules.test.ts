/**
 * The provinces' admission rules through the admission service: Jilin (seed 002) admits 助理全科 单位人 first
 * at equal scores, leaves 调剂 to the province and gives only 社会人 the 14-day contract deadline; Beijing
 * (seed 003) leaves 调剂 to the city and adjusts 自主培训 applicants only into 全科.
 */
import { describe, expect, it } from 'vitest';
import { err, ok, setupBase } from '../../helpers/core';
import { seedApplicants, setPlan } from './seed';

describe('Jilin (seed 002)', () => {
  it('助理全科 “单位人……此类人员同等条件下优先录取。”: equal totals, the 单位人 is admitted, no tie to decide', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await setPlan(core, session, [['AGP', null, 1]]);
    const s = await seedApplicants(core, [
      { key: 'S', choices: ['AGP'], total: 80, interview: 90, written: 70, category: '社会人' },
      { key: 'U', choices: ['AGP'], total: 80, interview: 70, written: 90, category: '单位人' },
    ]);
    const run = await ok(core, session, 'admission.run', {});
    expect(run.ties).toEqual([]);
    expect(run.admitted.map((a) => a.applicantId)).toEqual([s.id('U')]);
    expect(run.admitted[0]!.explanation).toContain('同等条件下单位人优先录取');
  });

  it('“省卫生健康委根据报名招录情况决定是否进行调剂”: the province decides; its outcome is recorded as such', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await setPlan(core, session, [
      ['0100', null, 1],
      ['0200', null, 1],
    ]);
    const s = await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 90 },
      { key: 'B', choices: ['0100'], total: 85, adjust: true },
    ]);
    const run = await ok(core, session, 'admission.run', {});
    expect(run.notAdmitted.find((n) => n.applicantId === s.id('B'))!.message).toContain('调剂由省卫生健康委决定');
    const after = await ok(core, session, 'admission.assignAdjustment', {
      applicantId: s.id('B'),
      specialtyCode: '0200',
      reason: '吉林省卫生健康委调剂结果（2024年8月）',
    });
    const b = after.admitted.find((a) => a.applicantId === s.id('B'))!;
    expect(b).toMatchObject({ specialtyCode: '0200', round: 'adjustment' });
    expect(b.explanation).toContain('省卫生健康委调剂结果，基地登记（吉林省卫生健康委调剂结果（2024年8月））');
  });

  it('“在录取且报到后两周内依法与其签订劳动合同” is for 社会人: a 单位人 has no contract deadline', async () => {
    const now = Date.parse('2024-08-20T02:00:00Z');
    const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院', { clock: { nowMs: () => now }, idleMinutes: 0 });
    await setPlan(core, session, [['0100', null, 2]]);
    const s = await seedApplicants(core, [
      { key: 'S', choices: ['0100'], total: 90, category: '社会人' },
      { key: 'U', choices: ['0100'], total: 85, category: '单位人' },
    ]);
    await ok(core, session, 'admission.run', {});
    await ok(core, session, 'admission.recordReportIn', { applicantId: s.id('S'), date: '2024-08-20' });
    await ok(core, session, 'admission.recordReportIn', { applicantId: s.id('U'), date: '2024-08-20' });
    const rows = await ok(core, session, 'admission.tracking', {});
    expect(rows.map((r) => [r.applicantId, r.deadlineDays, r.deadline])).toEqual([
      [s.id('S'), 14, '2024-09-03'],
      [s.id('U'), null, null],
    ]);
  });
});

describe('Beijing (seed 003)', () => {
  it('“同意调剂至全科的自主培训人员”: the city’s 调剂 of a 自主培训 applicant is recorded into 全科 only', async () => {
    const { core, session } = await setupBase('beijing-2023', '北京某医院');
    await setPlan(core, session, [
      ['0100', null, 1],
      ['0200', null, 1],
      ['0700', null, 1],
    ]);
    const s = await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 90, category: '自主培训' },
      { key: 'B', choices: ['0100'], total: 85, category: '自主培训', adjust: true },
    ]);
    const run = await ok(core, session, 'admission.run', {});
    expect(run.proposals.map((p) => p.specialtyCode)).toEqual(['0700']);
    expect(run.notAdmitted[0]!.message).toContain('调剂由市卫生健康委决定');
    const refused = await err(core, session, 'admission.assignAdjustment', {
      applicantId: s.id('B'),
      specialtyCode: '0200',
      reason: '市卫生健康委调剂结果',
    });
    expect(refused.code).toBe('ALLOC_ADJUST_NOT_ALLOWED');
    const after = await ok(core, session, 'admission.assignAdjustment', {
      applicantId: s.id('B'),
      specialtyCode: '0700',
      reason: '市卫生健康委 8月31日调剂结果',
    });
    const b = after.admitted.find((a) => a.applicantId === s.id('B'))!;
    expect(b).toMatchObject({ specialtyCode: '0700', round: 'adjustment' });
    expect(b.explanation).toContain('市卫生健康委调剂结果');
  });
});
