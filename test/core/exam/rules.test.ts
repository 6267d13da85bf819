import { describe, expect, it } from 'vitest';
import {
  calendarProblems,
  checkEligibility,
  dueSteps,
  eligibilityOf,
  isEligible,
  lateness,
  nominalEnd,
  proposeCandidates,
  rejectionProblem,
  subjectsToSit,
} from '../../../src/core/exam/rules';
import type { ExamFacts } from '../../../src/core/exam/rules';
import { CHONGQING, FUJIAN, agp, residency, rotation } from './facts';

const HANDBOOK_OK = {
  code: 'HANDBOOK' as const,
  passed: true,
  evidence: '轮转登记手册已核对',
  actor: 'clerk',
  at: '2024-02-10T01:00:00Z',
};

function checks(facts: ExamFacts, calendar = CHONGQING, retake = false) {
  const list = checkEligibility({ facts, calendar, today: '2024-02-10', retake, recorded: [HANDBOOK_OK] });
  return { list, by: Object.fromEntries(list.map((c) => [c.code, c])), eligible: isEligible(list) };
}

describe('eligibility: 住培 (重庆2024 二(一))', () => {
  it('lists exactly the four residency checks, each citing its sentence', () => {
    const { list } = checks(residency());
    expect(list.map((c) => c.code)).toEqual(['TRAINING_COMPLETE', 'ROTATION_PLAN', 'HANDBOOK', 'PHYSICIAN_QUALIFICATION']);
    expect(list.every((c) => c.source.startsWith('重庆2024 二(一)'))).toBe(true);
  });

  it('complete training with a certificate is eligible', () => {
    const r = checks(residency());
    expect(r.eligible).toBe(true);
    expect(r.by.TRAINING_COMPLETE!.message).toContain('2024年8月31日');
    expect(r.by.PHYSICIAN_QUALIFICATION!.message).toContain('执业医师资格证书');
  });

  it('complete training with only a passing score is eligible (执医考试成绩合格)', () => {
    const r = checks(residency({ qualificationCertNo: null, qualificationExam: 'pass' }));
    expect(r.eligible).toBe(true);
    expect(r.by.PHYSICIAN_QUALIFICATION!.message).toContain('成绩合格');
  });

  it('neither a certificate nor a passing score fails PHYSICIAN_QUALIFICATION', () => {
    const r = checks(residency({ qualificationCertNo: null, qualificationExam: 'fail' }));
    expect(r.eligible).toBe(false);
    expect(r.by.PHYSICIAN_QUALIFICATION).toMatchObject({ passed: false });
    expect(r.by.PHYSICIAN_QUALIFICATION!.message).toContain('不合格');
  });

  it('a required department short fails ROTATION_PLAN, naming it', () => {
    const r = checks(
      residency({ rotation: rotation({ short: [{ standardDepartment: '心血管内科', required: 3, planned: 2 }] }) }),
    );
    expect(r.by.ROTATION_PLAN).toMatchObject({ passed: false });
    expect(r.by.ROTATION_PLAN!.message).toContain('「心血管内科」应轮转 3 个月，计划 2 个月');
    expect(r.by.TRAINING_COMPLETE!.passed).toBe(true);
  });

  it('training extended by leave past the cutoff fails TRAINING_COMPLETE with 培训时间不足', () => {
    const r = checks(residency({ rotation: rotation({ end: '2024-10-15', extendedMonths: 1.5 }) }));
    expect(r.by.TRAINING_COMPLETE).toMatchObject({ passed: false });
    expect(r.by.TRAINING_COMPLETE!.message).toMatch(/^培训时间不足.*顺延 1.5 个月.*2024年10月15日/);
  });

  it('a candidate without a rotation plan gets a clear message, not a silent pass: waiting for a person, not failed', () => {
    const r = checks(residency({ rotation: null }));
    expect(r.by.TRAINING_COMPLETE).toMatchObject({ passed: false, pending: true });
    expect(r.by.ROTATION_PLAN).toMatchObject({ passed: false, pending: true });
    expect(r.by.ROTATION_PLAN!.message).toContain('没有轮转计划');
    expect(eligibilityOf(r.list)).toBe('pending');
  });

  it('the handbook needs a person: without a recorded check it is pending, not failed', () => {
    const list = checkEligibility({ facts: residency(), calendar: CHONGQING, today: '2024-02-10', retake: false });
    expect(list.find((c) => c.code === 'HANDBOOK')).toMatchObject({ passed: false, pending: true });
    expect(isEligible(list)).toBe(false);
    expect(eligibilityOf(list)).toBe('pending');
    expect(list.filter((c) => c.code !== 'HANDBOOK').every((c) => c.passed && !c.pending)).toBe(true);
  });

  it('a check that failed outweighs one still waiting; a recorded failure is no longer waiting', () => {
    const waiting = checkEligibility({
      facts: residency({ qualificationCertNo: null, qualificationExam: 'fail' }),
      calendar: CHONGQING,
      today: '2024-02-10',
      retake: false,
    });
    expect(eligibilityOf(waiting)).toBe('ineligible');
    const refused = checkEligibility({
      facts: residency(),
      calendar: CHONGQING,
      today: '2024-02-10',
      retake: false,
      recorded: [{ ...HANDBOOK_OK, passed: false, evidence: '手册缺少出科考核记录' }],
    });
    expect(refused.find((c) => c.code === 'HANDBOOK')).toMatchObject({ passed: false, pending: false });
    expect(eligibilityOf(refused)).toBe('ineligible');
    expect(eligibilityOf(checks(residency()).list)).toBe('eligible');
  });

  it('a recorded check replaces the computed one (latest wins)', () => {
    const recorded = [
      HANDBOOK_OK,
      {
        code: 'ROTATION_PLAN' as const,
        passed: true,
        evidence: '省平台轮转记录已核对',
        actor: 'coord',
        at: '2024-02-11T00:00:00Z',
      },
    ];
    const list = checkEligibility({
      facts: residency({ rotation: null }),
      calendar: CHONGQING,
      today: '2024-02-10',
      retake: false,
      recorded,
    });
    expect(list.find((c) => c.code === 'ROTATION_PLAN')).toMatchObject({ passed: true, message: '省平台轮转记录已核对' });
  });
});

