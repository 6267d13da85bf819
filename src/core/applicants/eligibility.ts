/**
 * Eligibility rules are province data (preset `eligibilityRules`), evaluated here. A rule applies when all
 * of its `when` conditions hold; it then passes when all of its `require` conditions hold, otherwise it
 * gives its `outcome` (fail or warning) with its Chinese message and source. Unknown facts never fail a
 * rule: they turn it into a warning asking the clerk to check by hand. A fact is unknown when the roster
 * never supplied its column (an empty cell of a supplied column is a known "none"), and, for rows stored
 * before supplied columns were kept, whenever it is empty.
 */
import { z } from 'zod';
import type { EligibilityResult } from '../../shared/contract/applicants';
import type { Preset } from '../../shared/preset';
import { normalizeSpecialtyName } from '../catalogue/catalogue';
import { disciplineOf } from './row-fields';
import { DEFAULTED_WHEN_ABSENT, type ApplicantRecord } from './validate-row';

const FACTS = [
  'ruralOriented',
  'category',
  'highestEducation',
  'highestDegree',
  'major',
  'school',
  'graduationDate',
  'fullTime',
  'employer',
  'qualificationCertNo',
  'practisingCertNo',
  'acceptsAdjustment',
  'enrolledStudent',
  'ruralBreach',
  'ruralCounty',
  'discipline',
] as const;
type Fact = (typeof FACTS)[number];

type Cond =
  | {
      fact: Fact;
      equals?: string | boolean;
      in?: string[];
      matches?: string;
      notMatches?: string;
      empty?: boolean;
      before?: string;
    }
  | { choices: 'allIn' | 'anyIn'; specialties: string[] }
  | { any: Cond[] }
  | { all: Cond[] }
  | { not: Cond };

const CondSchema: z.ZodType<Cond> = z.lazy(() =>
  z.union([
    z.object({
      fact: z.enum(FACTS),
      equals: z.union([z.string(), z.boolean()]).optional(),
      in: z.array(z.string()).optional(),
      matches: z.string().optional(),
      notMatches: z.string().optional(),
      empty: z.boolean().optional(),
      before: z.string().optional(),
    }),
    z.object({ choices: z.enum(['allIn', 'anyIn']), specialties: z.array(z.string()) }),
    z.object({ any: z.array(CondSchema) }),
    z.object({ all: z.array(CondSchema) }),
    z.object({ not: CondSchema }),
  ]),
);

export const RuleSchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  when: z.array(CondSchema).default([]),
  /** Empty: the rule fails whenever it applies. */
  require: z.array(CondSchema).default([]),
  outcome: z.enum(['fail', 'warning']),
  message: z.string(),
});
export type Rule = z.infer<typeof RuleSchema>;

export function presetRules(preset: Preset): Rule[] {
  return preset.eligibilityRules.map((r, i) => {
    const parsed = RuleSchema.safeParse(r);
    if (!parsed.success) throw new Error(`预设 ${preset.id} 的第 ${i + 1} 条资格规则格式不对：${parsed.error.message}`);
    return parsed.data;
  });
}

/** Facts plus the names of the chosen specialties (rules name specialties, not codes). */
export type Subject = ApplicantRecord & { choiceNames: string[] };

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * The fact's value, or undefined when unknown. 毕业专业类别 falls back to the major's name (临床医学 → 临床)
 * when the roster has no category column, and is read as one of 临床 / 口腔 / 中医.
 */
function factOf(s: Subject, fact: Fact): unknown {
  if (fact === 'discipline') return disciplineOf(s.discipline ?? null) ?? disciplineOf(s.major) ?? undefined;
  const v: unknown = s[fact];
  if (s.supplied == null) return isEmpty(v) ? undefined : v;
  if (s.supplied.includes(fact)) return v ?? null;
  return DEFAULTED_WHEN_ABSENT.has(fact) || isEmpty(v) ? undefined : v;
}

/** true / false, or null when the fact is unknown. */
function test(c: Cond, s: Subject): boolean | null {
  if ('all' in c) return all(c.all, s);
  if ('any' in c) {
    const r = c.any.map((x) => test(x, s));
    if (r.includes(true)) return true;
    return r.includes(null) ? null : false;
  }
  if ('not' in c) {
    const r = test(c.not, s);
    return r === null ? null : !r;
  }
  if ('choices' in c) {
    const wanted = new Set(c.specialties.map(normalizeSpecialtyName));
    const names = s.choiceNames.map(normalizeSpecialtyName);
    if (names.length === 0) return null;
    return c.choices === 'allIn' ? names.every((n) => wanted.has(n)) : names.some((n) => wanted.has(n));
  }
  const v = factOf(s, c.fact);
  if (v === undefined) return null;
  if (c.empty !== undefined) return isEmpty(v) === c.empty;
  if (isEmpty(v)) return null;
  if (c.equals !== undefined) return v === c.equals;
  const t = String(v);
  if (c.in) return c.in.includes(t);
  if (c.matches) return new RegExp(c.matches).test(t);
  if (c.notMatches) return !new RegExp(c.notMatches).test(t);
  if (c.before) return t <= c.before;
  return null;
}

function all(conds: Cond[], s: Subject): boolean | null {
  let unknown = false;
  for (const c of conds) {
    const r = test(c, s);
    if (r === false) return false;
    if (r === null) unknown = true;
  }
  return unknown ? null : true;
}

export function evaluateEligibility(rules: Rule[], s: Subject): EligibilityResult[] {
  return rules.map((rule) => {
    const base = { ruleId: rule.id, title: rule.title, source: rule.source };
    const applies = all(rule.when, s);
    if (applies === false) return { ...base, outcome: 'pass', message: `不适用：${rule.title}（依据：${rule.source}）` };
    const ok = applies === null ? null : rule.require.length === 0 ? false : all(rule.require, s);
    if (ok === true) return { ...base, outcome: 'pass', message: `符合：${rule.title}（依据：${rule.source}）` };
    if (ok === false) return { ...base, outcome: rule.outcome, message: `${rule.message}（依据：${rule.source}）` };
    return {
      ...base,
      outcome: 'warning',
      message: `报名信息不完整，无法自动判断“${rule.title}”，请现场核对原件（依据：${rule.source}）`,
    };
  });
}
