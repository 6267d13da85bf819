/**
 * Weighted totals. A preset describes its exam as components (written / skills / interview), each with its
 * own full mark and its weight in the 100-point total: Jilin written 100 x 60% + interview 100 x 40%; Hubei
 * written 150 x 40% + skills 100 x 40% + interview 100 x 20%.
 *
 *   total = sum over components of weight x raw / max      (exact rational)
 *
 * rounded once, half-up, to two decimals. Ranking and admission use that rounded total, because it is the
 * figure that is published and that candidates can check.
 */
import { AppError } from '../../../shared/errors';
import { formatHundredths, isHundredths, roundToHundredths, type Hundredths } from './hundredths';
import { add, compare, div, fromDecimal, fromInt, mul, toFractionString, ZERO, type Rational } from './rational';

export type Component = {
  /** Stable key used in score records and tie-breaks, e.g. 'written', 'skills', 'interview'. */
  key: string;
  /** Display name, e.g. 笔试. */
  name: string;
  /** Full mark of the raw score, e.g. 150. */
  max: number;
  /** Share of the 100-point total, e.g. 40. All weights of a preset sum to exactly 100. */
  weight: number;
};

export type ComponentIssueCode =
  'WEIGHTS_NOT_100' | 'MAX_NOT_POSITIVE' | 'WEIGHT_NEGATIVE' | 'COMPONENT_KEY_EMPTY' | 'COMPONENT_DUPLICATE_KEY';

export type ComponentIssue = { code: ComponentIssueCode; message: string; key?: string };

/** Raw scores by component key: hundredths of the component's own scale, or 'absent' (缺考). */
export type RawScores = Record<string, Hundredths | 'absent' | undefined>;

export type TotalResult =
  | {
      status: 'ok';
      /** Rounded half-up to hundredths: the figure that is published and ranked. */
      total: Hundredths;
      /** e.g. '87.30' */
      display: string;
      /** The exact unrounded total in points as a fraction, e.g. '2366/27', for audit. */
      exact: string;
    }
  /** At least one component is 缺考. Takes precedence over 'incomplete'. */
  | { status: 'absent'; absent: string[] }
  /** At least one component has no score yet. */
  | { status: 'incomplete'; missing: string[] };

function safeDecimal(x: number): Rational | null {
  try {
    return fromDecimal(x);
  } catch {
    return null;
  }
}

/** Every problem with a component list (empty when valid), for a preset editor to show all at once. */
export function validateComponents(components: readonly Component[]): ComponentIssue[] {
  const issues: ComponentIssue[] = [];
  const seen = new Set<string>();
  let sum = ZERO;
  let sumKnown = true;
  for (const c of components) {
    if (c.key.trim() === '') {
      issues.push({ code: 'COMPONENT_KEY_EMPTY', message: `考核项「${c.name}」缺少键名，请填写（如 written）。` });
    } else if (seen.has(c.key)) {
      issues.push({ code: 'COMPONENT_DUPLICATE_KEY', key: c.key, message: `考核项键名「${c.key}」重复，请改为不同的键名。` });
    }
    seen.add(c.key);
    const max = safeDecimal(c.max);
    if (max === null || max.n <= 0n) {
      issues.push({
        code: 'MAX_NOT_POSITIVE',
        key: c.key,
        message: `考核项「${c.name}」的满分「${c.max}」无效：满分必须大于 0。`,
      });
    }
    const w = safeDecimal(c.weight);
    if (w === null || w.n < 0n) {
      issues.push({
        code: 'WEIGHT_NEGATIVE',
        key: c.key,
        message: `考核项「${c.name}」的权重「${c.weight}」无效：权重必须是不小于 0 的数。`,
      });
      sumKnown = false;
    } else {
      sum = add(sum, w);
    }
  }
  if (sumKnown && compare(sum, fromInt(100)) !== 0) {
    issues.push({
      code: 'WEIGHTS_NOT_100',
      message: `各考核项权重之和为 ${toDecimalText(sum)}，应恰好为 100，请调整权重。`,
    });
  }
  return issues;
}

function toDecimalText(r: Rational): string {
  return r.d === 1n ? r.n.toString() : (Number(r.n) / Number(r.d)).toString();
}

/** Throws the first issue of validateComponents as an AppError (code = issue code). */
export function assertValidComponents(components: readonly Component[]): void {
  const issues = validateComponents(components);
  const first = issues[0];
  if (first !== undefined) throw new AppError(first.code, first.message, { issues });
}

/**
 * The weighted total of one candidate. Raw scores must be hundredths within 0..max of their component
 * (use parseScore to get them); a raw score for a key that is not a component is an error, because it
 * means the score sheet and the preset disagree.
 */
export function computeTotal(components: readonly Component[], raw: RawScores): TotalResult {
  assertValidComponents(components);
  const keys = new Set(components.map((c) => c.key));
  for (const k of Object.keys(raw)) {
    if (!keys.has(k) && raw[k] !== undefined) {
      throw new AppError('SCORE_UNKNOWN_COMPONENT', `成绩中含有未定义的考核项「${k}」，请检查评分方案与成绩表是否一致。`, {
        key: k,
      });
    }
  }
  const absent: string[] = [];
  const missing: string[] = [];
  let total = ZERO;
  for (const c of components) {
    const v = raw[c.key];
    if (v === 'absent') {
      absent.push(c.key);
      continue;
    }
    if (v === undefined) {
      missing.push(c.key);
      continue;
    }
    const max = fromDecimal(c.max);
    if (!isHundredths(v) || v < 0 || compare(fromInt(v), mul(max, fromInt(100))) > 0) {
      throw new AppError(
        'SCORE_OUT_OF_RANGE',
        `考核项「${c.name}」的成绩「${String(v)}」无效：应为 0 到 ${c.max} 之间、最多两位小数的分数。`,
        { key: c.key, value: v },
      );
    }
    // weight x (v / 100) / max, in points
    total = add(total, div(mul(fromDecimal(c.weight), fromInt(v)), mul(max, fromInt(100))));
  }
  if (absent.length > 0) return { status: 'absent', absent };
  if (missing.length > 0) return { status: 'incomplete', missing };
  const h = roundToHundredths(total);
  return { status: 'ok', total: h, display: formatHundredths(h), exact: toFractionString(total) };
}
