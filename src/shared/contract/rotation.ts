import { z } from 'zod';
import { FileInput, op, perm } from './define';
import type { TraineeStatus } from './trainees';

export type SiteTypeName = 'base' | 'partner' | 'primary';
export type RotationProgram = 'residency' | 'agp';
export type RotationPlanStatus = 'draft' | 'base_approved' | 'submitted' | 'province_confirmed' | 'in_progress';

export const PLAN_STATUS_LABEL: Record<RotationPlanStatus, string> = {
  draft: '草稿',
  base_approved: '基地审核通过',
  submitted: '已报省住培中心',
  province_confirmed: '省住培中心已确认',
  in_progress: '实施中',
};

/** A row-level import problem; row = spreadsheet row (header = 1), null for the whole file. */
export type RotationRowProblem = { row: number | null; field: string; code: string; message: string };

export type DepartmentView = {
  id: string;
  name: string;
  standardDepartments: string[];
  capacity: number;
  site: string | null;
  siteType: SiteTypeName;
};

export type DepartmentImportResult = {
  /** Departments written (0 when any row was rejected: the import is all or nothing). */
  imported: number;
  created: number;
  updated: number;
  rejected: RotationRowProblem[];
  departments: DepartmentView[];
};

export type SchemeRowView = {
  seq: number;
  standardDepartment: string;
  months: number;
  kind: 'required' | 'elective';
  electiveGroup: string | null;
  groupMonths: number | null;
  stage: 1 | 2 | 3 | null;
  siteType: SiteTypeName;
  splittable: boolean;
};

export type SchemeView = {
  id: string;
  program: RotationProgram;
  specialtyCode: string;
  years: number;
  totalMonths: number;
  example: boolean;
  /** '示例' for example schemes, '' otherwise: every screen and export shows it. */
  label: string;
  sourceFile: string;
  rows: SchemeRowView[];
};

export type SchemeImportResult = {
  imported: number;
  schemes: Array<{ program: RotationProgram; specialtyCode: string; years: number; totalMonths: number; example: boolean }>;
  rejected: RotationRowProblem[];
};

export type ShortfallView = {
  department: string;
  from: string;
  to: string;
  shortTraineeMonths: number;
  message: string;
  /**
   * 'count' (absent in older results): proven by counting places. 'search': the closest arrangement found
   * is over capacity here (department = the 科室), by `overBy` trainees at most. 'exhausted': the same, and
   * every arrangement was tried.
   */
  basis?: 'count' | 'search' | 'exhausted';
  overBy?: number;
};
export type PeakLoadView = { department: string; departmentId: string; capacity: number; peak: number };

export type PlanRunResult = {
  planned: number;
  /** true when any planned trainee's scheme is a shipped example (示例). */
  example: boolean;
  infeasible: ShortfallView[];
  peakLoad: PeakLoadView[];
  changedBlocks: number;
  /** Largest load / capacity reached, and the lower bound no plan can beat. */
  imbalance: { achieved: number; lowerBound: number } | null;
};

export type BlockView = {
  id: string;
  department: string;
  departmentId: string;
  standardDepartments: string[];
  /** The scheme row this block serves. */
  standardDepartment: string;
  site: string | null;
  start: string;
  /** Inclusive. */
  end: string;
  months: number;
  exitExamResult: 'pass' | 'fail' | null;
  exitExamDate: string | null;
  retakeOf: string | null;
};

export type LeaveView = { id: string; type: string; from: string; to: string; reason: string | null };

export type TraineePlanView = {
  traineeId: string;
  /** Masked. */
  idNumber: string;
  name: string;
  specialtyCode: string;
  cohortYear: number;
  status: RotationPlanStatus | null;
  /** true when the scheme used is a shipped example (示例). */
  example: boolean;
  changedAfterApproval: boolean;
  changeReason: string | null;
  endFlag: string | null;
  blocks: BlockView[];
  leave: LeaveView[];
};

