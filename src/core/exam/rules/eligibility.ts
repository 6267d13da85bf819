/**
 * Eligibility for the completion exam, one check per stable code. Which codes apply, and the sentence each
 * comes from, are province data (the calendar's `checks`); this file only says how each is decided.
 * A check a person recorded at the desk (with evidence) replaces the computed one.
 */
import type { ExamCalendar, ExamCheckCode, ExamEligibility } from '../../../shared/contract/exam';
import { nominalEnd } from './moments';
import { passedAll } from './validity';
import type { CheckResult, ExamFacts, RecordedCheck } from './types';

export type EligibilityInput = {
  facts: ExamFacts;
  calendar: ExamCalendar;
  /** Today, YYYY-MM-DD (Beijing): "completed" vs "will complete by the cutoff". */
  today: string;
  retake: boolean;
  recorded?: readonly RecordedCheck[];
};

type Outcome = { passed: boolean; message: string; pending?: true };
type Rule = (input: EligibilityInput) => Outcome;

/** 2024-08-31 → 2024年8月31日, as the notices write dates. */
const dayLabel = (date: string): string => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The last day of training: the plan's end (leave and 补轮 included), else the nominal end plus leave. */
export function trainingEnd(f: ExamFacts): string {
  return f.rotation?.end ?? nominalEnd(f.startDate, f.years, f.leaveMonths);
}

const NO_PLAN: Outcome = {
  passed: false,
  pending: true,
  message: '没有轮转计划，无法确认。请先在轮转模块排定计划，或人工核验后记录本项结果',
};

const trainingComplete: Rule = ({ facts, calendar, today }) => {
  const r = facts.rotation;
  if (!r) return NO_PLAN;
  if (r.months < r.requiredMonths) {
    return { passed: false, message: `培训时间不足：轮转计划合计 ${r.months} 个月，少于规定的 ${r.requiredMonths} 个月` };
  }
  const cutoff = calendar.trainingEnd.to;
  if (r.end > cutoff) {
    const why = r.extendedMonths > 0 ? `（因请假或出科考核不合格顺延 ${r.extendedMonths} 个月）` : '';
    return { passed: false, message: `培训时间不足：按轮转计划${why}至 ${dayLabel(r.end)} 结束，晚于 ${dayLabel(cutoff)}` };
  }
  return r.end <= today
    ? { passed: true, message: `已完成培训（轮转至 ${dayLabel(r.end)}）` }
    : { passed: true, message: `按轮转计划将于 ${dayLabel(r.end)} 完成培训，不晚于 ${dayLabel(cutoff)}` };
};

const rotationPlan: Rule = ({ facts }) => {
  const r = facts.rotation;
  if (!r) return NO_PLAN;
  if (r.schemeMissing) return { passed: false, message: '没有与培训项目、专业和年限对应的轮转方案，无法核对轮转计划' };
  if (r.short.length > 0) {
    const list = r.short.map((s) => `「${s.standardDepartment}」应轮转 ${s.required} 个月，计划 ${s.planned} 个月`).join('；');
    return { passed: false, message: `轮转计划不符合要求：${list}` };
  }
  return { passed: true, message: '每个必轮科室的月数均已满足' };
};

const handbook: Rule = ({ retake }) =>
  retake
    ? { passed: true, message: '补考人员只需提交申请表' }
    : { passed: false, pending: true, message: '待人工核验：轮转登记手册须在审核时核对是否真实、完整' };

const physicianQualification: Rule = ({ facts }) => {
  if (facts.qualificationCertNo) return { passed: true, message: '已取得执业医师资格证书（提交复印件）' };
  if (facts.qualificationExam === 'pass') return { passed: true, message: '执医考试成绩合格（提交合格成绩单复印件）' };
  const exam = facts.qualificationExam === 'fail' ? '执医考试成绩不合格' : '未参加执医考试或成绩未登记';
  return { passed: false, message: `未取得执业医师资格证书，${exam}` };
};

const endBeforeCutoff: Rule = ({ facts, calendar }) => {
  const end = trainingEnd(facts);
  const { from, to } = calendar.trainingEnd;
  if (end > to) {
    const extended = (facts.rotation?.extendedMonths ?? facts.leaveMonths) > 0 ? '因请假或出科考核不合格延长培训，' : '';
    return {
      passed: false,
      message: `${extended}预计 ${dayLabel(end)} 结束轮转，不能在 ${dayLabel(to)} 前完成培训，本年度不能报名`,
    };
  }
  if (end < from)
    return { passed: false, message: `${dayLabel(end)} 结束轮转，早于本年度报名对象的范围（${dayLabel(from)} 起）` };
  return { passed: true, message: `${dayLabel(end)} 结束轮转，在 ${dayLabel(from)} 至 ${dayLabel(to)} 之间` };
};

const markRule =
  (what: string, pick: (f: ExamFacts) => string | null): Rule =>
  ({ facts }) => {
    const v = pick(facts);
    if (v === 'pass') return { passed: true, message: `${what}合格` };
    return { passed: false, message: v === 'fail' ? `${what}不合格` : `${what}未考或成绩未登记` };
  };

const resultExpired: Rule = ({ facts, calendar }) => {
  const limit = calendar.retrainAfterYears;
  if (limit === null) return { passed: true, message: '本省未规定结业考核期限' };
  const endYear = Number(trainingEnd(facts).slice(0, 4));
  const lastYear = endYear + limit - 1;
  if (calendar.year <= lastYear) return { passed: true, message: `${endYear} 年结束轮转，${lastYear} 年前（含）可参加结业考核` };
  if (passedAll(facts.results, calendar.year, calendar.resultValidYears)) return { passed: true, message: '结业考核已合格' };
  return {
    passed: false,
    message: `${endYear} 年结束轮转，${limit} 年内（${endYear}-${lastYear} 年）未通过结业考核，须重新参加培训后再申请`,
  };
};

const RULES: Record<ExamCheckCode, Rule> = {
  TRAINING_COMPLETE: trainingComplete,
  ROTATION_PLAN: rotationPlan,
  HANDBOOK: handbook,
  PHYSICIAN_QUALIFICATION: physicianQualification,
  END_BEFORE_CUTOFF: endBeforeCutoff,
  THEORY_STAGE_EXAM: markRule('集中理论培训阶段考试', (f) => f.theoryStageExam),
  PROCESS_ASSESSMENT: markRule('培训过程考核', (f) => f.processAssessment),
  RESULT_EXPIRED: resultExpired,
};

/** Every check the calendar lists for the trainee's program, in the calendar's order. */
export function checkEligibility(input: EligibilityInput): CheckResult[] {
  const listed = input.calendar.checks[input.facts.program];
  return listed.map(({ code, source }) => {
    const recorded = lastRecorded(input.recorded ?? [], code);
    const outcome = recorded ? { passed: recorded.passed, message: recorded.evidence } : RULES[code](input);
    return { code, source, passed: outcome.passed, pending: 'pending' in outcome, message: outcome.message };
  });
}

function lastRecorded(recorded: readonly RecordedCheck[], code: ExamCheckCode): RecordedCheck | undefined {
  return recorded
    .filter((r) => r.code === code)
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
}

export const isEligible = (checks: readonly Pick<CheckResult, 'passed'>[]): boolean => checks.every((c) => c.passed);

/** Eligible; not yet, only because a check waits for a person; or not, because a check failed. */
export function eligibilityOf(checks: readonly Pick<CheckResult, 'passed' | 'pending'>[]): ExamEligibility {
  if (isEligible(checks)) return 'eligible';
  return checks.some((c) => !c.passed && !c.pending) ? 'ineligible' : 'pending';
}
