/**
 * The examination results admission (issue 5) reads: one entry per applicant of the cohort, raw component
 * scores in hundredths, and the weighted total rounded half-up to hundredths once every component is in.
 */
import { computeTotal } from '../scoring';
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
  const { components } = await loadComponents(tx, cohortYear);
  const applicants = await tx.selectFrom('applicants').select('id').where('cohort_year', '=', cohortYear).execute();
  const scores = await tx
    .selectFrom('component_scores')
    .select(['applicant_id', 'component', 'value', 'absent'])
    .where('cohort_year', '=', cohortYear)
    .execute();
  const byApplicant = new Map<string, Record<string, number | 'absent'>>();
  for (const s of scores) {
    let m = byApplicant.get(s.applicant_id);
    if (m === undefined) byApplicant.set(s.applicant_id, (m = {}));
    m[s.component] = s.absent ? 'absent' : (s.value ?? 0);
  }
  const keys = new Set(components.map((c) => c.key));
  const out = new Map<string, CandidateResult>();
  for (const a of applicants) {
    const raw = byApplicant.get(a.id) ?? {};
    const comps: Record<string, number | 'absent' | null> = {};
    const known: Record<string, number | 'absent'> = {};
    for (const c of components) {
      const v = raw[c.key];
      comps[c.key] = v ?? null;
      // A stored score above a since-lowered maximum is not silently clipped: it makes the result incomplete.
      if (v !== undefined && (v === 'absent' || v <= Math.round(c.max * 100))) known[c.key] = v;
    }
    for (const k of Object.keys(raw)) if (!keys.has(k)) comps[k] = raw[k] ?? null;
    const t = computeTotal(components, known);
    out.set(a.id, {
      applicantId: a.id,
      components: comps,
      total: t.status === 'ok' ? t.total : null,
      status: t.status === 'ok' ? 'complete' : t.status,
    });
  }
  return out;
}