/**
 * One block as the plan grid draws it, as a tuple: a cohort has thousands of blocks, and named fields with
 * the department's id spelt out made the answer three times larger. Departments are positions in the
 * view's `departmentIds` and `standardDepartments`; dates are YYYY-MM-DD, the end inclusive.
 */
export type PlanGridBlock = [id: string, department: number, standardDepartment: number, start: string, end: string];

/** One trainee's row of the plan grid: who, and the plan's status and blocks (none when not planned yet). */
export type PlanGridRow = {
  traineeId: string;
  name: string;
  startDate: string;
  years: number;
  traineeStatus: TraineeStatus;
  planStatus: RotationPlanStatus | null;
  /** true when the scheme used is a shipped example (示例). */
  example: boolean;
  blocks: PlanGridBlock[];
};

/**
 * A cohort's plans as the grid shows them, in one read: only what the grid draws (a full TraineePlanView per
 * trainee is several times larger), rows in the registry's list order (specialty, pinyin initials, name).
 */
export type PlanGridView = {
  /** Every cohort year with trainees, latest first. */
  cohorts: number[];
  /** The cohort shown: the one asked for, else the latest; null when there are no trainees. */
  cohortYear: number | null;
  /** The departments the blocks name, by position (their names are in `rotation.listDepartments`). */
  departmentIds: string[];
  /** The standard departments (scheme rows) the blocks serve, by position. */
  standardDepartments: string[];
  /** The cohort's trainees in training (在培, 暂停, 延期), from position `offset` in list order. */
  rows: PlanGridRow[];
  /** Where `rows` start in the cohort's list, and how many rows the whole cohort has. */
  offset: number;
  total: number;
  /** Facts over the whole cohort, so a first page of rows can show the page's header and notices. */
  summary: PlanGridSummary;
};

/** What the page says about the whole cohort, counted over every row whether sent or not. */
export type PlanGridSummary = {
  /** The earliest start date (YYYY-MM-DD): the grid's first column; null when the cohort has no rows. */
  start: string | null;
  /** The longest training length in years (at least 1): the grid's width. */
  maxYears: number;
  /** Trainees whose plan is still a draft or who have no plan yet. */
  unapproved: number;
  /** Of those, the trainees with no plan yet (nothing to approve: 一键排班 first). */
  unplanned: number;
  /** true when any plan uses a shipped example scheme (示例). */
  example: boolean;
};

export type ViolationView = {
  code: string;
  traineeId: string | null;
  /** Masked. */
  idNumber: string | null;
  department: string | null;
  from: string;
  to: string;
  message: string;
};

export type RosterView = {
  /** true when any plan shown was made on an example scheme (示例). */
  example: boolean;
  months: Array<{
    month: string;
    departments: Array<{
      department: string;
      departmentId: string;
      capacity: number;
      /** Names of everyone there at some time in the month. */
      trainees: string[];
      count: number;
      /** Most trainees there at once in the month. */
      peak: number;
    }>;
  }>;
};

/**
 * Each department's load per month, as the plan page's heatmap shows it: the most trainees there at once
 * (leave excluded), against its capacity. The roster's counts without its names, which a heatmap never shows.
 */
export type DepartmentLoadView = {
  months: string[];
  /** Every department, in the departments list's order; `peaks` by position in `months`. */
  departments: Array<{ departmentId: string; capacity: number; peaks: number[] }>;
};

export type StatusChangeResult = {
  changed: number;
  status: RotationPlanStatus;
  skipped: Array<{ traineeId: string; name: string; reason: string }>;
};

export type ReplanResult = {
  traineeId: string;
  previousEnd: string | null;
  newEnd: string | null;
  /** The date the end is compared with (the expected completion date unless given). */
  cutoff: string | null;
  pastCutoff: boolean;
  changedBlocks: number;
  plan: TraineePlanView;
};

