import { describe, expect, it } from 'vitest';
import { err, ok, setupBase } from '../../helpers/core';
import { chongqingBase, seedExamWorld, type Clocked, type Person } from './world';

async function proposed(w: Clocked) {
  await ok(w.core, w.session, 'exam.propose', { year: 2024 });
  return ok(w.core, w.session, 'exam.candidates', { year: 2024 });
}

const idOf = (w: Clocked, p: Person) => w.people[p].证件号码;

describe('exam candidates from the registry and the rotation plans', () => {
  it('proposes those ending by the cutoff, with their checks; leave past the cutoff is not proposed', async () => {
    const w = await chongqingBase();
    const first = await ok(w.core, w.session, 'exam.propose', { year: 2024 });
    expect(first.added).toBe(6);
    expect(first.notProposed).toHaveLength(1);
    expect(first.notProposed[0]!.reason).toContain('培训预计 2024年10月15日 结束');
    expect(first.notProposed[0]!.idNumber).toContain('********');
    const again = await ok(w.core, w.session, 'exam.propose', { year: 2024 });
    expect(again.added).toBe(0);

    const list = await ok(w.core, w.session, 'exam.candidates', { year: 2024 });
    const by = (p: Person) => list.candidates.find((c) => c.name === w.people[p].姓名)!;
    expect(by('complete').checks.map((c) => [c.code, c.passed])).toEqual([
      ['TRAINING_COMPLETE', true],
      ['ROTATION_PLAN', true],
      ['HANDBOOK', false],
      ['PHYSICIAN_QUALIFICATION', true],
    ]);
    expect(by('complete').idNumber).toMatch(/\*{8}/);
    expect(by('scoreOnly').checks.find((c) => c.code === 'PHYSICIAN_QUALIFICATION')!.message).toContain('成绩合格');
    expect(by('neither').checks.find((c) => c.code === 'PHYSICIAN_QUALIFICATION')!.passed).toBe(false);
    expect(by('short').checks.find((c) => c.code === 'ROTATION_PLAN')!.message).toContain(
      '「呼吸内科」应轮转 18 个月，计划 12 个月',
    );
    expect(by('noPlan').checks.find((c) => c.code === 'TRAINING_COMPLETE')!.message).toContain('没有轮转计划');
    expect(by('agp').checks.map((c) => c.code)).toEqual(['TRAINING_COMPLETE', 'ROTATION_PLAN', 'HANDBOOK']);
    expect(list.candidates.every((c) => c.trainingEnd === '2024-08-31')).toBe(true);
    // Before any handbook is checked, nobody is eligible; those failing nothing else are waiting, not refused.
    expect(by('complete').eligibility).toBe('pending');
    expect(by('noPlan').eligibility).toBe('pending');
    expect(by('neither').eligibility).toBe('ineligible');
    const dashboard = await ok(w.core, w.session, 'exam.dashboard', { year: 2024 });
    expect(dashboard.eligible).toBe(0);
    expect(dashboard.awaitingChecks).toBe(list.candidates.filter((c) => c.eligibility === 'pending').length);
    expect(dashboard.awaitingChecks).toBeGreaterThan(1);
  });
});

describe('editing candidates', () => {
  it('the coordinator adds someone not proposed and edits subjects, each with a reason in the audit trail', async () => {
    const w = await chongqingBase();
    await proposed(w);
    const dup = await err(w.core, w.session, 'exam.addCandidate', {
      year: 2024,
      trainee: idOf(w, 'complete'),
      reason: '重复增加',
    });
    expect(dup.code).toBe('EXAM_CANDIDATE_EXISTS');
    const added = await ok(w.core, w.session, 'exam.addCandidate', {
      year: 2024,
      trainee: idOf(w, 'extended'),
      reason: '学员申请核对报考资格',
    });
    expect(added).toMatchObject({ source: 'manual', trainingEnd: '2024-10-15', eligible: false });
    expect(added.checks.find((c) => c.code === 'TRAINING_COMPLETE')!.message).toContain('培训时间不足');

    const edited = await ok(w.core, w.session, 'exam.editCandidate', {
      year: 2024,
      trainee: idOf(w, 'extended'),
      subjects: ['skills'],
      reason: '只报临床实践技能',
    });
    expect(edited.subjects).toEqual(['skills']);
    const withdrawn = await ok(w.core, w.session, 'exam.editCandidate', {
      year: 2024,
      trainee: idOf(w, 'extended'),
      withdraw: true,
      reason: '本年度不能完成培训',
    });
    expect(withdrawn.status).toBe('withdrawn');
    const events = await w.core.db
      .selectFrom('events')
      .select(['action', 'reason'])
      .where('action', 'in', ['exam.add', 'exam.edit'])
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { action: 'exam.add', reason: '学员申请核对报考资格' },
      { action: 'exam.edit', reason: '只报临床实践技能' },
      { action: 'exam.edit', reason: '本年度不能完成培训' },
    ]);
    const noReason = await err(w.core, w.session, 'exam.editCandidate', {
      year: 2024,
      trainee: idOf(w, 'extended'),
      withdraw: false,
    });
    expect(noReason.code).toBe('INVALID_INPUT');
  });
});

