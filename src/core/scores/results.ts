/**
 * The examination results admission (issue 5) reads: one entry per applicant of the cohort, raw component
 * scores in hundredths, and the weighted total rounded half-up to hundredths once every component is in.
 */
import { computeTotal, type Component } from '../scoring';
import { sql } from 'kysely';
import type { Tx } from '../context';
import { loadComponents } from './components';

export type CandidateResult = {
  applicantId: string;
  /** Raw hundredths per component key; 'absent' = 缺考; null = no score yet. */
  components: Record<string, number | 'absent' | null>;
  /** Hundredths, rounded half-up; null unless every component has a score. */
  total: number | null;
  status: 'complete' | 'absent' | 'incomplete';
};

export async function loadResults(tx: Tx, cohortYear: number): Promise<Map<string, CandidateResult>> {
  const { rows, components } = await loadScoreRows(tx, cohortYear);
  return toResults(rows, components);
}

export type ScoreRow = {
  id: string;
  name: string;
  id_number: string;
  category: string | null;
  choices_json: string;
  /** per component, in component order: hundredths, 'absent', or undefined (no score) */
  values: Array<number | 'absent' | undefined>;
  /** scores stored for keys that are no longer components (shown, never counted) */
  extra: Record<string, number | 'absent'>;
};

/**
 * One row per applicant with its component scores as columns: 20,000 rows for 20,000 candidates instead
 * of one row per score.
 */
export async function loadScoreRows(tx: Tx, cohortYear: number): Promise<{ rows: ScoreRow[]; components: Component[] }> {
  const { components } = await loadComponents(tx, cohortYear);
  // One indexed lookup per applicant and component (primary key applicant_id, component); -1 marks 缺考.
  const cols = components.map(
    (c, i) =>
      sql`(SELECT CASE WHEN s.absent = 1 THEN -1 ELSE s.value END FROM component_scores s WHERE s.applicant_id = a.id AND s.component = ${c.key}) AS ${sql.raw(`v${i}`)}`,
  );
  const keys = components.map((c) => c.key);
  const result = await sql<Record<string, unknown>>`
    SELECT a.id, a.name, a.id_number, a.category, a.choices_json, ${sql.join(cols)}
    FROM applicants a
    WHERE a.cohort_year = ${cohortYear}`.execute(tx);
  const rows: ScoreRow[] = result.rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    id_number: r.id_number as string,
    category: (r.category as string | null) ?? null,
    choices_json: r.choices_json as string,
    values: components.map((_c, i) => {
      const v = r[`v${i}`] as number | null;
      return v === null ? undefined : v === -1 ? ('absent' as const) : v;
    }),
    extra: {},
  }));
  const extra = await tx
    .selectFrom('component_scores')
    .select(['applicant_id', 'component', 'value', 'absent'])
    .where('cohort_year', '=', cohortYear)
    .where('component', 'not in', keys)
    .execute();
  if (extra.length > 0) {
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const e of extra) {
      const row = byId.get(e.applicant_id);
      if (row) row.extra[e.component] = e.absent ? 'absent' : (e.value ?? 0);
    }
  }
  return { rows, components };
}

export function toResults(rows: readonly ScoreRow[], components: readonly Component[]): Map<string, CandidateResult> {
  const total = totalFunction(components);
  const maxH = components.map((c) => Math.round(c.max * 100));
  const out = new Map<string, CandidateResult>();
  for (const r of rows) {
    const comps: Record<string, number | 'absent' | null> = {};
    let status: CandidateResult['status'] = 'complete';
    for (let i = 0; i < components.length; i++) {
      const v = r.values[i];
      comps[components[i]!.key] = v ?? null;
      if (v === 'absent') status = 'absent';
      // A stored score above a since-lowered maximum is not silently clipped: it counts as missing.
      else if ((v === undefined || v > maxH[i]!) && status !== 'absent') status = 'incomplete';
    }
    for (const [k, v] of Object.entries(r.extra)) comps[k] = v;
    out.set(r.id, {
      applicantId: r.id,
      components: comps,
      total: status === 'complete' ? total(r.values as number[]) : null,
      status,
    });
  }
  return out;
}

/**
 * total (hundredths) = Σ weight × raw / max, rounded half-up: the same figure as scoring's computeTotal.
 * With weights and maxima of at most two decimals it is Σ W·v / M over integers (W, M in hundredths), so
 * when every intermediate fits in a double's exact integer range we sum over the common denominator with
 * plain integers (20,000 candidates in a few ms); otherwise we use computeTotal's BigInt rationals.
 */
export function totalFunction(components: readonly Component[]): (values: readonly number[]) => number {
  const W = components.map((c) => Math.round(c.weight * 100));
  const M = components.map((c) => Math.round(c.max * 100));
  const twoDecimals = components.every((c, i) => Math.abs(W[i]! - c.weight * 100) < 1e-9 && Math.abs(M[i]! - c.max * 100) < 1e-9);
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const L = M.reduce((l, m) => (l / gcd(l, m)) * m, 1);
  const factor = W.map((w, i) => w * (L / M[i]!));
  const bound = factor.reduce((s, f, i) => s + f * M[i]!, 0) * 2 + L;
  if (!twoDecimals || !Number.isSafeInteger(bound) || !Number.isSafeInteger(2 * L)) {
    return (values) => {
      const raw: Record<string, number> = {};
      components.forEach((c, i) => (raw[c.key] = values[i]!));
      const t = computeTotal(components, raw);
      if (t.status !== 'ok') throw new Error('totalFunction: incomplete values');
      return t.total;
    };
  }
  return (values) => {
    let n = 0;
    for (let i = 0; i < factor.length; i++) n += factor[i]! * values[i]!;
    const x = 2 * n + L;
    return (x - (x % (2 * L))) / (2 * L);
  };
}
