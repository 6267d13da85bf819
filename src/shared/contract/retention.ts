/**
 * Retention (数据保存期限): how long non-admitted applicants' personal data and delivered packages are kept,
 * what is due now, and the explicit, audited purge. The periods are base settings shipped as examples (示例):
 * no source gives them.
 */
import { z } from 'zod';
import { op, perm } from './define';

export type RetentionSettingsView = {
  /** Months after a recruitment year's admission is final (公示 ended, or the year over). */
  applicantMonths: number;
  /** Days after a package is delivered (signed receipt verified). */
  packageDays: number;
  /** True while the values are the shipped examples, not yet saved by the base. */
  example: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
};

export type RetentionYear = {
  cohortYear: number;
  final: boolean;
  basis: 'publication' | 'year-end' | null;
  finalSince: string | null;
  dueFrom: string | null;
  due: boolean;
  note: string;
  /** Non-admitted applicants whose personal data is still held (due or not yet due). */
  nonAdmitted: number;
  /** Of those, purged by a purge now (0 unless due). */
  dueApplicants: number;
  /** Their scan files (distinct files). */
  dueFiles: number;
  /** Admitted applicants and trainees: never purged here. */
  kept: number;
  /** Already purged earlier. */
  purged: number;
};

export type RetentionPackage = {
  uuid: string;
  kind: string;
  cohortYear: number;
  sequence: number;
  fileName: string;
  bytes: number;
  deliveredAt: string;
  dueFrom: string;
  due: boolean;
};

export type RetentionPreview = {
  today: string;
  settings: RetentionSettingsView;
  years: RetentionYear[];
  /** Delivered packages whose file is still in the outbox. */
  packages: RetentionPackage[];
  totals: { applicants: number; files: number; packages: number; packageBytes: number };
};

export type RetentionPurgeResult = {
  purgedAt: string;
  applicants: number;
  years: Array<{ cohortYear: number; applicants: number }>;
  files: number;
  packages: number;
  packageBytes: number;
  /** Files that could not be deleted (left for the next purge), in plain Chinese; empty when all went. */
  fileProblems: string[];
};

const reason = z.string().trim().min(2, '请填写理由（至少 2 个字）').max(500);

export const retentionOps = {
  'retention.get': op<RetentionSettingsView>()({
    input: z.strictObject({}),
    access: perm('retention.view'),
    summary: '数据保存期限设置',
  }),
  'retention.update': op<RetentionSettingsView>()({
    input: z.strictObject({
      applicantMonths: z.number().int('月数须为整数').min(1, '至少 1 个月').max(120, '至多 120 个月'),
      packageDays: z.number().int('天数须为整数').min(1, '至少 1 天').max(3650, '至多 3650 天'),
      reason,
    }),
    access: perm('retention.edit'),
    summary: '修改数据保存期限',
  }),
  'retention.preview': op<RetentionPreview>()({
    input: z.strictObject({}),
    access: perm('retention.view'),
    summary: '到期待清理的数据（预览，不做更改）',
  }),
  'retention.purge': op<RetentionPurgeResult>()({
    input: z.strictObject({ reason }),
    access: perm('retention.purge'),
    summary: '按保存期限清理到期数据',
  }),
};
