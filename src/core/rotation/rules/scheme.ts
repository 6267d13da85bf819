import type { Scheme, SchemeRow } from './types';
import { hasExactSubset, minWeightExactSubset } from './subsets';

/**
 * Checks on a rotation scheme (轮转方案) before anyone is planned on it. The length rules are the provincial
 * platform's: 1 year = 12 months, 2 years = 24 (12 + 12), 3 years ≥ 33 (12 + 12 + at least 9); the unit is
 * 0.5 month; 协同单位 at most 6 months (基层 sites of 全科 do not count). How many distinct 协同单位 are used
 * depends on the departments chosen, so that limit is checked on plans (`checkPlans`), not here.
 */

export type SchemeProblemCode =
  | 'SCHEME_EMPTY'
  | 'SCHEME_HALF_MONTH'
  | 'SCHEME_MONTHS_TOTAL'
  | 'SCHEME_YEAR3_SHORT'
  | 'SCHEME_STAGE_OVER'
  | 'SCHEME_DUPLICATE_ROW'
  | 'SCHEME_ELECTIVE_UNKNOWN_GROUP'
  | 'SCHEME_ELECTIVE_UNSATISFIABLE'
  | 'SCHEME_PARTNER_LIMIT';

export type SchemeProblem = {
  code: SchemeProblemCode;
  /** Index into `scheme.rows`, when one row is at fault. */
  row: number | null;
  group: string | null;
  message: string;
};

export const MAX_PARTNER_MONTHS = 6;
export const MAX_PARTNER_SITES = 3;

const isHalfStep = (months: number): boolean => months > 0 && Number.isInteger(months * 2);

/** Total months a trainee on this scheme serves: required rows plus each elective group's months. */
export function schemeMonths(scheme: Scheme): number {
  const required = scheme.rows.filter((r) => r.kind === 'required').reduce((a, r) => a + r.months, 0);
  return required + scheme.electiveGroups.reduce((a, g) => a + g.months, 0);
}

export function validateScheme(scheme: Scheme): SchemeProblem[] {
  if (scheme.rows.length === 0) {
    return [{ code: 'SCHEME_EMPTY', row: null, group: null, message: '轮转方案没有任何科室' }];
  }
  return [
    ...halfMonthProblems(scheme),
    ...duplicateProblems(scheme),
    ...lengthProblems(scheme),
    ...stageProblems(scheme),
    ...electiveProblems(scheme),
    ...partnerProblems(scheme),
  ];
}

function rowName(row: SchemeRow, i: number): string {
  return `第${i + 1}行「${row.standardDepartment}」`;
}

function halfMonthProblems(scheme: Scheme): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  scheme.rows.forEach((row, i) => {
    if (!isHalfStep(row.months)) {
      out.push({
        code: 'SCHEME_HALF_MONTH',
        row: i,
        group: null,
        message: `${rowName(row, i)}的 ${row.months} 个月不是0.5个月的正整数倍`,
      });
    }
  });
  for (const g of scheme.electiveGroups) {
    if (!isHalfStep(g.months)) {
      out.push({
        code: 'SCHEME_HALF_MONTH',
        row: null,
        group: g.name,
        message: `选轮组「${g.name}」的 ${g.months} 个月不是0.5个月的正整数倍`,
      });
    }
  }
  return out;
}

function duplicateProblems(scheme: Scheme): SchemeProblem[] {
  const seen = new Map<string, number>();
  const out: SchemeProblem[] = [];
  scheme.rows.forEach((row, i) => {
    const first = seen.get(row.standardDepartment);
    if (first === undefined) {
      seen.set(row.standardDepartment, i);
      return;
    }
    out.push({
      code: 'SCHEME_DUPLICATE_ROW',
      row: i,
      group: null,
      message: `${rowName(row, i)}与第${first + 1}行是同一标准科室，请合并为一行`,
    });
  });
  return out;
}

