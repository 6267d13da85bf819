/**
 * Applicants (报名人员) and on-site confirmation (现场确认). ID and phone numbers leave the core masked;
 * the full value only through `applicants.reveal` (a permission, audited) or `list --reveal`.
 */
import { z } from 'zod';
import { FileInput, op, perm } from './define';
import type { ChangedRow, ImportOutcome, ImportPreviewBase } from './import-report';
import { pagedListFields } from './list-input';
import { APPLICANT_FIELD_KEYS, type ApplicantFieldKey } from './applicants-values';
export * from './applicants-values';

export type ConfirmationStatus = 'pending' | 'confirmed' | 'returned' | 'rejected';
export type Decision = 'confirmed' | 'returned' | 'rejected';

export type { FieldChange, RowProblem } from './import-report';

export type ImportChange = ChangedRow & { applicantId: string };

export type ImportPreview = ImportPreviewBase<ApplicantFieldKey, ImportChange> & {
  /** How the mapping came about: recognised, saved or given. */
  mappingSource: 'recognised' | 'saved' | 'given';
  /** The first rows of the sheet as text, for choosing the header row and mapping columns by hand. */
  rowsPreview: string[][];
  /** The first rows as they will be stored (masked), for the preview table. */
  sample: Array<{
    row: number;
    idNumber: string;
    name: string;
    category: string;
    choices: string[];
    status: 'new' | 'update' | 'unchanged' | 'rejected';
  }>;
};

export type ImportResult = ImportOutcome<ImportChange>;

/**
 * One 志愿 as the applicant named it. `base`: null for this base, else the other base as the roster writes it;
 * `specialty`: a specialty code of this base, as written for another base, null when the choice names a base only.
 */
export type ApplicantChoice = { order: number; base: string | null; specialty: string | null };

export type ApplicantSummary = {
  id: string;
  idNumber: string;
  idType: string;
  name: string;
  sex: string | null;
  phone: string | null;
  category: string | null;
  /** Specialty codes, choice 1..n. */
  choices: string[];
  choiceNames: string[];
  /** Every choice in order, this base's and other bases'. */
  choiceList?: ApplicantChoice[];
  /** The order of the first choice naming this base (the round the applicant belongs to here); null: none. */
  roundHere?: number | null;
  /** Each choice as a line to show: “第一志愿：其他基地（某医院）”, “第二志愿：本基地 内科”. */
  choiceTexts?: string[];
  /** Set when the province or city assigned this person here (调剂) from another base. */
  assigned?: AssignedRecord | null;
  acceptsAdjustment: boolean;
  confirmation: ConfirmationStatus;
  decidedAt: string | null;
};

/** A person the province or city assigned to this base in 调剂: recorded, never refused. */
export type AssignedRecord = {
  by: 'province' | 'city';
  fromBase: string | null;
  specialty: string;
  notice: string | null;
  reason: string;
  recordedBy: string;
  recordedAt: string;
};

export type ChecklistState = 'original' | 'copy' | 'missing' | 'na';
/**
 * `recorded`: the desk (or an upload, or the clerk's declaration) has set this item; an item never looked at
 * shows its default state ('missing' when required, 'na' otherwise) with `recorded: false`.
 */
export type ChecklistItem = {
  key: string;
  label: string;
  required: boolean;
  state: ChecklistState;
  recorded: boolean;
  note?: string;
};

/** Failing eligibility rules a clerk let through at 确认通过, with the reason (audited). */
export type RulesOverride = { reason: string; by: string; at: string; rules: Array<{ ruleId: string; title: string }> };

/** The required items the clerk declared checked as originals without marking them one by one (CLI). */
export type ChecklistAttestation = { by: string; at: string; keys: string[] };

export type EligibilityOutcome = 'pass' | 'warning' | 'fail';
export type EligibilityResult = { ruleId: string; title: string; outcome: EligibilityOutcome; message: string; source: string };

export type AttachmentView = {
  id: string;
  itemKey: string;
  sha256: string;
  mime: string;
  size: number;
  fileName: string;
  sensitive: boolean;
  createdAt: string;
  createdBy: string;
};