describe('eligibility: 助理全科', () => {
  it('重庆: only the first three checks; no certificate needed', () => {
    const r = checks(agp());
    expect(r.list.map((c) => c.code)).toEqual(['TRAINING_COMPLETE', 'ROTATION_PLAN', 'HANDBOOK']);
    expect(r.eligible).toBe(true);
  });

  it('福建: stage exam, process assessment, cutoff and expiry apply too', () => {
    const r = checks(agp(), FUJIAN);
    expect(r.list.map((c) => c.code)).toEqual([
      'TRAINING_COMPLETE',
      'ROTATION_PLAN',
      'HANDBOOK',
      'END_BEFORE_CUTOFF',
      'THEORY_STAGE_EXAM',
      'PROCESS_ASSESSMENT',
      'RESULT_EXPIRED',
    ]);
    expect(r.eligible).toBe(true);
  });

  it('福建: extended by leave past 2024年12月 fails END_BEFORE_CUTOFF (本年度不能报名)', () => {
    const r = checks(
      agp({ rotation: rotation({ end: '2024-12-15', months: 24, requiredMonths: 24, extendedMonths: 4 }) }),
      FUJIAN,
    );
    expect(r.by.END_BEFORE_CUTOFF).toMatchObject({ passed: false });
    expect(r.by.END_BEFORE_CUTOFF!.message).toContain('因请假或出科考核不合格延长培训');
    expect(r.by.END_BEFORE_CUTOFF!.message).toContain('本年度不能报名');
  });

  it('福建: a stage exam not taken and a failed process assessment fail their checks', () => {
    const r = checks(agp({ theoryStageExam: 'none', processAssessment: 'fail' }), FUJIAN);
    expect(r.by.THEORY_STAGE_EXAM).toMatchObject({ passed: false, message: '集中理论培训阶段考试未考或成绩未登记' });
    expect(r.by.PROCESS_ASSESSMENT).toMatchObject({ passed: false, message: '培训过程考核不合格' });
  });

  it('福建: three years after rotation ended without passing, the result has expired (须重新参加培训)', () => {
    const old = agp({
      startDate: '2019-09-01',
      rotation: rotation({ end: '2021-08-31', months: 24, requiredMonths: 24 }),
      results: [{ year: 2021, subject: 'theory', passed: false }],
    });
    const r = checks(old, FUJIAN);
    expect(r.by.RESULT_EXPIRED).toMatchObject({ passed: false });
    expect(r.by.RESULT_EXPIRED!.message).toContain('2021-2023');
    const recent = checks(agp({ rotation: rotation({ end: '2022-08-31', months: 24, requiredMonths: 24 }) }), FUJIAN);
    expect(recent.by.RESULT_EXPIRED!.passed).toBe(true);
  });
});

describe('result validity (福建2024 四: 3 年（含考试当年）)', () => {
  const results = [
    { year: 2022, subject: 'theory' as const, passed: true },
    { year: 2022, subject: 'skills' as const, passed: false },
  ];
  it('a retaker sits only the failed subject while the passed one is valid', () => {
    expect(subjectsToSit(results, 2023, 3)).toEqual(['skills']);
    expect(subjectsToSit(results, 2024, 3)).toEqual(['skills']);
  });
  it('after three exam years the passed subject no longer counts', () => {
    expect(subjectsToSit(results, 2025, 3)).toEqual(['theory', 'skills']);
  });
});

