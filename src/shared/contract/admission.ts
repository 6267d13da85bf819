/**
 * 择优录取与拟录取: allocation runs, decisions (ties, declines, 调剂), publication, exports, statistics,
 * training years and report-in / contract tracking. Scores are shown as published strings ('87.30').
 */
import { z } from 'zod';
import { op, perm } from './define';

export const ADMISSION_ROUNDS = ['choice-1', 'choice-2', 'choice-3', 'adjustment', 'second-1', 'second-2'] as const;
export type AdmissionRound = (typeof ADMISSION_ROUNDS)[number];

export type NotAdmittedCode = 'INELIGIBLE' | 'DECLINED' | 'NO_SEAT' | 'AWAITING_TIE';

/** A person as lists show them: the ID number is masked unless the caller asked to reveal and may. */
export type PersonRef = { applicantId: string; name: string; idNumber: string };

export type AdmittedRow = PersonRef & {
  sex: string | null;
  specialtyCode: string;
  specialtyName: string;
  /** The plan row's category (null unless the plan splits this specialty by category). */
  category: string | null;
  /** The applicant's own category (人员类别), whatever the plan. */
  applicantCategory: string | null;
  round: AdmissionRound;
  roundLabel: string;
  rank: number;
  total: string;
  overQuota: boolean;
  reason: string | null;
  /** Why this applicant got this seat, in one sentence. */
  explanation: string;
};

export type NotAdmittedRow = PersonRef & { code: NotAdmittedCode; message: string; total: string | null };

export type UnfilledSeat = { specialtyCode: string; specialtyName: string; category: string | null; seatsLeft: number };

export type TieView = {
  round: AdmissionRound;
  roundLabel: string;
  specialtyCode: string;
  specialtyName: string;
  category: string | null;
  seatsLeft: number;
  total: string;
  rank: number;
  applicants: PersonRef[];
};

export type ProposalView = PersonRef & {
  order: number;
  total: string;
  specialtyCode: string;
  specialtyName: string;
  category: string | null;
};

export type SeatRef = {
  specialtyCode: string;
  specialtyName: string;
  category: string | null;
  round: AdmissionRound;
  overQuota: boolean;
};

export type ChangeView = PersonRef & {
  kind: 'admitted' | 'dropped' | 'moved';
  before: SeatRef | null;
  after: SeatRef | null;
  /** For 'dropped': why not admitted now. */
  message: string | null;
};

export type CompetitionView = {
  round: AdmissionRound;
  roundLabel: string;
  specialtyCode: string;
  specialtyName: string;
  category: string | null;
  seatsBefore: number;
  heldForTie: boolean;
  ranked: Array<PersonRef & { total: string; rank: number; admitted: boolean; tied: boolean }>;
};

export type AdmissionNotice = { code: string; message: string; applicantId?: string };

export type PublicationView = {
  id: string;
  runId: string;
  runNo: number;
  startDate: string;
  endDate: string;
  days: number;
  note: string | null;
  publishedBy: string;
  publishedAt: string;
  /** Set when a later run (confirmed after publication) replaced the published list. */
  supersededByRun: string | null;
};

/** Why a stored run no longer matches its inputs: one stable code per changed input group. */
export type StaleReason =
  'PLAN_CHANGED' | 'APPLICANTS_CHANGED' | 'CONFIRMATIONS_CHANGED' | 'SCORES_CHANGED' | 'TIES_CHANGED' | 'DECISIONS_CHANGED';

export type AdmissionStaleness = {
  /** True when an input the run read has changed since: the list is out of date until re-run. */
  stale: boolean;
  staleReasons: StaleReason[];
  /** The same reasons worded for the screen, in the same order. */
  staleReasonText: string[];
};

export type AdmissionRunView = AdmissionStaleness & {
  cohortYear: number;
  runId: string;
  runNo: number;
  /** Choice rounds this run was limited to (--round K), null for the full run. */
  roundLimit: number | null;
  trigger: string;
  createdAt: string;
  createdBy: string;
  /** True for a dry run: computed and diffed, nothing saved. */
  dryRun: boolean;
  planSeats: number;
  /** Seats of the unallocated pool (其他), never admitted into until split. */
  poolSeats: number;
  /** Choices of the preset's second application window (Beijing 二次补报: 2), null when there is none. */
  secondWindowChoices: number | null;
  /**
   * The admitted, by specialty and total. A change (run, tie, decline, 调剂, revoke) returns only the first
   * page of both lists unless asked for all rows; admission.list returns every row. The counts are the whole.
   */
  admitted: AdmittedRow[];
  admittedCount: number;
  notAdmitted: NotAdmittedRow[];
  notAdmittedCount: number;
  unfilled: UnfilledSeat[];
  ties: TieView[];
  proposals: ProposalView[];
  warnings: AdmissionNotice[];
  decisionErrors: AdmissionNotice[];
  provisional: boolean;
  /** What changed compared with the previous run (empty for the first run). */
  changes: ChangeView[];
  published: PublicationView | null;
  revealed: boolean;
};