export type EducationRow = {
  level: string;
  degree?: string;
  school: string;
  major: string;
  from?: string;
  to?: string;
  fullTime?: boolean | null;
};
export type WorkRow = {
  hospital: string;
  grade?: string;
  department?: string;
  from?: string;
  to?: string;
  title?: string;
  referee?: string;
};

export type ApplicantDetail = ApplicantSummary & {
  cohortYear: number;
  ethnicity: string | null;
  birthDate: string | null;
  email: string | null;
  highestEducation: string | null;
  highestDegree: string | null;
  school: string | null;
  major: string | null;
  graduationDate: string | null;
  fullTime: boolean | null;
  employer: string | null;
  ruralOriented: boolean;
  qualificationCertNo: string | null;
  practisingCertNo: string | null;
  reductionYears: number;
  photoSha256: string | null;
  education: EducationRow[];
  work: WorkRow[];
  categoryName: string | null;
  decidedBy: string | null;
  /** Who decided, by display name (the username when the account is gone). */
  decidedByName: string | null;
  decisionReason: string | null;
  checklist: ChecklistItem[];
  checklistAttested: ChecklistAttestation | null;
  rulesOverride: RulesOverride | null;
  eligibility: EligibilityResult[];
  attachments: AttachmentView[];
  sourceFile: string | null;
  sourceRow: number | null;
};

export type ApplicantList = { total: number; applicants: ApplicantSummary[]; revealed: boolean };

/** Columns the applicant list can be sorted by. */
export const APPLICANT_LIST_SORT = ['name', 'idNumber', 'category', 'specialty', 'status', 'decidedAt'] as const;
export type ApplicantListSort = (typeof APPLICANT_LIST_SORT)[number];

export type Dashboard = {
  total: number;
  waiting: number;
  byOutcome: Record<ConfirmationStatus, number>;
  perDay: Array<{ date: string; confirmed: number; returned: number; rejected: number }>;
  perSpecialty: Array<{
    code: string;
    name: string;
    total: number;
    confirmed: number;
    returned: number;
    rejected: number;
    pending: number;
  }>;
  /** Decisions per day and clerk (the clerk's display name; the username when the account is gone). */
  perClerk: Array<{ date: string; clerk: string; clerkName: string; confirmed: number; returned: number; rejected: number }>;
  /** What is left: 未确认 and 退回补正 (awaiting the applicant's return), in all and per first-choice specialty. */
  remaining: {
    pending: number;
    returned: number;
    perSpecialty: Array<{ code: string; name: string; pending: number; returned: number }>;
  };
  /** Progress against the confirmation window; null while nobody has been decided and no window is set. */
  progress: ConfirmProgress | null;
};

/**
 * `source`: 'window' when the base recorded the 现场确认 dates, 'decisions' when the range is taken from the first
 * and last decision so far. `done` counts final outcomes (确认通过, 不予确认); 退回补正 is still open.
 */
export type ConfirmProgress = {
  source: 'window' | 'decisions';
  start: string;
  end: string;
  today: string;
  daysTotal: number;
  daysElapsed: number;
  daysLeft: number;
  done: number;
  total: number;
};

