import { describe, expect, it } from 'vitest';
import { err, ok } from '../../helpers/core';
import { chongqingBase, type Clocked, type Person } from './world';

const idOf = (w: Clocked, p: Person) => w.people[p].证件号码;
const RESIDENCY_PAPERS = ['application', 'stage-record', 'handbook', 'qualification', 'diploma', 'admission-letter'];

async function approvedComplete(w: Clocked) {
  await ok(w.core, w.session, 'exam.propose', { year: 2024 });
  await ok(w.core, w.session, 'exam.recordCheck', {
    year: 2024,
    trainee: idOf(w, 'complete'),
    code: 'HANDBOOK',
    passed: true,
    evidence: '手册已核对',
  });
  await ok(w.core, w.session, 'exam.review', { year: 2024, trainee: idOf(w, 'complete'), decision: 'approved' });
}

describe('registration tracking', () => {
  it('follows one candidate through materials, checks, decision, 汇总表 and online registration, in calendar order', async () => {
    const w = await chongqingBase();
    await approvedComplete(w);
    const row = async () =>
      (await ok(w.core, w.session, 'exam.tracking', { year: 2024 })).rows.find((r) => r.name === w.people.complete.姓名)!;

    const t0 = await ok(w.core, w.session, 'exam.tracking', { year: 2024 });
    // 重庆: review closes 2月22日, the paper 汇总表 2月26日, 现场网报确认 3月12日.
    expect(t0.order).toEqual(['materials', 'checks', 'decision', 'summary', 'registration']);
    expect(t0.rows).toHaveLength(6);
    expect(t0.rows.every((r) => r.idNumber.includes('*'))).toBe(true);
    const first = await row();
    expect(first).toMatchObject({ status: 'approved', next: 'materials', materials: { received: 0, required: 6 } });
    expect(first.done).toMatchObject({ checks: true, decision: true, summary: false, registration: false });

    await ok(w.core, w.session, 'exam.recordMaterials', { year: 2024, trainee: idOf(w, 'complete'), received: RESIDENCY_PAPERS });
    expect((await row()).next).toBe('summary');
    await ok(w.core, w.session, 'exam.export', { year: 2024, program: 'residency' });
    expect(await row()).toMatchObject({ next: 'registration', done: { summary: true } });

    w.setNow('2024-03-05T02:00:00Z');
    for (const subject of ['theory', 'skills'] as const)
      await ok(w.core, w.session, 'exam.setRegistration', {
        year: 2024,
        trainee: idOf(w, 'complete'),
        subject,
        provincial: true,
        national: true,
        identical: true,
      });
    const done = await ok(w.core, w.session, 'exam.tracking', { year: 2024 });
    expect(done.rows.find((r) => r.name === w.people.complete.姓名)!.next).toBeNull();
    expect(done.counts.done).toBe(1);
    expect(done.counts.materials).toBe(5);
  });

  it('late registration work is refused without a reason and kept with one', async () => {
    const w = await chongqingBase();
    await approvedComplete(w);
    w.setNow('2024-03-14T02:00:00Z');
    const d = await ok(w.core, w.session, 'exam.dashboard', { year: 2024 });
    expect(d.late.registration).toMatch(/现场网报确认.*截止/);
    const input = { year: 2024, trainee: idOf(w, 'complete'), subject: 'theory' as const, provincial: true };
    expect((await err(w.core, w.session, 'exam.setRegistration', input)).code).toBe('EXAM_LATE_REASON_REQUIRED');
    expect(await w.core.db.selectFrom('exam_registrations').selectAll().execute()).toHaveLength(0);
    const r = await ok(w.core, w.session, 'exam.setRegistration', { ...input, reason: '3月12日已现场确认，补录' });
    expect(r.warning).toContain('截止');
  });
});

describe('results preview and the results list', () => {
  it('a preview reports what the import would do and writes nothing; the import then lists both subjects', async () => {
    const w = await chongqingBase();
    await approvedComplete(w);
    const csv = [
      '姓名,证件号码,专业理论,专业理论成绩,临床实践技能',
      `${w.people.complete.姓名},${idOf(w, 'complete')},合格,512,合格`,
      `${w.people.scoreOnly.姓名},${idOf(w, 'scoreOnly')},不合格,388,合格`,
    ].join('\n');
    const file = { year: 2024, fileName: '成绩.csv', contentBase64: Buffer.from(csv).toString('base64') };
    const preview = await ok(w.core, w.session, 'exam.importResults', { ...file, dryRun: true });
    expect(preview).toMatchObject({ imported: 4, passedBoth: 1, rejected: [], dryRun: true });
    expect(await w.core.db.selectFrom('exam_results').selectAll().execute()).toHaveLength(0);
    expect(await w.core.db.selectFrom('events').selectAll().where('action', '=', 'exam.result').execute()).toHaveLength(0);

    expect(await ok(w.core, w.session, 'exam.importResults', file)).toMatchObject({ imported: 4, dryRun: false });
    const list = await ok(w.core, w.session, 'exam.results', { year: 2024 });
    expect(list.rows).toHaveLength(2);
    const mine = list.rows.find((r) => r.name === w.people.complete.姓名)!;
    expect(mine).toMatchObject({ passedBoth: true, theory: { passed: true, score: '512', year: 2024 }, certificate: null });
    expect(mine.idNumber).not.toBe(idOf(w, 'complete'));
    expect(list.rows.find((r) => r.name === w.people.scoreOnly.姓名)!.passedBoth).toBe(false);

    await ok(w.core, w.session, 'exam.recordCertificate', {
      trainee: idOf(w, 'complete'),
      certNo: 'ZP2024500001',
      issuedOn: '2024-09-20',
    });
    const after = await ok(w.core, w.session, 'exam.results', { year: 2024 });
    expect(after.rows.find((r) => r.name === w.people.complete.姓名)).toMatchObject({
      certificate: { certNo: 'ZP2024500001', issuedOn: '2024-09-20' },
      traineeStatus: 'completed',
    });
  });

  it('a bad row refuses the preview and the import alike, by row, in Chinese', async () => {
    const w = await chongqingBase();
    const csv = ['姓名,证件号码,科目,结果,成绩', `${w.people.complete.姓名},${idOf(w, 'complete')},专业理论,优秀,512`].join('\n');
    const file = { year: 2024, fileName: '成绩.csv', contentBase64: Buffer.from(csv).toString('base64') };
    const preview = await ok(w.core, w.session, 'exam.importResults', { ...file, dryRun: true });
    expect(preview.rejected).toEqual([expect.objectContaining({ row: 2, code: 'EXAM_BAD_RESULT' })]);
    expect(preview.rejected[0]!.message).toContain('不是有效的考核结果');
    expect((await ok(w.core, w.session, 'exam.importResults', file)).imported).toBe(0);
    expect(await w.core.db.selectFrom('exam_results').selectAll().execute()).toHaveLength(0);
  });
});
