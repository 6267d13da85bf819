import { z } from 'zod';
import { FileInput, op, perm } from './define';

export type PlanRow = {
  specialtyCode: string | null;
  specialtyName: string;
  category: string | null;
  quota: number;
  /** true for the unallocated pool (吉林“其他”), which counts in the total until split. */
  unallocated: boolean;
};

export type PlanView = { cohortYear: number; total: number; rows: PlanRow[] };

export type PlanPreviewRow = {
  sourceRow: number;
  specialtyName: string;
  specialtyCode: string | null;
  category: string | null;
  quota: number;
  unallocated: boolean;
};

export type PlanProblem = { row: number | null; code: string; message: string; name?: string };

export type PlanDiffRow = { specialtyCode: string | null; specialtyName: string; category: string | null; quota: number };

/** What an import would change in the plan already there (null when there is none). */
export type PlanDiff = {
  totalBefore: number;
  totalAfter: number;
  added: PlanDiffRow[];
  removed: PlanDiffRow[];
  changed: Array<PlanDiffRow & { before: number }>;
  /** Specialties the new plan drops although applicants of the cohort chose them. */
  droppedSpecialties: Array<{ specialtyCode: string; specialtyName: string; applicants: number }>;
  identical: boolean;
};

export type PlanPreview = {
  fileName: string;
  shape: 'matrix' | 'list' | 'table';
  encoding: string | null;
  baseColumn: string | null;
  baseColumns: string[];
  rows: PlanPreviewRow[];
  total: number;
  unknownSpecialties: Array<{ name: string; rows: number[] }>;
  problems: PlanProblem[];
  diff: PlanDiff | null;
};

const mapping = z.record(z.string(), z.union([z.object({ code: z.string() }), z.object({ add: z.literal(true) })]));

export const planOps = {
  'plan.show': op<PlanView>()({
    input: z.strictObject({ cohortYear: z.number().int().optional() }),
    access: perm('plan.view'),
    summary: '招收计划',
  }),
  'plan.previewImport': op<PlanPreview>()({
    input: FileInput.extend({ baseColumn: z.string().optional(), mappings: mapping.default({}) }).strict(),
    access: perm('plan.edit'),
    summary: '预览招收计划导入（不写入）',
  }),
  'plan.commitImport': op<PlanView>()({
    input: FileInput.extend({
      baseColumn: z.string().optional(),
      mappings: mapping.default({}),
      /** Needed, with a reason, to replace a plan that already has rows. */
      replace: z.boolean().optional(),
      reason: z.string().trim().max(500).optional(),
      /** Old specialty code → new one, for specialties the new plan drops although applicants chose them. */
      remap: z.record(z.string(), z.string()).default({}),
    }).strict(),
    access: perm('plan.edit'),
    summary: '导入招收计划（替换本年度计划）',
  }),
  'plan.setQuota': op<PlanView>()({
    input: z.strictObject({
      specialtyCode: z.string().nullable(),
      category: z.string().nullable(),
      quota: z.number().int('计划人数必须是整数').min(0, '计划人数不能为负数').max(100000),
      reason: z.string().trim().max(500).optional(),
    }),
    access: perm('plan.edit'),
    summary: '设置某专业（类别）的计划人数',
  }),
  'plan.splitPool': op<PlanView>()({
    input: z.strictObject({
      specialtyCode: z.string(),
      category: z.string().nullable(),
      seats: z.number().int().min(1),
    }),
    access: perm('plan.edit'),
    summary: '从“其他”待分配名额中分出名额给本基地专业',
  }),
};
