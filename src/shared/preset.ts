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
  secondWindow: z.object({ choices: z.number().int().min(1).max(3) }).nullable(),
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
  /** Specialties this province uses that are not in the national code list; they get local codes. */
  extraSpecialties: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The plan table shape the province publishes, used as the default when importing. */
  planShape: z.enum(['matrix', 'list', 'table']),
  /** Each rule's own shape is defined by the feature that evaluates it. */
  eligibilityRules: z.array(z.record(z.string(), z.unknown())),
  sources: z.array(z.string()),
  notes: z.string().optional(),
});

export type Preset = z.infer<typeof PresetSchema>;