describe('the review desk', () => {
  it('records the handbook check with evidence, then approves; refuses approving an ineligible candidate', async () => {
    const w = await chongqingBase();
    await proposed(w);
    const blocked = await err(w.core, w.session, 'exam.review', {
      year: 2024,
      trainee: idOf(w, 'complete'),
      decision: 'approved',
    });
    expect(blocked.code).toBe('EXAM_NOT_ELIGIBLE');
    expect(blocked.message).toContain('登记手册');

    const checked = await ok(w.core, w.session, 'exam.recordCheck', {
      year: 2024,
      trainee: idOf(w, 'complete'),
      code: 'HANDBOOK',
      passed: true,
      evidence: '轮转登记手册逐页核对，填写完整',
    });
    const handbook = checked.checks.find((c) => c.code === 'HANDBOOK')!;
    expect(handbook).toMatchObject({ passed: true, recordedBy: 'admin', evidence: '轮转登记手册逐页核对，填写完整' });
    expect(handbook.recordedAt).not.toBeNull();

    const approved = await ok(w.core, w.session, 'exam.review', {
      year: 2024,
      trainee: idOf(w, 'complete'),
      decision: 'approved',
    });
    expect(approved).toMatchObject({ status: 'approved', eligible: true, warning: null });
    const review = await w.core.db.selectFrom('exam_reviews').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(review.checks_json)).toHaveLength(4);
  });

  it('the desk checklist follows the candidate type and records what was received', async () => {
    const w = await chongqingBase();
    const list = await proposed(w);
    const by = (p: Person) => list.candidates.find((c) => c.name === w.people[p].姓名)!;
    expect(by('complete').materials.map((m) => m.key)).toEqual([
      'application',
      'stage-record',
      'handbook',
      'qualification',
      'diploma',
      'admission-letter',
      'transfer',
      'reduction',
    ]);
    expect(by('agp').materials).toHaveLength(6);
    expect(by('agp').onsiteItems).toEqual(['身份证', '报名表']);
    const r = await ok(w.core, w.session, 'exam.recordMaterials', {
      year: 2024,
      trainee: idOf(w, 'agp'),
      received: ['application', 'handbook'],
    });
    expect(r.materials.filter((m) => m.received).map((m) => m.key)).toEqual(['application', 'handbook']);
    expect(r.materials.find((m) => m.key === 'handbook')!.receivedBy).toBe('admin');
    const receipt = await ok(w.core, w.session, 'exam.receipt', { year: 2024, trainee: idOf(w, 'agp') });
    expect(receipt.html).toContain('报名材料回执');
    expect(receipt.html).toContain('身份证、报名表');
    expect(receipt.html).not.toContain(idOf(w, 'agp'));
    const bad = await err(w.core, w.session, 'exam.recordMaterials', {
      year: 2024,
      trainee: idOf(w, 'agp'),
      received: ['qualification'],
    });
    expect(bad.code).toBe('EXAM_MATERIAL_UNKNOWN');
  });

  it('returns and refusals need a standard reason', async () => {
    const w = await chongqingBase();
    await proposed(w);
    const bad = await err(w.core, w.session, 'exam.review', {
      year: 2024,
      trainee: idOf(w, 'neither'),
      decision: 'rejected',
      reason: '不合适',
    });
    expect(bad.code).toBe('EXAM_REASON_REQUIRED');
    const r = await ok(w.core, w.session, 'exam.review', {
      year: 2024,
      trainee: idOf(w, 'short'),
      decision: 'returned',
      reason: '轮转手册不符合要求：呼吸内科缺6个月',
    });
    expect(r.status).toBe('returned');
  });

  it('after the closing date a review warns and needs a reason; without one nothing changes', async () => {
    const w = await chongqingBase();
    await proposed(w);
    await ok(w.core, w.session, 'exam.recordCheck', {
      year: 2024,
      trainee: idOf(w, 'complete'),
      code: 'HANDBOOK',
      passed: true,
      evidence: '手册已核对',
    });
    w.setNow('2024-02-23T02:00:00Z');
    const late = await err(w.core, w.session, 'exam.review', { year: 2024, trainee: idOf(w, 'complete'), decision: 'approved' });
    expect(late.code).toBe('EXAM_LATE_REASON_REQUIRED');
    expect(late.message).toContain('2024年2月22日');
    const list = await ok(w.core, w.session, 'exam.candidates', { year: 2024 });
    expect(list.candidates.find((c) => c.name === w.people.complete.姓名)!.status).toBe('proposed');
    const r = await ok(w.core, w.session, 'exam.review', {
      year: 2024,
      trainee: idOf(w, 'complete'),
      decision: 'approved',
      reason: '学员出差，材料2月23日补交',
    });
    expect(r.warning).toContain('截止');
  });

  it('the dashboard shows what is due next and the count at each status', async () => {
    const w = await chongqingBase('2024-02-20T02:00:00Z');
    await proposed(w);
    const d = await ok(w.core, w.session, 'exam.dashboard', { year: 2024 });
    expect(d.due[0]).toMatchObject({ key: 'collect', state: 'open' });
    expect(d.counts.proposed).toBe(6);
    expect(d.edited).toBe(false);
  });

  it('the calendar is editable per year, audited with its reason', async () => {
    const w = await chongqingBase();
    const d = await ok(w.core, w.session, 'exam.dashboard', { year: 2024 });
    const calendar = {
      ...d.calendar,
      steps: d.calendar.steps.map((s) => (s.key === 'collect' ? { ...s, closes: '2024-02-25' } : s)),
    };
    await ok(w.core, w.session, 'exam.setCalendar', { calendar, reason: '市住培办通知延期至2月25日' });
    const after = await ok(w.core, w.session, 'exam.dashboard', { year: 2024 });
    expect(after.edited).toBe(true);
    expect(after.calendar.steps.find((s) => s.key === 'collect')!.closes).toBe('2024-02-25');
    expect((await err(w.core, w.session, 'exam.dashboard', { year: 2031 })).code).toBe('EXAM_NO_CALENDAR');
  });
});