export type DecisionView = {
  id: string;
  kind: 'tie' | 'decline' | 'adjustment' | 'over_quota';
  applicantId: string | null;
  summary: string;
  reason: string;
  createdBy: string;
  /** Display names for the screen; the usernames above stay for scripts and the audit. */
  createdByName: string;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedByName: string | null;
  revokeReason: string | null;
};

export type ExportFile = { fileName: string; contentBase64: string; revealed: boolean; rows: number };
export type HtmlPage = { fileName: string; html: string; revealed: boolean };

export type StatsRow = {
  specialtyCode: string | null;
  specialtyName: string;
  plan: number;
  applied: number;
  confirmed: number;
  examined: number;
  admitted: number;
  adjusted: number;
  reported: number;
};
export type StatsView = { cohortYear: number; rows: StatsRow[]; total: Omit<StatsRow, 'specialtyCode' | 'specialtyName'> };

export type ReductionStatus =
  'none' | 'requested' | 'base-approved' | 'base-rejected' | 'province-approved' | 'province-rejected';

export type TrainingYearRow = PersonRef & {
  specialtyCode: string;
  specialtyName: string;
  program: 'residency' | 'agp';
  defaultYears: number;
  requested: number;
  documents: string[];
  note: string | null;
  status: ReductionStatus;
  baseYears: number | null;
  baseReason: string | null;
  provinceNote: string | null;
  /** The length that feeds the rotation plan. */
  decidedYears: number;
  /** False while a reduction granted by the base still awaits the province's review. */
  final: boolean;
  warning: string | null;
};

export type TrackingStatus = 'not-reported' | 'awaiting-contract' | 'overdue' | 'signed' | 'signed-late';

export type TrackingRow = PersonRef & {
  specialtyCode: string;
  specialtyName: string;
  reportedOn: string | null;
  contractSignedOn: string | null;
  deadlineDays: number | null;
  deadline: string | null;
  daysLeft: number | null;
  status: TrackingStatus;
};

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const reason = z.string().trim().min(2, '请填写理由（至少 2 个字）').max(500);
/** A re-run after the list was published needs confirm: true (and the reason the op already carries). */
const confirm = z.boolean().optional();
const reveal = z.boolean().optional();
/** Every admitted and not-admitted row in a change's result instead of the first page (the CLI prints them all). */
const allRows = z.boolean().optional();
const applicantRefShape = { applicantId: z.string().min(1).optional(), idNumber: z.string().min(1).optional() };
const hasApplicantRef = (x: { applicantId?: string | undefined; idNumber?: string | undefined }) =>
  x.applicantId !== undefined || x.idNumber !== undefined;
const APPLICANT_REF_MESSAGE = '请指定考生（applicantId 或身份证号）';

