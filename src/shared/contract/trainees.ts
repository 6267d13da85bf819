/**
 * The trainee registry (在培学员): admitted applicants who reported in (`trainees.enrol`) and trainees of
 * earlier cohorts imported from the provincial platform's export. ID and phone numbers leave the core
 * masked; the full values only through `trainees.revealIdNumber` or `list` with `reveal` (both audited).
 */
import { z } from 'zod';
import { FileInput, op, perm } from './define';
import type { ChangedRow, ImportOutcome, ImportPreviewBase, RowProblem } from './import-report';
import { pagedListFields } from './list-input';
import { TRAINEE_STATUSES, type TraineeStatus } from './trainees-values';
export * from './trainees-values';

/** 在培 / 暂停 / 延期 / 退培 / 结业, as the platform and the base's staff say it. */
export const TRAINEE_STATUS_LABELS: Record<TraineeStatus, string> = {
  active: '在培',
  suspended: '暂停',
  extended: '延期',
  withdrawn: '退培',
  completed: '结业',
};

export type TraineeProgram = 'residency' | 'agp';
export const TRAINEE_PROGRAM_LABELS: Record<TraineeProgram, string> = { residency: '住培', agp: '助理全科' };

/** 合格 / 不合格 / 未考. */
export type ExamResult = 'pass' | 'fail' | 'none';

/** A standard department and the months a reduced-year trainee must still serve there (缺什么、补什么). */
export type MustServeRow = { standardDepartment: string; months: number };

export type TraineeSummary = {
  id: string;
  /** Masked unless revealed. */
  idNumber: string;
  idType: string;
  name: string;
  sex: string | null;
  program: TraineeProgram;
  specialtyCode: string;
  specialtyName: string;
  /** 年级. */
  cohortYear: number;
  startDate: string;
  years: number;
  status: TraineeStatus;
  personType: string | null;
  partnerSite: string | null;
  source: 'enrolment' | 'import';
};

export type TraineeStatusChange = {
  fromStatus: TraineeStatus;
  toStatus: TraineeStatus;
  effectiveDate: string;
  reason: string;
  actor: string;
  /** Who made the change, by display name (the username when the account is gone). */
  actorName: string;
  at: string;
};

export type TraineeTransfer = {
  kind: 'specialty' | 'base';
  before: string | null;
  after: string;
  effectiveDate: string;
  reason: string;
  actor: string;
  /** Who made the change, by display name (the username when the account is gone). */
  actorName: string;
  at: string;
};

export type TraineeDetail = TraineeSummary & {
  /** Masked. */
  phone: string | null;
  employer: string | null;
  mergedPostgraduate: boolean;
  /** Masked where it embeds the holder's ID number. */
  qualificationCertNo: string | null;
  practisingCertNo: string | null;
  qualificationExam: ExamResult;
  theoryStageExam: ExamResult;
  processAssessment: 'pass' | 'fail' | null;
  applicantId: string | null;
  mustServe: MustServeRow[] | null;
  createdAt: string;
  updatedAt: string;
  statusHistory: TraineeStatusChange[];
  transfers: TraineeTransfer[];
};

export type TraineeList = { total: number; trainees: TraineeSummary[]; revealed: boolean };

export const TRAINEE_FIELD_KEYS = [
  'name',
  'idType',
  'idNumber',
  'sex',
  'phone',
  'program',
  'specialty',
  'cohortYear',
  'startDate',
  'years',
  'personType',
  'employer',
  'partnerSite',
  'mergedPostgraduate',
  'qualificationCertNo',
  'practisingCertNo',
  'qualificationExam',
  'theoryStageExam',
  'processAssessment',
] as const;
export type TraineeFieldKey = (typeof TRAINEE_FIELD_KEYS)[number];

export type TraineeImportChange = ChangedRow & { traineeId: string };

export type TraineeImportPreview = ImportPreviewBase<TraineeFieldKey, TraineeImportChange> & {
  /** The first rows as they will be stored (masked). */
  sample: Array<{
    row: number;
    idNumber: string;
    name: string;
    program: TraineeProgram | null;
    specialtyCode: string | null;
    cohortYear: number | null;
    status: 'new' | 'update' | 'unchanged' | 'rejected';
  }>;
};

