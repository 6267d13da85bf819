/**
 * Completion-exam registration (结业考核报名) from the base's side: the exam-year calendar (province data,
 * editable per year), candidates proposed from the trainee registry and the rotation plans, eligibility
 * checks with stable codes, the review decision, registration tracking per subject, results and
 * certificates. ID numbers leave the core masked unless revealed (audited).
 */
import { z } from 'zod';
import { FileInput, op, perm } from './define';
import { EXAM_DECISIONS, type ExamDeadline, type ExamDecision } from './exam-values';
export * from './exam-values';

/** 专业理论 / 临床实践技能. */
export const EXAM_SUBJECTS = ['theory', 'skills'] as const;
export type ExamSubject = (typeof EXAM_SUBJECTS)[number];
export const EXAM_SUBJECT_LABELS: Record<ExamSubject, string> = { theory: '专业理论', skills: '临床实践技能' };

export const EXAM_CHECK_CODES = [
  'TRAINING_COMPLETE',
  'ROTATION_PLAN',
  'HANDBOOK',
  'PHYSICIAN_QUALIFICATION',
  'END_BEFORE_CUTOFF',
  'THEORY_STAGE_EXAM',
  'PROCESS_ASSESSMENT',
  'RESULT_EXPIRED',
] as const;
export type ExamCheckCode = (typeof EXAM_CHECK_CODES)[number];

export const EXAM_CHECK_LABELS: Record<ExamCheckCode, string> = {
  TRAINING_COMPLETE: '完成培训任务',
  ROTATION_PLAN: '轮转计划符合要求',
  HANDBOOK: '登记手册真实、完整',
  PHYSICIAN_QUALIFICATION: '执业医师资格证书或执医考试成绩合格',
  END_BEFORE_CUTOFF: '按期结束轮转',
  THEORY_STAGE_EXAM: '集中理论培训阶段考试合格',
  PROCESS_ASSESSMENT: '培训过程考核合格',
  RESULT_EXPIRED: '未超过结业考核期限',
};

export const EXAM_DECISION_LABELS: Record<ExamDecision, string> = { approved: '通过', returned: '退回补正', rejected: '不通过' };

export type ExamCandidateStatus = 'proposed' | ExamDecision | 'withdrawn';
export const EXAM_STATUS_LABELS: Record<ExamCandidateStatus, string> = {
  proposed: '待审核',
  approved: '审核通过',
  returned: '退回补正',
  rejected: '不通过',
  withdrawn: '已撤销',
};

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** A date, or a date and local (Beijing) time: 2024-02-29T08:00. */
const moment = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, '时间格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM');
const source = z.string().trim().min(4).max(400);

export const ExamCalendarStep = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  label: z.string().trim().min(1).max(100),
  /** Who acts: the base, the candidate, the province. */
  actor: z.enum(['base', 'candidate', 'province']),
  opens: moment.nullable(),
  /** A bare date closes at the end of that day. */
  closes: moment,
  /** 暂定 in the notice: shown as provisional. */
  provisional: z.boolean().default(false),
  /**
   * 示例: the dates were copied from another year's notice and nobody has checked them against this year's
   * yet; cleared when the coordinator edits or confirms the step.
   */
  example: z.boolean().default(false),
  source,
});