describe('registration tracking, results and certificates', () => {
  async function approvedComplete(w: Clocked) {
    await proposed(w);
    await ok(w.core, w.session, 'exam.recordCheck', {
      year: 2024,
      trainee: idOf(w, 'complete'),
      code: 'HANDBOOK',
      passed: true,
      evidence: '手册已核对',
    });
    await ok(w.core, w.session, 'exam.review', { year: 2024, trainee: idOf(w, 'complete'), decision: 'approved' });
  }

  it('tracks each subject in the provincial and national systems', async () => {
    const w = await chongqingBase();
    await approvedComplete(w);
    w.setNow('2024-03-05T02:00:00Z');
    const r = await ok(w.core, w.session, 'exam.setRegistration', {
      year: 2024,
      trainee: idOf(w, 'complete'),
      subject: 'theory',
      provincial: true,
      national: true,
      identical: true,
    });
    expect(r.registrations.find((x) => x.subject === 'theory')).toMatchObject({
      provincial: true,
      national: true,
      identical: true,
      statusSeen: false,
    });
    expect(r.registrationLapsed).toBe(false);
    w.setNow('2024-03-13T02:00:00Z');
    const d = await ok(w.core, w.session, 'exam.dashboard', { year: 2024 });
    expect(d.lapsed).toBe(1);
    const done = await ok(w.core, w.session, 'exam.setRegistration', {
      year: 2024,
      trainee: idOf(w, 'complete'),
      subject: 'skills',
      provincial: true,
      reason: '3月12日已确认，补录',
    });
    expect(done.registrationLapsed).toBe(false);
    const notApproved = await err(w.core, w.session, 'exam.setRegistration', {
      year: 2024,
      trainee: idOf(w, 'neither'),
      subject: 'theory',
      provincial: true,
    });
    expect(notApproved.code).toBe('EXAM_NOT_APPROVED');
  });

  it('a results file naming an unknown person is refused row by row and changes nothing', async () => {
    const w = await chongqingBase();
    await approvedComplete(w);
    const csv = [
      '姓名,证件号码,科目,结果,成绩',
      `${w.people.complete.姓名},${idOf(w, 'complete')},专业理论,合格,512`,
      '无名氏,11010519491231002X,临床实践技能,合格,',
    ].join('\n');
    const r = await ok(w.core, w.session, 'exam.importResults', {
      year: 2024,
      fileName: '成绩.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    expect(r.imported).toBe(0);
    expect(r.rejected).toEqual([expect.objectContaining({ row: 3, code: 'EXAM_UNKNOWN_PERSON' })]);
    expect(r.rejected[0]!.message).not.toContain('11010519491231002X');
    expect(await w.core.db.selectFrom('exam_results').selectAll().execute()).toHaveLength(0);
  });

  it('passing both subjects and completing training makes the trainee 结业 through the status history', async () => {
    const w = await chongqingBase();
    await approvedComplete(w);
    const csv = [
      '姓名,证件号码,专业理论,专业理论成绩,临床实践技能',
      `${w.people.complete.姓名},${idOf(w, 'complete')},合格,512,合格`,
    ].join('\n');
    const file = { year: 2024, fileName: '成绩.csv', contentBase64: Buffer.from(csv).toString('base64') };
    const r = await ok(w.core, w.session, 'exam.importResults', file);
    expect(r).toMatchObject({ imported: 2, passedBoth: 1, rejected: [] });
    expect((await ok(w.core, w.session, 'exam.importResults', file)).unchanged).toBe(2);

    const early = await err(w.core, w.session, 'exam.recordCertificate', {
      trainee: idOf(w, 'complete'),
      certNo: 'ZP2024500001',
      issuedOn: '2024-07-31',
    });
    expect(early.code).toBe('EXAM_TRAINING_NOT_ENDED');
    const cert = await ok(w.core, w.session, 'exam.recordCertificate', {
      trainee: idOf(w, 'complete'),
      certNo: 'ZP2024500001',
      issuedOn: '2024-09-20',
    });
    expect(cert.completed).toBe(true);
    const t = await ok(w.core, w.session, 'trainees.get', { id: cert.traineeId });
    expect(t.status).toBe('completed');
    expect(t.statusHistory.at(-1)).toMatchObject({ toStatus: 'completed', effectiveDate: '2024-09-20' });
    expect(t.statusHistory.at(-1)!.reason).toContain('ZP2024500001');

    const notPassed = await err(w.core, w.session, 'exam.recordCertificate', {
      trainee: idOf(w, 'scoreOnly'),
      certNo: 'ZP2024500002',
      issuedOn: '2024-09-20',
    });
    expect(notPassed.code).toBe('EXAM_NOT_PASSED');
  });

  it('exports the 汇总表 of approved candidates with the signature lines', async () => {
    const w = await chongqingBase();
    await approvedComplete(w);
    const x = await ok(w.core, w.session, 'exam.export', { year: 2024, program: 'residency' });
    expect(x.rows).toBe(1);
    expect(x.fileName).toBe('2024年重庆市住院医师规范化培训结业考核报名汇总表（重庆测试医院）.xlsx');
    const html = await ok(w.core, w.session, 'exam.printable', { year: 2024, program: 'residency' });
    expect(html.html).toContain('培训基地（盖章）');
    expect(html.html).toContain('负责人签字');
    expect(html.html).toContain(idOf(w, 'complete'));
    expect((await err(w.core, w.session, 'exam.export', { year: 2024, program: 'agp' })).code).toBe('EXAM_SUMMARY_EMPTY');
  });
});

describe('福建 助理全科 (seed 004)', () => {
  it('only 助理全科 are proposed; leave recorded later pushes the end past 2024年12月 and END_BEFORE_CUTOFF fails', async () => {
    const { core, session } = await setupBase('fujian-2024-agp', '福建测试医院', {
      clock: { nowMs: () => Date.parse('2024-03-05T02:00:00Z') },
      idleMinutes: 0,
    });
    const people = await seedExamWorld(core, session);
    await ok(core, session, 'exam.propose', { year: 2024 });
    const list = await ok(core, session, 'exam.candidates', { year: 2024 });
    expect(list.candidates.map((c) => c.name)).toEqual([people.agp.姓名]);
    expect(list.candidates[0]!.checks.find((c) => c.code === 'END_BEFORE_CUTOFF')!.passed).toBe(true);

    await core.db
      .insertInto('rotation_leave')
      .values({
        id: 'leave-agp',
        trainee_id: list.candidates[0]!.traineeId,
        type: '产假',
        from_date: '2024-09-01',
        to_date: '2024-12-15',
        reason: null,
        created_by: 'admin',
        created_at: '2024-03-05T00:00:00Z',
      })
      .execute();
    const again = await ok(core, session, 'exam.propose', { year: 2024 });
    expect(again).toMatchObject({ added: 0, refreshed: 1 });
    const after = (await ok(core, session, 'exam.candidates', { year: 2024 })).candidates[0]!;
    expect(after.trainingEnd).toBe('2024-12-15');
    const cutoff = after.checks.find((c) => c.code === 'END_BEFORE_CUTOFF')!;
    expect(cutoff.passed).toBe(false);
    expect(cutoff.message).toContain('因请假或出科考核不合格延长培训');
    expect(cutoff.message).toContain('本年度不能报名');
    expect(after.eligible).toBe(false);
  });
});