/** A trainee import's result also lists the warnings of the rows it wrote. */
export type TraineeImportResult = ImportOutcome<TraineeImportChange> & { warnings: RowProblem[] };

/** An admitted applicant enrolment left out or enrolled with a caveat; ID masked. */
export type EnrolNote = { applicantId: string; name: string; idNumber: string; code: string; message: string };

export type EnrolResult = {
  cohortYear: number;
  /** New trainees made by this run. */
  enrolled: number;
  /** Admitted, reported in, and already trainees (an earlier run). */
  alreadyEnrolled: number;
  /** Admitted but not reported in yet: not enrolled. */
  notReported: number;
  trainees: TraineeSummary[];
  /** Left out, with the reason (e.g. the ID number already belongs to another trainee record). */
  skipped: EnrolNote[];
  /** Enrolled, but something still needs a person (a reduction awaiting a decision or the province). */
  warnings: EnrolNote[];
};

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const reason = z.string().trim().min(2, '请填写原因（至少 2 个字）').max(500);
/** A trainee's id, or their ID number (the CLI and the desk know people by it). */
const target = z.string().trim().min(1).max(64);

export const traineesOps = {
  'trainees.previewImport': op<TraineeImportPreview>()({
    input: FileInput,
    access: perm('trainees.manage'),
    summary: '预览在培学员导入（不写入）',
  }),
  'trainees.commitImport': op<TraineeImportResult>()({
    input: FileInput,
    access: perm('trainees.manage'),
    summary: '导入在培学员（省平台导出，全部有效才写入）',
  }),
  'trainees.enrol': op<EnrolResult>()({
    input: z.object({
      cohortYear: z.number().int().min(2000).max(2100),
      /** Default 9月1日 of the cohort year. */
      startDate: date.optional(),
    }),
    access: perm('trainees.manage'),
    summary: '已录取并报到的考生转为在培学员',
  }),
  'trainees.list': op<TraineeList>()({
    input: z.object({
      /** Name, pinyin initials or the last digits of the ID number. */
      query: z.string().max(40).optional(),
      cohortYear: z.number().int().optional(),
      program: z.enum(['residency', 'agp']).optional(),
      specialtyCode: z.string().max(20).optional(),
      status: z.enum(TRAINEE_STATUSES).optional(),
      ...pagedListFields,
    }),
    access: perm('trainees.view'),
    summary: '在培学员名单',
  }),
  'trainees.get': op<TraineeDetail>()({
    input: z.object({ id: target }),
    access: perm('trainees.view'),
    summary: '在培学员详情（含状态变更与变更专业/基地记录）',
  }),
  'trainees.setStatus': op<TraineeDetail>()({
    input: z.object({ id: target, status: z.enum(TRAINEE_STATUSES), effectiveDate: date, reason }),
    access: perm('trainees.manage'),
    summary: '变更培训状态（在培/暂停/延期/退培/结业），需填写原因',
  }),
  'trainees.transfer': op<TraineeDetail>()({
    input: z.object({
      id: target,
      kind: z.enum(['specialty', 'base']),
      /** Specialty name or code for 'specialty'; the other base's name for 'base'. */
      after: z.string().trim().min(1).max(100),
      effectiveDate: date,
      reason,
    }),
    access: perm('trainees.manage'),
    summary: '变更培训专业或培训基地（保留变更记录）',
  }),
  'trainees.setMustServe': op<TraineeDetail>()({
    input: z.object({
      id: target,
      /** null = the whole scheme again. */
      mustServe: z
        .array(z.object({ standardDepartment: z.string().trim().min(1).max(40), months: z.number().positive().max(36) }))
        .max(60)
        .nullable(),
      reason,
    }),
    access: perm('trainees.manage'),
    summary: '登记减免学员需补足的培训内容（缺什么、补什么）',
  }),
  'trainees.revealIdNumber': op<{ idNumber: string; phone: string | null }>()({
    input: z.object({ id: target, reason: z.string().trim().max(200).optional() }),
    access: perm('trainees.reveal'),
    summary: '查看学员完整证件号码和手机号码（记入审计）',
  }),
};