export const ExamCalendarSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  province: z.string().trim().min(2).max(20),
  year: z.number().int().min(2000).max(2100),
  programs: z.array(z.enum(['residency', 'agp'])).min(1),
  /** The days a first-time candidate's training (per the plan, leave included) must end within, inclusive. */
  trainingEnd: z.strictObject({
    from: day,
    to: day,
    note: z.string().max(300).optional(),
    source,
    /** 示例, as for a step. */
    example: z.boolean().default(false),
  }),
  /** Single-subject results stay valid this many exam years, the exam year included. */
  resultValidYears: z.number().int().min(1).max(10),
  /** Years after the year rotation ended within which the trainee must pass, or retrain; null = no limit. */
  retrainAfterYears: z.number().int().min(1).max(10).nullable(),
  steps: z.array(ExamCalendarStep).min(1),
  /** Steps removed at this base (a preset's or a copied year's), kept so they can be restored. */
  removedSteps: z.array(ExamCalendarStep).default([]),
  /** Which step's closing date each base action is measured against. */
  deadlines: z.strictObject({ review: z.string(), registration: z.string(), submit: z.string() }),
  checks: z.strictObject({
    residency: z.array(z.strictObject({ code: z.enum(EXAM_CHECK_CODES), source })),
    agp: z.array(z.strictObject({ code: z.enum(EXAM_CHECK_CODES), source })),
  }),
  /** Where a copied calendar came from, as people read it: 重庆市 2024 年日程（内置）. */
  copiedFrom: z.string().trim().max(60).nullable().default(null),
});
export type ExamCalendar = z.output<typeof ExamCalendarSchema>;
export type ExamCalendarStepDef = z.output<typeof ExamCalendarStep>;

/** A candidate's eligibility: every check passed; not yet, a check waits for a person; a check failed. */
export type ExamEligibility = 'eligible' | 'pending' | 'ineligible';

export type ExamCheckView = {
  code: ExamCheckCode;
  label: string;
  passed: boolean;
  /** Not decided yet: a person must check it and record the result (not passed, not failed either). */
  pending: boolean;
  message: string;
  /** The sentence of the notice the rule comes from. */
  source: string;
  /** 'auto' = computed from the registry and the rotation records; otherwise who recorded it. */
  recordedBy: string;
  /** Who recorded it, by display name ('auto' when computed). */
  recordedByName?: string;
  recordedAt: string | null;
  evidence: string | null;
};

/** One paper of the desk checklist (重庆2024 一) and whether it was received. */
export type ExamMaterialItem = {
  key: string;
  label: string;
  /** Who needs it, when not everyone: e.g. 变更培训基地的. */
  when: string | null;
  source: string;
  received: boolean;
  receivedBy: string | null;
  receivedAt: string | null;
};

export type ExamRegistrationView = {
  subject: ExamSubject;
  provincial: boolean;
  national: boolean;
  identical: boolean;
  statusSeen: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
};

export type ExamCandidateView = {
  id: string;
  traineeId: string;
  /** Masked unless revealed. */
  idNumber: string;
  name: string;
  program: 'residency' | 'agp';
  specialtyCode: string;
  specialtyName: string;
  trainingStart: string;
  trainingEnd: string;
  retake: boolean;
  subjects: ExamSubject[];
  status: ExamCandidateStatus;
  eligible: boolean;
  eligibility: ExamEligibility;
  checks: ExamCheckView[];
  decisionReason: string | null;
  decidedBy: string | null;
  /** Who decided, by display name (the username when the account is gone). */
  decidedByName: string | null;
  decidedAt: string | null;
  registrations: ExamRegistrationView[];
  /**
   * Approved, the registration deadline has passed and a subject is not registered everywhere it must be:
   * 未在规定时间内进行现场网报确认的，视为无效报考人员 (重庆2024 三(一)2(6)).
   */
  registrationLapsed: boolean;
  /** The desk checklist for this kind of candidate (住培 / 助理全科 / 补考). */
  materials: ExamMaterialItem[];
  /** What to bring to 现场网报确认 (重庆2024 三(一)2). */
  onsiteItems: string[];
  source: 'proposed' | 'manual';
};

/** A desk action's result: the candidate as it now stands, and the late-work warning when there is one. */
export type ExamReviewResult = ExamCandidateView & { warning: string | null };

export type ExamCandidateList = { year: number; revealed: boolean; candidates: ExamCandidateView[] };

export type ExamDueStep = {
  key: string;
  label: string;
  actor: string;
  opens: string | null;
  closes: string;
  state: 'open' | 'upcoming';
  provisional: boolean;
  example: boolean;
};