export type ExportResult = { fileName: string; contentBase64: string; example: boolean };

/** A complete A4 HTML page for the print preview (or `rotation export --html`); rows = table rows printed. */
export type PrintableResult = { html: string; fileName: string; example: boolean; rows: number };

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM');
const reason = z.string().trim().min(1).max(500).optional();
const trainee = {
  traineeId: z.string().min(1).optional(),
  idNumber: z.string().min(1).max(40).optional(),
};
const traineeRef = z.object(trainee).refine((v) => !!v.traineeId || !!v.idNumber, '请指定学员（traineeId 或 idNumber）');
const cohortOrIds = z.object({
  cohortYear: z.number().int().min(2000).max(2100).optional(),
  traineeIds: z.array(z.string().min(1)).max(10000).optional(),
});

export const rotationOps = {
  'rotation.previewDepartments': op<DepartmentImportResult>()({
    input: FileInput,
    access: perm('rotation.manage'),
    summary: '预览科室导入（不写入）',
  }),
  'rotation.importDepartments': op<DepartmentImportResult>()({
    input: FileInput,
    access: perm('rotation.manage'),
    summary: '导入科室及其对应的标准科室、容量（全部成功才写入）',
  }),
  'rotation.listDepartments': op<DepartmentView[]>()({
    input: z.object({}),
    access: perm('rotation.view'),
    summary: '科室列表',
  }),
  'rotation.updateDepartment': op<DepartmentView>()({
    input: z.object({
      id: z.string().min(1),
      name: z.string().trim().min(1).max(100).optional(),
      capacity: z.number().int().min(1).max(10000).optional(),
      standardDepartments: z.array(z.string().trim().min(1).max(100)).min(1).max(100).optional(),
      site: z.string().trim().max(100).nullable().optional(),
      siteType: z.enum(['base', 'partner', 'primary']).optional(),
      reason,
    }),
    access: perm('rotation.manage'),
    summary: '修改科室',
  }),
  'rotation.previewSchemes': op<SchemeImportResult>()({
    input: FileInput,
    access: perm('rotation.manage'),
    summary: '预览轮转方案导入（不写入）',
  }),
  'rotation.importSchemes': op<SchemeImportResult>()({
    input: FileInput.extend({ example: z.boolean().default(false) }),
    access: perm('rotation.manage'),
    summary: '导入轮转方案（全部通过校验才写入）',
  }),
  'rotation.listSchemes': op<SchemeView[]>()({
    input: z.object({}),
    access: perm('rotation.view'),
    summary: '轮转方案列表',
  }),
  'rotation.plan': op<PlanRunResult>()({
    input: cohortOrIds.extend({
      reason,
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31)
        .optional(),
    }),
    access: perm('rotation.manage'),
    summary: '为学员编排轮转计划（全部可行才保存）',
  }),
  'rotation.show': op<TraineePlanView>()({
    input: traineeRef,
    access: perm('rotation.view'),
    summary: '学员的轮转计划',
  }),
  'rotation.listPlans': op<TraineePlanView[]>()({
    input: z.strictObject({ traineeIds: z.array(z.string().min(1)).max(10000) }),
    access: perm('rotation.view'),
    summary: '多名学员的轮转计划（一次读取，供排班网格使用）',
  }),
  'rotation.grid': op<PlanGridView>()({
    input: z.strictObject({
      cohortYear: z.number().int().min(2000).max(2100).optional(),
      /** A page of the rows in list order (the screen's first rows, then the rest); all of them when left out. */
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).optional(),
    }),
    access: perm('rotation.view'),
    summary: '一个年级的轮转计划网格（学员与各轮转段，可分段读取）',
  }),
  'rotation.check': op<{ violations: ViolationView[] }>()({
    input: z.object({ cohortYear: z.number().int().optional() }),
    access: perm('rotation.view'),
    summary: '检查已保存的轮转计划',
  }),
  'rotation.roster': op<RosterView>()({
    input: z.object({ from: month, to: month }),
    access: perm('rotation.view'),
    summary: '科室轮转表（按月）',
  }),
  'rotation.load': op<DepartmentLoadView>()({
    input: z.object({ from: month, to: month }),
    access: perm('rotation.view'),
    summary: '科室负荷（按月，每月同时在科最多人数）',
  }),
  'rotation.moveBlock': op<TraineePlanView>()({
    input: z.object({ blockId: z.string().min(1), departmentId: z.string().min(1).optional(), start: date.optional(), reason }),
    access: perm('rotation.manage'),
    summary: '调整一段轮转的科室或开始日期',
  }),
  'rotation.splitBlock': op<TraineePlanView>()({
    input: z.object({ blockId: z.string().min(1), at: date, departmentId: z.string().min(1).optional(), reason }),
    access: perm('rotation.manage'),
    summary: '把一段轮转从某日起拆成两段（后一段可换科室）',
  }),
  'rotation.swapBlocks': op<TraineePlanView[]>()({
    input: z.object({ a: z.string().min(1), b: z.string().min(1), reason }),
    access: perm('rotation.manage'),
    summary: '交换两段轮转',
  }),
  'rotation.shiftBlock': op<TraineePlanView>()({
    input: z.object({
      blockId: z.string().min(1),
      /** Half months; negative = earlier. */
      by: z
        .number()
        .int()
        .min(-144)
        .max(144)
        .refine((n) => n !== 0, '移动的半月数不能为 0'),
      reason,
    }),
    access: perm('rotation.manage'),
    summary: '把一段轮转提前或推后若干半月，经过的轮转顺移补位（总时长不变）',
  }),
  'rotation.approve': op<StatusChangeResult>()({
    input: cohortOrIds.extend({ reason }),
    access: perm('rotation.manage'),
    summary: '基地审核通过轮转计划',
  }),
  'rotation.markSubmitted': op<StatusChangeResult>()({
    input: cohortOrIds,
    access: perm('rotation.manage'),
    summary: '标记轮转计划已报省住培中心',
  }),
  'rotation.markProvinceConfirmed': op<StatusChangeResult>()({
    input: cohortOrIds,
    access: perm('rotation.manage'),
    summary: '标记轮转计划经省住培中心确认',
  }),
  'rotation.start': op<StatusChangeResult>()({
    input: cohortOrIds,
    access: perm('rotation.manage'),
    summary: '开始实施轮转计划',
  }),
  'rotation.recordLeave': op<ReplanResult>()({
    input: z.object({
      ...trainee,
      type: z.string().trim().min(1).max(50),
      from: date,
      to: date,
      reason,
      cutoff: date.optional(),
    }),
    access: perm('rotation.manage'),
    summary: '登记请假，并只重排此后的轮转',
  }),
  'rotation.recordExitExam': op<ReplanResult>()({
    input: z.object({
      ...trainee,
      department: z.string().trim().min(1).max(100),
      result: z.enum(['pass', 'fail']),
      date: date.optional(),
      cutoff: date.optional(),
    }),
    access: perm('rotation.manage'),
    summary: '登记出科考核结果（不合格则补轮并顺延）',
  }),
  'rotation.printable': op<PrintableResult>()({
    input: z.object({
      ...trainee,
      cohortYear: z.number().int().optional(),
      kind: z.enum(['plan', 'exitExams']).default('plan'),
    }),
    access: perm('rotation.view'),
    summary: '可打印的轮转安排计划或出科考核成绩（A4，证件号码脱敏）',
  }),
  'rotation.export': op<ExportResult>()({
    input: z.object({ ...trainee, cohortYear: z.number().int().optional() }),
    access: perm('rotation.view'),
    summary: '导出轮转安排计划与科室轮转表（XLSX）',
  }),
};
