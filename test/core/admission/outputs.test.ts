import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addUserAndLogin, err, ok, setupBase } from '../../helpers/core';
import { seedApplicants, setPlan } from './seed';

async function admittedBase() {
  const { core, session } = await setupBase('jilin-2024');
  await setPlan(core, session, [
    ['0100', null, 2],
    ['0200', null, 1],
    [null, null, 3],
  ]);
  const s = await seedApplicants(core, [
    { key: 'A', choices: ['0100'], total: 90, category: '单位人', employer: '长春市某卫生院' },
    { key: 'B', choices: ['0100'], total: 85 },
    { key: 'C', choices: ['0100'], total: 80, adjust: true },
    { key: 'D', choices: ['0200'], total: 'absent' },
    { key: 'E', choices: ['0200'], total: 88, status: 'returned' },
  ]);
  await ok(core, session, 'admission.run', {});
  return { core, session, s };
}

describe('拟录取名单公示', () => {
  it('records the 3-day window, audits it, and the page shows masked ID numbers only', async () => {
    const { core, session, s } = await admittedBase();
    const pub = await ok(core, session, 'admission.publish', { startDate: '2024-07-10' });
    expect(pub).toMatchObject({ startDate: '2024-07-10', endDate: '2024-07-12', days: 3, runNo: 1, supersededByRun: null });
    const page = await ok(core, session, 'admission.publicationHtml', {});
    expect(page.html).toContain('公示期：2024年7月10日 至 2024年7月12日');
    expect(page.html).toContain(s.name('A'));
    expect(page.html).not.toContain(s.idNumber('A'));
    expect(page.html).toContain(s.idNumber('A').slice(0, 6) + '********');
    expect(await core.db.selectFrom('events').select('id').where('action', '=', 'admission.publish').execute()).toHaveLength(1);
    expect((await err(core, session, 'admission.publish', { startDate: '2024-07-10' })).code).toBe('ADMISSION_ALREADY_PUBLISHED');
  });

  it('a second run after publication warns and needs confirmation with a reason', async () => {
    const { core, session, s } = await admittedBase();
    await ok(core, session, 'admission.publish', { startDate: '2024-07-10' });
    const warned = await err(core, session, 'admission.run', {});
    expect(warned.code).toBe('ADMISSION_PUBLISHED');
    expect(warned.message).toContain('2024年7月10日');
    expect((await err(core, session, 'admission.decline', { applicantId: s.id('A') })).code).toBe('ADMISSION_PUBLISHED');
    expect((await err(core, session, 'admission.run', { confirm: true })).code).toBe('ADMISSION_CONFIRM_REASON_REQUIRED');
    expect((await ok(core, session, 'admission.list', {})).runNo).toBe(1);
    const rerun = await ok(core, session, 'admission.decline', {
      applicantId: s.id('A'),
      confirm: true,
      reason: '公示期间本人书面放弃',
    });
    expect(rerun.runNo).toBe(2);
    expect(rerun.changes.map((c) => [c.kind, c.applicantId])).toEqual([
      ['dropped', s.id('A')],
      ['admitted', s.id('C')],
    ]);
    const list = await ok(core, session, 'admission.list', {});
    expect(list.published).toBeNull(); // the old publication no longer stands: publish again
    const again = await ok(core, session, 'admission.publish', { startDate: '2024-07-15' });
    expect(again.runNo).toBe(2);
    expect((await err(core, session, 'admission.run', {})).code).toBe('ADMISSION_PUBLISHED');
  });

  it('cannot publish while a tie waits for a decision', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await setPlan(core, session, [['0100', null, 1]]);
    await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 85 },
      { key: 'B', choices: ['0100'], total: 85 },
    ]);
    await ok(core, session, 'admission.run', {});
    expect((await err(core, session, 'admission.publish', { startDate: '2024-07-10' })).code).toBe('ADMISSION_TIES_OPEN');
  });
});