export type ExamDashboard = {
  year: number;
  calendar: ExamCalendar;
  /** true when this year's calendar was edited at this base. */
  edited: boolean;
  due: ExamDueStep[];
  counts: Record<ExamCandidateStatus, number>;
  eligible: number;
  /** Candidates (withdrawn apart) not yet eligible only because a check waits for a person to record it. */
  awaitingChecks: number;
  /** Approved candidates whose registration lapsed at the deadline. */
  lapsed: number;
  /** Per deadline, the warning when its step has closed (work then needs a reason), else null. */
  late: Record<ExamDeadline, string | null>;
};

/** One column of the 结业考核报名汇总表: its header as printed, what it shows, its width in the XLSX. */
export const SummaryColumnSchema = z.strictObject({
  header: z.string().trim().min(1, '列名不能为空').max(40),
  field: z.string().regex(/^[a-zA-Z]+$/),
  width: z.number().int().min(4).max(60),
});
export type SummaryColumn = z.output<typeof SummaryColumnSchema>;

/** The 汇总表 template as the editor shows it: this base's columns, the default, what a column can show. */
export type SummaryTemplateView = {
  columns: SummaryColumn[];
  defaultColumns: SummaryColumn[];
  fields: Array<{ field: string; label: string }>;
  edited: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
};

/** A calendar a year's calendar can be copied from: a shipped preset or a year edited at this base. */
export type ExamCalendarSource = {
  id: string;
  label: string;
  province: string;
  year: number;
  builtIn: boolean;
  /** Same province as the base: offered first. */
  sameProvince: boolean;
};

/** A year's calendar as the editor shows it; calendar null when the year has none yet. */
export type ExamCalendarState = {
  year: number;
  province: string;
  calendar: ExamCalendar | null;
  edited: boolean;
  updatedBy: string | null;
  /** Who last edited it, by display name (the username when the account is gone). */
  updatedByName: string | null;
  updatedAt: string | null;
  sources: ExamCalendarSource[];
};

/** Where one candidate stands in the year's steps, for registration tracking. */
export type ExamTrackingStage = 'materials' | 'checks' | 'decision' | 'registration' | 'summary';
export const EXAM_TRACKING_STAGES: readonly ExamTrackingStage[] = ['materials', 'checks', 'decision', 'registration', 'summary'];

export type ExamTrackingRow = {
  traineeId: string;
  /** Masked. */
  idNumber: string;
  name: string;
  program: 'residency' | 'agp';
  retake: boolean;
  status: ExamCandidateStatus;
  subjects: ExamSubject[];
  materials: { received: number; required: number };
  checks: { passed: number; total: number };
  registrations: ExamRegistrationView[];
  registrationLapsed: boolean;
  /** When an exported 报名汇总表 last listed this candidate. */
  summaryExportedAt: string | null;
  done: Record<ExamTrackingStage, boolean>;
  /** The first step not done, in calendar order; null when all are done or the candidate is out. */
  next: ExamTrackingStage | null;
};

export type ExamTracking = {
  year: number;
  /** The steps in the order their deadlines close this year. */
  order: ExamTrackingStage[];
  rows: ExamTrackingRow[];
  /** Candidates whose next step is each stage; 'done' all done; 'out' withdrawn or refused. */
  counts: Record<ExamTrackingStage | 'done' | 'out', number>;
};

export type ExamSubjectResult = { year: number; passed: boolean; score: string | null };

export type ExamResultRow = {
  traineeId: string;
  /** Masked. */
  idNumber: string;
  name: string;
  program: 'residency' | 'agp';
  traineeStatus: string;
  theory: ExamSubjectResult | null;
  skills: ExamSubjectResult | null;
  /** Both subjects passed and still valid in the year. */
  passedBoth: boolean;
  certificate: { certNo: string; issuedOn: string } | null;
};