describe('candidate proposal', () => {
  it('proposes first-time trainees ending in the window, skips later ones with a reason, and proposes retakers for the failed subject', () => {
    const onTime = residency({ traineeId: 'a' });
    const late = residency({ traineeId: 'b', startDate: '2022-09-01', rotation: rotation({ end: '2025-08-31' }) });
    const extended = residency({ traineeId: 'c', rotation: rotation({ end: '2024-11-15', extendedMonths: 2.5 }) });
    const retaker = residency({
      traineeId: 'd',
      startDate: '2019-09-01',
      rotation: rotation({ end: '2022-08-31' }),
      results: [
        { year: 2023, subject: 'theory', passed: true },
        { year: 2023, subject: 'skills', passed: false },
      ],
    });
    const done = residency({
      traineeId: 'e',
      results: [
        { year: 2024, subject: 'theory', passed: true },
        { year: 2024, subject: 'skills', passed: true },
      ],
    });
    const gone = residency({ traineeId: 'f', status: 'withdrawn' });
    const otherProgram = agp({ traineeId: 'g' });
    const { proposals, notProposed } = proposeCandidates([onTime, late, extended, retaker, done, gone, otherProgram], {
      ...CHONGQING,
      programs: ['residency'],
    });
    expect(proposals).toEqual([
      { traineeId: 'a', subjects: ['theory', 'skills'], retake: false, trainingEnd: '2024-08-31' },
      { traineeId: 'd', subjects: ['skills'], retake: true, trainingEnd: '2022-08-31' },
    ]);
    expect(notProposed.map((n) => n.traineeId)).toEqual(['b', 'c']);
    expect(notProposed[1]!.reason).toContain('含请假顺延');
  });

  it('without a plan the end is the nominal one pushed back by recorded leave', () => {
    expect(nominalEnd('2021-09-01', 3)).toBe('2024-08-31');
    expect(nominalEnd('2021-09-01', 3, 1.5)).toBe('2024-10-15');
    const { proposals, notProposed } = proposeCandidates([residency({ rotation: null, leaveMonths: 1.5 })], CHONGQING);
    expect(proposals).toEqual([]);
    expect(notProposed[0]!.reason).toContain('无轮转计划');
  });
});

describe('calendar', () => {
  it('shows what is due next: open steps and upcoming ones, soonest closing first', () => {
    const due = dueSteps(CHONGQING, '2024-02-23T10:00');
    expect(due[0]).toMatchObject({ key: 'email-summary', state: 'open' });
    expect(due[1]).toMatchObject({ key: 'paper-summary', state: 'open' });
    expect(due.find((d) => d.key === 'onsite-confirm')).toMatchObject({ state: 'upcoming' });
    expect(due.some((d) => d.key === 'collect')).toBe(false);
  });

  it('a review after the closing date is late and says which step closed when', () => {
    expect(lateness(CHONGQING, 'review', '2024-02-22T23:59')).toEqual({ late: false });
    const late = lateness(CHONGQING, 'review', '2024-02-23T00:00');
    expect(late).toMatchObject({ late: true, closes: '2024-02-22' });
    if (late.late) expect(late.message).toContain('截止后办理须填写原因');
  });

  it('times in the notice count to the minute (福建 网上报名 3月10日 23:59)', () => {
    expect(dueSteps(FUJIAN, '2024-03-10T23:59')[0]).toMatchObject({ key: 'online-register' });
    expect(dueSteps(FUJIAN, '2024-03-11T00:00')[0]).toMatchObject({ key: 'base-review' });
    expect(lateness(FUJIAN, 'review', '2024-03-14T08:00')).toMatchObject({ late: true, closes: '2024-03-13' });
  });

  it('the shipped presets are consistent; an edited year out of order is caught', () => {
    expect(calendarProblems(CHONGQING)).toEqual([]);
    expect(calendarProblems(FUJIAN)).toEqual([]);
    const broken = {
      ...CHONGQING,
      steps: [{ ...CHONGQING.steps[0]!, opens: '2024-03-01' }],
      deadlines: { review: 'collect', registration: 'x', submit: 'collect' },
    };
    expect(calendarProblems(broken)).toHaveLength(2);
  });
});

describe('review reasons', () => {
  it('returns and refusals start with a standard reason; approvals need none', () => {
    expect(rejectionProblem('approved', undefined)).toBeNull();
    expect(rejectionProblem('returned', '缺材料：学历证书复印件')).toBeNull();
    expect(rejectionProblem('rejected', '培训时间不足')).toBeNull();
    expect(rejectionProblem('rejected', '不想要')).toContain('培训时间不足');
  });
});