describe('拟录取学员汇总表 and statistics', () => {
  it('XLSX with the Jilin 附件4 columns, full ID numbers for a permitted role, audited', async () => {
    const { core, session, s } = await admittedBase();
    const file = await ok(core, session, 'admission.summaryXlsx', {});
    expect(file.revealed).toBe(true);
    expect(file.rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '序号',
      '姓名',
      '录取专业',
      '性别',
      '身份证号',
      '手机号',
      '最高学历',
      '人员属性',
      '工作单位（单位人填写）',
    ]);
    const first = ws.getRow(4).values as unknown[];
    expect(first.slice(1, 6)).toEqual([1, s.name('A'), '内科', expect.stringMatching(/^[男女]$/), s.idNumber('A')]);
    expect(first[8]).toBe('单位人');
    expect(first[9]).toBe('长春市某卫生院');
    const masked = await ok(core, session, 'admission.summaryXlsx', { reveal: false });
    expect(masked.revealed).toBe(false);
    const events = await core.db.selectFrom('events').select('after_json').where('action', '=', 'admission.export').execute();
    expect(events.map((e) => JSON.parse(e.after_json!) as { revealed: boolean })).toMatchObject([
      { revealed: true },
      { revealed: false },
    ]);
    const html = await ok(core, session, 'admission.summaryHtml', { reveal: false });
    expect(html.html).toContain('工作单位（单位人填写）');
    expect(html.html).not.toContain(s.idNumber('A'));
  });

  it('recruitment statistics per specialty', async () => {
    const { core, session, s } = await admittedBase();
    await ok(core, session, 'admission.assignAdjustment', { applicantId: s.id('C'), specialtyCode: '0200', reason: '服从调剂' });
    await ok(core, session, 'admission.recordReportIn', { applicantId: s.id('A'), date: '2024-08-20' });
    const stats = await ok(core, session, 'admission.stats', {});
    const by = Object.fromEntries(stats.rows.map((r) => [r.specialtyCode ?? 'pool', r]));
    expect(by['0100']).toMatchObject({ plan: 2, applied: 3, confirmed: 3, examined: 3, admitted: 2, adjusted: 0, reported: 1 });
    expect(by['0200']).toMatchObject({ plan: 1, applied: 2, confirmed: 1, examined: 0, admitted: 1, adjusted: 1, reported: 0 });
    expect(by['pool']).toMatchObject({ plan: 3, admitted: 0 });
    expect(stats.total).toMatchObject({ plan: 6, applied: 5, admitted: 3 });
  });

  it('only coordinators and administrators see or run admission; reveal is audited', async () => {
    const { core, session } = await admittedBase();
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    expect((await err(core, clerk, 'admission.list', {})).code).toBe('FORBIDDEN');
    expect((await err(core, clerk, 'admission.run', {})).code).toBe('FORBIDDEN');
    const coord = await addUserAndLogin(core, session, 'coord1', 'coordinator');
    const shown = await ok(core, coord, 'admission.list', { reveal: true });
    expect(shown.revealed).toBe(true);
    expect(shown.admitted[0]!.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(await core.db.selectFrom('events').select('id').where('action', '=', 'admission.reveal').execute()).toHaveLength(1);
  });
});