export const admissionOps = {
  'admission.run': op<AdmissionRunView>()({
    input: z.strictObject({
      round: z.number().int().min(1).max(3).optional(),
      dryRun: z.boolean().optional(),
      confirm,
      reason: z.string().trim().max(500).optional(),
      skipInvalidChoices: z.boolean().optional(),
      reveal,
      allRows,
    }),
    access: perm('admission.run'),
    summary: '按志愿轮次计算录取（择优录取）',
  }),
  'admission.list': op<AdmissionRunView>()({
    input: z.strictObject({ reveal }),
    access: perm('admission.view'),
    summary: '查看最近一次录取结果',
  }),
  'admission.competitions': op<CompetitionView[]>()({
    input: z.strictObject({ specialtyCode: z.string().min(1).optional(), reveal }),
    access: perm('admission.view'),
    summary: '各轮次各专业的排名与录取（为何录取甲而非乙）',
  }),
  'admission.why': op<{ lines: string[] }>()({
    input: z.strictObject({ a: z.string().min(1), b: z.string().min(1) }),
    access: perm('admission.view'),
    summary: '为何录取甲而非乙（a、b 为考生编号或证件号码）',
  }),
  'admission.resolveTie': op<AdmissionRunView>()({
    input: z.strictObject({
      round: z.enum(ADMISSION_ROUNDS),
      specialtyCode: z.string().min(1),
      category: z.string().nullable(),
      admit: z.array(z.string().min(1)).min(1),
      overflowApproved: z.boolean().optional(),
      reason,
      confirm,
    }),
    access: perm('admission.run'),
    summary: '决定末位同分的录取人选',
  }),
  'admission.decline': op<AdmissionRunView>()({
    input: z
      .strictObject({ ...applicantRefShape, reason: z.string().trim().max(500).optional(), confirm, allRows })
      .refine(hasApplicantRef, APPLICANT_REF_MESSAGE),
    access: perm('admission.run'),
    summary: '登记考生放弃录取并重新计算',
  }),
  'admission.assignAdjustment': op<AdmissionRunView>()({
    input: z.strictObject({
      applicantId: z.string().min(1),
      specialtyCode: z.string().min(1),
      reason,
      overQuotaReason: z.string().trim().min(2).max(500).optional(),
      confirm,
    }),
    access: perm('admission.run'),
    summary: '调剂：把考生安排到仍有名额的专业',
  }),
  'admission.setSecondChoices': op<{ applicantId: string; choices: string[] }>()({
    input: z
      .strictObject({
        ...applicantRefShape,
        choices: z.array(z.string().trim()).max(3),
        /** Needed outside the 二次补报 window once the base put its windows into effect (recorded, audited). */
        reason: z.string().trim().max(500).optional(),
      })
      .refine(hasApplicantRef, APPLICANT_REF_MESSAGE),
    access: perm('admission.run'),
    summary: '登记二次补报志愿',
  }),
  'admission.decisions': op<DecisionView[]>()({
    input: z.strictObject({}),
    access: perm('admission.view'),
    summary: '录取决定记录（同分、放弃、调剂、超计划）',
  }),
  'admission.revokeDecision': op<AdmissionRunView>()({
    input: z.strictObject({ decisionId: z.string().min(1), reason, confirm }),
    access: perm('admission.run'),
    summary: '撤销一条录取决定并重新计算',
  }),
  'admission.publish': op<PublicationView>()({
    input: z.strictObject({
      startDate: date,
      days: z.number().int('公示天数须为整数。').min(1, '公示天数至少为 1 天。').max(30, '公示天数不能超过 30 天。').default(3),
      note: z.string().trim().max(500).optional(),
      /** Needed outside the admission window once the base put its windows into effect (recorded, audited). */
      reason: z.string().trim().max(500).optional(),
    }),
    access: perm('admission.publish'),
    summary: '公示拟录取名单',
  }),
  'admission.publicationHtml': op<HtmlPage>()({
    input: z.strictObject({}),
    access: perm('admission.view'),
    summary: '拟录取名单公示页（身份证号已脱敏）',
  }),
  'admission.summaryXlsx': op<ExportFile>()({
    input: z.strictObject({ reveal }),
    access: perm('admission.publish'),
    summary: '导出拟录取学员汇总表（XLSX）',
  }),
  'admission.summaryHtml': op<HtmlPage>()({
    input: z.strictObject({ reveal }),
    access: perm('admission.publish'),
    summary: '拟录取学员汇总表（打印页）',
  }),
  'admission.stats': op<StatsView>()({
    input: z.strictObject({}),
    access: perm('admission.view'),
    summary: '招收统计（分专业）',
  }),
  'admission.trainingYears': op<TrainingYearRow[]>()({
    input: z.strictObject({}),
    access: perm('admission.view'),
    summary: '培训年限（含减免申请与审核）',
  }),
  'admission.requestReduction': op<TrainingYearRow>()({
    input: z.strictObject({
      applicantId: z.string().min(1),
      years: z.union([z.literal(1), z.literal(2)]),
      documents: z.array(z.string().trim().min(1).max(200)).min(1, '请登记减免申请的证明材料').max(20),
      note: z.string().trim().max(500).optional(),
    }),
    access: perm('admission.run'),
    summary: '登记培训年限减免申请',
  }),
  'admission.decideReduction': op<TrainingYearRow>()({
    input: z.strictObject({
      applicantId: z.string().min(1),
      approve: z.boolean(),
      years: z.union([z.literal(1), z.literal(2)]).optional(),
      reason,
    }),
    access: perm('admission.run'),
    summary: '基地决定年限减免',
  }),
  'admission.recordProvinceReview': op<TrainingYearRow>()({
    input: z.strictObject({
      applicantId: z.string().min(1),
      outcome: z.enum(['approved', 'rejected']),
      note: z.string().trim().max(500).optional(),
    }),
    access: perm('admission.run'),
    summary: '登记省级审核结果（年限减免）',
  }),
  'admission.tracking': op<TrackingRow[]>()({
    input: z.strictObject({}),
    access: perm('admission.view'),
    summary: '报到与签约跟踪',
  }),
  'admission.recordReportIn': op<TrackingRow>()({
    input: z.strictObject({ applicantId: z.string().min(1), date }),
    access: perm('admission.run'),
    summary: '登记报到',
  }),
  'admission.recordContract': op<TrackingRow>()({
    input: z.strictObject({ applicantId: z.string().min(1), date }),
    access: perm('admission.run'),
    summary: '登记签订劳动合同/培训协议',
  }),
};