export type ExamProposal = {
  year: number;
  added: number;
  refreshed: number;
  notProposed: Array<{ traineeId: string; name: string; idNumber: string; reason: string }>;
};

export type ExamResultsImport = {
  imported: number;
  unchanged: number;
  updated: number;
  rejected: Array<{ row: number; field: string; code: string; message: string }>;
  /** Trainees who now have both subjects passed and valid (their certificate can be recorded). */
  passedBoth: number;
  /** A preview: nothing was written. */
  dryRun: boolean;
};

const year = z.number().int().min(2000).max(2100);
const reason = z.string().trim().min(2, '请填写原因（至少 2 个字）').max(500);
/** A trainee's registry id or their ID number. */
const who = z.string().trim().min(1).max(64);

export const examOps = {
  'exam.years': op<{ years: number[]; current: number }>()({
    input: z.strictObject({}),
    access: perm('exam.view'),
    summary: '有报考人员的结业考核年度，以及当前年度',
  }),
  'exam.dashboard': op<ExamDashboard>()({
    input: z.strictObject({ year }),
    access: perm('exam.view'),
    summary: '结业考核报名：日程、下一步截止事项、各状态人数',
  }),
  'exam.calendar': op<ExamCalendarState>()({
    input: z.strictObject({ year }),
    access: perm('exam.view'),
    summary: '本年度结业考核日程（没有时列出可复制的日程）',
  }),
  'exam.copyCalendar': op<ExamCalendar>()({
    input: z.strictObject({ year, from: z.string().trim().min(1).max(60), reason }),
    access: perm('exam.manage'),
    summary: '从内置或往年日程复制本年度日程（复制的日期标为示例，待逐项核对）',
  }),
  'exam.tracking': op<ExamTracking>()({
    input: z.strictObject({ year }),
    access: perm('exam.view'),
    summary: '报名进度跟踪：每名报考人员的材料、资格审核、网上报名、汇总表',
  }),
  'exam.results': op<{ year: number; rows: ExamResultRow[] }>()({
    input: z.strictObject({ year }),
    access: perm('exam.view'),
    summary: '结业考核成绩与培训合格证书（证件号码脱敏）',
  }),
  'exam.summaryTemplate': op<SummaryTemplateView>()({
    input: z.strictObject({}),
    access: perm('exam.view'),
    summary: '报名汇总表的列（本基地设置或默认的资格审核名册列）',
  }),
  'exam.setSummaryTemplate': op<SummaryTemplateView>()({
    input: z.strictObject({ columns: z.array(SummaryColumnSchema).min(1, '至少保留一列').max(40), reason }),
    access: perm('exam.manage'),
    summary: '修改报名汇总表的列：增删、排序、改名（记入审计）',
  }),
  'exam.resetSummaryTemplate': op<SummaryTemplateView>()({
    input: z.strictObject({ reason }),
    access: perm('exam.manage'),
    summary: '报名汇总表的列恢复为默认（资格审核名册的列）',
  }),
  'exam.setCalendar': op<ExamCalendar>()({
    input: z.strictObject({ calendar: ExamCalendarSchema, reason }),
    access: perm('exam.manage'),
    summary: '修改本年度结业考核日程（省份数据，按年可编辑）',
  }),
  'exam.propose': op<ExamProposal>()({
    input: z.strictObject({ year, reason: z.string().trim().max(500).optional() }),
    access: perm('exam.manage'),
    summary: '按在培学员名册和轮转计划生成结业考核报考人员（含补考人员）',
  }),
  'exam.candidates': op<ExamCandidateList>()({
    input: z.strictObject({ year, reveal: z.boolean().default(false), program: z.enum(['residency', 'agp']).optional() }),
    access: perm('exam.view'),
    summary: '结业考核报考人员及资格审核结果',
  }),
  'exam.addCandidate': op<ExamCandidateView>()({
    input: z.strictObject({ year, trainee: who, subjects: z.array(z.enum(EXAM_SUBJECTS)).min(1).max(2).optional(), reason }),
    access: perm('exam.manage'),
    summary: '手工增加报考人员（需填写原因）',
  }),
  'exam.editCandidate': op<ExamCandidateView>()({
    input: z.strictObject({
      year,
      trainee: who,
      subjects: z.array(z.enum(EXAM_SUBJECTS)).min(1).max(2).optional(),
      withdraw: z.boolean().optional(),
      reason,
    }),
    access: perm('exam.manage'),
    summary: '修改报考科目或撤销报考（需填写原因）',
  }),
  'exam.recordCheck': op<ExamReviewResult>()({
    input: z.strictObject({
      year,
      trainee: who,
      code: z.enum(EXAM_CHECK_CODES),
      passed: z.boolean(),
      evidence: z.string().trim().min(2, '请写明依据（如核验的材料）').max(500),
      reason: z.string().trim().max(500).optional(),
    }),
    access: perm('exam.review'),
    summary: '记录一项资格审核结果（依据、经办人、时间）',
  }),
  'exam.recordMaterials': op<ExamReviewResult>()({
    input: z.strictObject({
      year,
      trainee: who,
      /** Keys of the papers received; the others are marked not received. */
      received: z.array(z.string().max(40)).max(20),
      reason: z.string().trim().max(500).optional(),
    }),
    access: perm('exam.review'),
    summary: '登记收到的报考材料（核对清单）',
  }),
  'exam.receipt': op<{ html: string }>()({
    input: z.strictObject({ year, trainee: who }),
    access: perm('exam.review'),
    summary: '打印报名材料回执（证件号码脱敏）',
  }),
  'exam.review': op<ExamReviewResult>()({
    input: z.strictObject({
      year,
      trainee: who,
      decision: z.enum(EXAM_DECISIONS),
      reason: z.string().trim().max(500).optional(),
    }),
    access: perm('exam.review'),
    summary: '资格审核决定：通过 / 退回补正 / 不通过',
  }),
  'exam.setRegistration': op<ExamReviewResult>()({
    input: z.strictObject({
      year,
      trainee: who,
      subject: z.enum(EXAM_SUBJECTS),
      provincial: z.boolean().optional(),
      national: z.boolean().optional(),
      identical: z.boolean().optional(),
      statusSeen: z.boolean().optional(),
      reason: z.string().trim().max(500).optional(),
    }),
    access: perm('exam.review'),
    summary: '登记网上报名情况（省系统、中国卫生人才网、信息一致、报名状态）',
  }),
  'exam.export': op<{ fileName: string; contentBase64: string; rows: number }>()({
    input: z.strictObject({ year, program: z.enum(['residency', 'agp']) }),
    access: perm('exam.view'),
    summary: '导出结业考核报名汇总表（XLSX）',
  }),
  'exam.printable': op<{ html: string; rows: number; title: string; fileName: string }>()({
    input: z.strictObject({ year, program: z.enum(['residency', 'agp']) }),
    access: perm('exam.view'),
    summary: '结业考核报名汇总表（打印页，含盖章、签字、日期栏）',
  }),
  'exam.importResults': op<ExamResultsImport>()({
    input: z.strictObject({ ...FileInput.shape, year, dryRun: z.boolean().default(false) }),
    access: perm('exam.manage'),
    summary: '导入结业考核成绩（逐科；有问题行时整份不写入）',
  }),
  'exam.recordCertificate': op<{ traineeId: string; completed: boolean }>()({
    input: z.strictObject({
      trainee: who,
      certNo: z.string().trim().min(4).max(40),
      issuedOn: day,
      reason: z.string().trim().max(500).optional(),
    }),
    access: perm('exam.manage'),
    summary: '登记培训合格证书（考核合格且完成培训者记为结业）',
  }),
};