describe('training years and report-in / contract tracking', () => {
  it('reduction: request with documents, the base decides with a reason, the province reviews later', async () => {
    const { core, session, s } = await admittedBase();
    let rows = await ok(core, session, 'admission.trainingYears', {});
    expect(rows.map((r) => [r.applicantId, r.program, r.defaultYears, r.decidedYears, r.status])).toEqual([
      [s.id('A'), 'residency', 3, 3, 'none'],
      [s.id('B'), 'residency', 3, 3, 'none'],
    ]);
    expect(
      (await err(core, session, 'admission.requestReduction', { applicantId: s.id('A'), years: 1, documents: [] })).code,
    ).toBe('INVALID_INPUT');
    await ok(core, session, 'admission.requestReduction', {
      applicantId: s.id('A'),
      years: 2,
      documents: ['临床医学专业学位硕士学位证书', '年限减免申请表'],
    });
    const decided = await ok(core, session, 'admission.decideReduction', {
      applicantId: s.id('A'),
      approve: true,
      years: 1,
      reason: '专硕在读期间轮转记录完整，减免 1 年',
    });
    expect(decided).toMatchObject({ status: 'base-approved', decidedYears: 2, final: false, requested: 2, baseYears: 1 });
    const reviewed = await ok(core, session, 'admission.recordProvinceReview', {
      applicantId: s.id('A'),
      outcome: 'rejected',
      note: '材料不符合要求',
    });
    expect(reviewed).toMatchObject({ status: 'province-rejected', decidedYears: 3, final: true });
    expect(
      (await err(core, session, 'admission.decideReduction', { applicantId: s.id('B'), approve: true, reason: '无申请' })).code,
    ).toBe('ADMISSION_NO_REDUCTION_REQUEST');
    expect(
      (await err(core, session, 'admission.requestReduction', { applicantId: s.id('D'), years: 1, documents: ['x'] })).code,
    ).toBe('ADMISSION_NOT_ADMITTED');
    rows = await ok(core, session, 'admission.trainingYears', {});
    expect(rows[0]!.documents).toEqual(['临床医学专业学位硕士学位证书', '年限减免申请表']);
  });

  it('助理全科 trainees cannot request a reduction', async () => {
    const { core, session } = await setupBase('chongqing-2022-agp');
    await setPlan(core, session, [['AGP', null, 2]]);
    const s = await seedApplicants(core, [{ key: 'A', choices: ['AGP'], total: 80, reduction: 1 }]);
    await ok(core, session, 'admission.run', {});
    const [row] = await ok(core, session, 'admission.trainingYears', {});
    expect(row).toMatchObject({ program: 'agp', defaultYears: 2, requested: 0, decidedYears: 2 });
    expect(row!.warning).toContain('助理全科');
    const e = await err(core, session, 'admission.requestReduction', { applicantId: s.id('A'), years: 1, documents: ['证明'] });
    expect(e.code).toBe('ADMISSION_AGP_NO_REDUCTION');
  });

  it('flags a contract not signed within the preset’s deadline after report-in (Jilin: 14 days)', async () => {
    let now = Date.parse('2024-08-20T02:00:00Z');
    const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院', { clock: { nowMs: () => now }, idleMinutes: 0 });
    await setPlan(core, session, [['0100', null, 3]]);
    const s = await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 90 },
      { key: 'B', choices: ['0100'], total: 85 },
      { key: 'C', choices: ['0100'], total: 80 },
    ]);
    await ok(core, session, 'admission.run', {});
    expect((await err(core, session, 'admission.recordContract', { applicantId: s.id('A'), date: '2024-08-21' })).code).toBe(
      'ADMISSION_NOT_REPORTED',
    );
    await ok(core, session, 'admission.recordReportIn', { applicantId: s.id('A'), date: '2024-08-20' });
    await ok(core, session, 'admission.recordReportIn', { applicantId: s.id('B'), date: '2024-08-20' });
    await ok(core, session, 'admission.recordContract', { applicantId: s.id('B'), date: '2024-08-30' });
    let rows = await ok(core, session, 'admission.tracking', {});
    expect(rows.map((r) => [r.applicantId, r.status, r.deadline, r.daysLeft])).toEqual([
      [s.id('A'), 'awaiting-contract', '2024-09-03', 14],
      [s.id('B'), 'signed', '2024-09-03', null],
      [s.id('C'), 'not-reported', null, null],
    ]);
    now = Date.parse('2024-09-05T02:00:00Z');
    rows = await ok(core, session, 'admission.tracking', {});
    expect(rows[0]).toMatchObject({ status: 'overdue', daysLeft: -2 });
    expect((await err(core, session, 'admission.recordReportIn', { applicantId: s.id('A'), date: '2024-02-30' })).code).toBe(
      'ADMISSION_BAD_DATE',
    );
  });
});