/** Contact fields a clerk may correct (with a reason, audited without the numbers in clear). */
export const CONTACT_FIELDS = ['phone', 'email'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

const mappingInput = z.record(z.string(), z.enum(APPLICANT_FIELD_KEYS));

const ImportInput = FileInput.extend({
  /** File header -> field key, chosen in the UI for an unknown layout. */
  mapping: mappingInput.optional(),
  /** 1-based spreadsheet row of the header, when the user picked it. */
  headerRow: z.number().int().min(1).max(50).optional(),
}).strict();

const ym = z.string().trim().max(10).optional();
const EducationInput = z.object({
  level: z.string().trim().min(1).max(20),
  degree: z.string().trim().max(30).optional(),
  school: z.string().trim().max(60),
  major: z.string().trim().max(60),
  from: ym,
  to: ym,
  fullTime: z.boolean().nullable().optional(),
});
const WorkInput = z.object({
  hospital: z.string().trim().min(1).max(60),
  grade: z.string().trim().max(20).optional(),
  department: z.string().trim().max(30).optional(),
  from: ym,
  to: ym,
  title: z.string().trim().max(30).optional(),
  referee: z.string().trim().max(30).optional(),
});

const checklistInput = z.record(z.string(), z.enum(['original', 'copy', 'missing', 'na']));

/** Which applicants a list or its export shows, in which order: the same filters and sort for both. */
const applicantSelection = {
  status: z.enum(['pending', 'confirmed', 'returned', 'rejected']).optional(),
  specialty: z.string().optional(),
  /** a name, pinyin initials, or the first or last digits of the ID or phone number */
  query: z.string().max(50).optional(),
  sort: z.enum(APPLICANT_LIST_SORT).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
};

export const applicantsOps = {
  'applicants.previewImport': op<ImportPreview>()({
    input: ImportInput,
    access: perm('applicants.import'),
    summary: '预览报名人员导入（不写入）',
  }),
  'applicants.commitImport': op<ImportResult>()({
    input: ImportInput.extend({ saveMapping: z.boolean().default(false) }),
    access: perm('applicants.import'),
    summary: '导入报名人员（有效行一次性写入）',
  }),
  'applicants.rejectionReport': op<{ fileName: string; contentBase64: string }>()({
    input: z.strictObject({
      sourceFileName: z.string().max(255).default('报名人员'),
      rejected: z
        .array(
          z.object({
            row: z.number().int(),
            field: z.string(),
            code: z.string(),
            message: z.string(),
            name: z.string().max(200).optional(),
            idNumber: z.string().max(64).optional(),
          }),
        )
        .max(500_000),
    }),
    access: perm('applicants.import'),
    summary: '导出导入问题清单（XLSX）',
  }),
  'applicants.list': op<ApplicantList>()({
    input: z.strictObject({ ...applicantSelection, ...pagedListFields }),
    access: perm('applicants.view'),
    summary: '报名人员名单',
  }),
  'applicants.update': op<ApplicantDetail>()({
    input: z.strictObject({
      id: z.string(),
      /** Education rows from the first diploma to the highest (报名表 学习经历). */
      education: z.array(EducationInput).max(10).optional(),
      /** Clinical work rows (报名表 工作经历). */
      work: z.array(WorkInput).max(20).optional(),
      reductionYears: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
      ethnicity: z.string().trim().max(20).nullable().optional(),
      email: z.string().trim().email().max(100).nullable().optional(),
      employer: z.string().trim().max(100).nullable().optional(),
      reason: z.string().trim().max(200).optional(),
    }),
    access: perm('applicants.import'),
    summary: '补充或修改报名信息（学习、工作经历等）',
  }),
  'applicants.get': op<ApplicantDetail>()({
    input: z.strictObject({ id: z.string() }),
    access: perm('applicants.view'),
    summary: '报名人员详情',
  }),
  'applicants.reveal': op<{ idNumber: string; phone: string | null }>()({
    input: z.strictObject({ id: z.string(), reason: z.string().trim().max(200).optional() }),
    access: perm('applicants.reveal'),
    summary: '查看完整证件号码和手机号码（记入审计）',
  }),
  'applicants.search': op<{ results: ApplicantSummary[]; kind: string }>()({
    input: z.strictObject({ query: z.string().max(40), limit: z.number().int().min(1).max(100).default(20) }),
    access: perm('applicants.view'),
    summary: '按证件号码、姓名、拼音首字母或手机号查找报名人员',
  }),
  'confirm.saveChecklist': op<ApplicantDetail>()({
    input: z.strictObject({ id: z.string(), checklist: checklistInput }),
    access: perm('confirm.decide'),
    summary: '保存现场确认材料核对情况',
  }),
  'confirm.decide': op<{ decided: ApplicantSummary[] }>()({
    input: z.strictObject({
      /** Applicant ids or ID numbers. */
      targets: z.array(z.string().min(1)).min(1).max(1000),
      decision: z.enum(['confirmed', 'returned', 'rejected']),
      reason: z.string().trim().max(500).optional(),
      checklist: checklistInput.optional(),
      /**
       * The clerk asserts every required item was checked as an original (CLI `--checklist complete`):
       * unrecorded required items are recorded as originals, marked as declared, and audited.
       */
      checklistComplete: z.boolean().default(false),
      /** Let failing eligibility rules through (needs `reason`; recorded, audited, shown). */
      overrideRules: z.boolean().default(false),
    }),
    access: perm('confirm.decide'),
    summary: '现场确认：确认通过 / 退回补正 / 不予确认',
  }),
  'confirm.next': op<{ next: ApplicantSummary | null; waiting: number }>()({
    input: z.strictObject({ afterId: z.string().optional() }),
    access: perm('confirm.decide'),
    summary: '队列中的下一位待确认报名人员',
  }),
  'confirm.reopen': op<ApplicantDetail>()({
    input: z.strictObject({ id: z.string(), reason: z.string().trim().min(1, '重新打开需要填写原因').max(500) }),
    access: perm('confirm.reopen'),
    summary: '撤销现场确认结论，重新确认（需填写原因）',
  }),
  'confirm.receipt': op<{ html: string }>()({
    input: z.strictObject({ id: z.string() }),
    access: perm('applicants.view'),
    summary: '现场确认回执（打印）',
  }),
  'confirm.dashboard': op<Dashboard>()({ input: z.strictObject({}), access: perm('applicants.view'), summary: '现场确认统计' }),
  'confirm.statsExport': op<{ fileName: string; contentBase64: string }>()({
    input: z.strictObject({}),
    access: perm('applicants.view'),
    summary: '导出现场确认统计（XLSX）',
  }),
  'applicants.correctContact': op<ApplicantDetail>()({
    input: z.strictObject({
      id: z.string(),
      phone: z.string().trim().max(20).nullable().optional(),
      email: z.string().trim().max(100).nullable().optional(),
      reason: z.string().trim().min(1, '更正联系方式需要填写原因').max(200),
    }),
    access: perm('applicants.correctContact'),
    summary: '更正报名人员联系方式（需填写原因，记入审计）',
  }),
  'applicants.export': op<{ fileName: string; contentBase64: string }>()({
    input: z.strictObject({ ...applicantSelection, reveal: pagedListFields.reveal }),
    access: perm('applicants.view'),
    summary: '导出报名人员名单（当前筛选和排序，XLSX）',
  }),
  'applicants.recordAssigned': op<ApplicantDetail>()({
    input: z.strictObject({
      name: z.string().trim().min(1, '请填写姓名').max(50),
      idType: z.string().trim().max(20).optional(),
      /** Full ID number: sent in the request body only, never on a command line. */
      idNumber: z.string().trim().min(1, '请填写证件号码').max(40),
      phone: z.string().trim().max(20).optional(),
      category: z.string().trim().max(20).optional(),
      /** The specialty the province or city assigned, by code or name (must be in this base's catalogue). */
      specialty: z.string().trim().min(1, '请填写调剂到的专业').max(40),
      /** The base the person applied to, as the notice names it. */
      fromBase: z.string().trim().max(100).optional(),
      /** The notice or list the outcome comes from (文号、名单). */
      notice: z.string().trim().max(200).optional(),
      reason: z.string().trim().min(1, '登记调剂人员需要填写原因').max(500),
    }),
    access: perm('applicants.recordAssigned'),
    summary: '登记省（市）调剂到本基地的人员（不得拒收；记入审计）',
  }),
  'attachments.add': op<AttachmentView>()({
    input: FileInput.extend({ applicantId: z.string(), itemKey: z.string().min(1).max(40) }).strict(),
    access: perm('confirm.decide'),
    summary: '上传现场确认材料扫描件（JPEG/PNG/PDF）',
  }),
  'attachments.get': op<{ mime: string; contentBase64: string }>()({
    input: z.strictObject({ id: z.string() }),
    access: perm('applicants.view'),
    summary: '查看扫描件（身份证图像需“查看完整证件号”权限，记入审计）',
  }),
};