function lengthProblems(scheme: Scheme): SchemeProblem[] {
  const total = schemeMonths(scheme);
  const problem = (code: SchemeProblemCode, message: string): SchemeProblem[] => [{ code, row: null, group: null, message }];
  if (scheme.years === 3) {
    if (total < 33)
      return problem(
        'SCHEME_YEAR3_SHORT',
        `3年方案共 ${total} 个月，第3年只有 ${total - 24} 个月，至少应为9个月（合计至少33个月）`,
      );
    if (total > 36) return problem('SCHEME_MONTHS_TOTAL', `3年方案共 ${total} 个月，超过36个月`);
    return [];
  }
  const expected = scheme.years * 12;
  return total === expected
    ? []
    : problem('SCHEME_MONTHS_TOTAL', `${scheme.years}年方案应为 ${expected} 个月，现为 ${total} 个月`);
}

/** Months available in training year k: 12, except a 3-year scheme's third year holds what is left after 24. */
function yearLength(scheme: Scheme, k: number): number {
  if (k < scheme.years) return 12;
  return scheme.years === 3 ? Math.min(12, schemeMonths(scheme) - 24) : 12;
}

function stageProblems(scheme: Scheme): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  for (const k of [1, 2, 3] as const) {
    const rows = scheme.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.stage === k);
    if (rows.length === 0) continue;
    if (k > scheme.years) {
      for (const { r, i } of rows) {
        out.push({
          code: 'SCHEME_STAGE_OVER',
          row: i,
          group: null,
          message: `${rowName(r, i)}排在第${k}年，但方案只有${scheme.years}年`,
        });
      }
      continue;
    }
    const required = rows.filter(({ r }) => r.kind === 'required').reduce((a, { r }) => a + r.months, 0);
    const room = yearLength(scheme, k);
    if (required > room) {
      out.push({
        code: 'SCHEME_STAGE_OVER',
        row: rows[0]!.i,
        group: null,
        message: `第${k}年必轮科室共 ${required} 个月（${rows.map(({ r }) => r.standardDepartment).join('、')}），第${k}年只有 ${room} 个月`,
      });
    }
  }
  return out;
}

function electiveProblems(scheme: Scheme): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  const groups = new Set(scheme.electiveGroups.map((g) => g.name));
  scheme.rows.forEach((row, i) => {
    if (row.kind === 'elective' && (row.electiveGroup === null || !groups.has(row.electiveGroup))) {
      out.push({
        code: 'SCHEME_ELECTIVE_UNKNOWN_GROUP',
        row: i,
        group: row.electiveGroup,
        message: `${rowName(row, i)}是选轮科室，但选轮组「${row.electiveGroup ?? '（空）'}」不存在`,
      });
    }
  });
  for (const g of scheme.electiveGroups) {
    const rows = scheme.rows.filter((r) => r.kind === 'elective' && r.electiveGroup === g.name);
    const sizes = rows.map((r) => Math.round(r.months * 2));
    if (!hasExactSubset(sizes, Math.round(g.months * 2))) {
      out.push({
        code: 'SCHEME_ELECTIVE_UNSATISFIABLE',
        row: null,
        group: g.name,
        message: `选轮组「${g.name}」要求 ${g.months} 个月，但组内科室（${rows.map((r) => `${r.standardDepartment} ${r.months}个月`).join('、') || '无'}）任意组合都凑不出这个数`,
      });
    }
  }
  return out;
}

/** The fewest 协同 months any choice of electives leads to must stay within the limit. */
function partnerProblems(scheme: Scheme): SchemeProblem[] {
  const required = scheme.rows.filter((r) => r.kind === 'required' && r.siteType === 'partner');
  let months = required.reduce((a, r) => a + r.months, 0);
  for (const g of scheme.electiveGroups) {
    const rows = scheme.rows.filter((r) => r.kind === 'elective' && r.electiveGroup === g.name);
    const forced = minWeightExactSubset(
      rows.map((r) => Math.round(r.months * 2)),
      rows.map((r) => (r.siteType === 'partner' ? r.months : 0)),
      Math.round(g.months * 2),
    );
    if (Number.isFinite(forced)) months += forced;
  }
  if (months <= MAX_PARTNER_MONTHS) return [];
  return [
    {
      code: 'SCHEME_PARTNER_LIMIT',
      row: scheme.rows.findIndex((r) => r.siteType === 'partner'),
      group: null,
      message: `方案在协同单位轮转至少 ${months} 个月（${scheme.rows
        .filter((r) => r.siteType === 'partner')
        .map((r) => r.standardDepartment)
        .join('、')}），协同单位合计不得超过 ${MAX_PARTNER_MONTHS} 个月`,
    },
  ];
}
