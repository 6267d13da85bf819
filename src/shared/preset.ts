import { z } from 'zod';

/**
 * A province policy preset: the rules of one province and year, as data. Later features read their own
 * sections (eligibility rules, rounds, deadlines); adding a province means adding a JSON file, not code.
 */
export const ProgramSchema = z.enum(['residency', 'agp']);
export type Program = z.infer<typeof ProgramSchema>;

export const PROGRAM_LABELS: Record<Program, string> = { residency: '住院医师规范化培训', agp: '助理全科医生培训' };

export const PresetSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  province: z.string(),
  year: z.number().int(),
  programs: z.array(ProgramSchema).min(1),
  /** Number of choices (志愿) an applicant may name in the first application window. */
  choices: z.number().int().min(1).max(3),
  adjustment: z.boolean(),
  /**
   * Who decides 调剂 when not the base: the province (Jilin) or the city (Beijing). The base then records the
   * outcome it is sent, with the notice as reference, and proposes nothing itself.
   */
  adjustmentBy: z.object({ authority: z.enum(['province', 'city']), source: z.string() }).optional(),
  /** Categories that may only be adjusted into some specialties (Beijing: 自主培训 only into 全科), by name. */
  adjustmentLimits: z
    .array(z.object({ category: z.string(), specialties: z.array(z.string()).min(1), source: z.string() }))
    .optional(),
  secondWindow: z
    .object({
      choices: z.number().int().min(1).max(3),
      /** Specialties (by name) that take no part in the second window (Beijing: 中医). */
      excludedSpecialties: z.array(z.string()).optional(),
      source: z.string().optional(),
    })
    .nullable(),
  /** At equal totals, this category is admitted first in this specialty (by name), with the sentence saying so. */
  admissionPriorities: z.array(z.object({ specialty: z.string(), category: z.string(), source: z.string() })).optional(),
  categories: z.array(z.object({ code: z.string(), name: z.string(), description: z.string().optional() })).min(1),
  /** Beijing splits quotas by 委托培训 / 自主培训; most provinces do not. */
  quotasByCategory: z.boolean(),
  exam: z.object({
    components: z
      .array(z.object({ key: z.string(), name: z.string(), max: z.number().positive(), weight: z.number().positive() }))
      .min(1),
    aggregation: z.enum(['mean', 'trimmed-mean']),
    tieBreaks: z.array(z.string()),
    minTotal: z.number().nullable(),
  }),
  trainingYears: z.object({ residency: z.number().int(), agp: z.number().int() }),
  /** Days after report-in (报到) by which the labour contract / training agreement must be signed. */
  contractDeadlineDays: z.number().int().nullable(),
  /** The categories the deadline applies to (Jilin: 社会人 only); absent: everyone admitted. */
  contractDeadlineCategories: z.array(z.string()).optional(),
  /** Specialties this province uses that are not in the national code list; they get local codes. */
  extraSpecialties: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The plan table shape the province publishes, used as the default when importing. */
  planShape: z.enum(['matrix', 'list', 'table']),
  /** Each rule's own shape is defined by the feature that evaluates it. */
  eligibilityRules: z.array(z.record(z.string(), z.unknown())),
  sources: z.array(z.string()),
  notes: z.string().optional(),
  /**
   * Settings no source gives, shipped as examples to be edited (top-level keys: choices, adjustment,
   * categories, exam ...). Every place that shows them marks them 示例.
   */
  examples: z.array(z.string()).optional(),
});

export type Preset = z.infer<typeof PresetSchema>;

/** Chinese names of the settings a preset may mark as examples, for the 示例 notice. */
export const PRESET_SETTING_LABELS: Record<string, string> = {
  choices: '志愿数',
  adjustment: '调剂',
  secondWindow: '二次补报',
  categories: '人员类型',
  quotasByCategory: '按人员类型分列名额',
  exam: '考核科目与权重',
  contractDeadlineDays: '签约期限',
};

/** The 示例 notice for a preset, or null when every setting is sourced. */
export function presetExampleNotice(p: Pick<Preset, 'examples'>): string | null {
  if (!p.examples || p.examples.length === 0) return null;
  const names = p.examples.map((k) => PRESET_SETTING_LABELS[k] ?? k).join('、');
  return `示例：${names}为示例设置，原文未规定，请按本基地方案修改。`;
}
