/**
 * Recruitment statistics per specialty: 计划, 报名 (first choice), 现场确认通过, 参加考核 (at least one score,
 * never absent), 拟录取 (every round), 调剂 (admitted by adjustment), 报到.
 */
import type { StatsRow, StatsView } from '../../shared/contract/admission';
import { requireBase } from '../base/base';
import type { Tx } from '../context';
import type { AdmissionDeps } from './deps';
import { loadSpecialtyNames } from './inputs';
import { loadApplicants } from './people';

type Counts = Omit<StatsRow, 'specialtyCode' | 'specialtyName'>;
const zero = (): Counts => ({ plan: 0, applied: 0, confirmed: 0, examined: 0, admitted: 0, adjusted: 0, reported: 0 });

export async function admissionStats(tx: Tx, deps: AdmissionDeps): Promise<StatsView> {
  const base = await requireBase(tx);
  const year = base.cohort_year;
  const names = await loadSpecialtyNames(tx);
  const by = new Map<string, Counts>();
  const row = (code: string) => {
    let c = by.get(code);
    if (c === undefined) by.set(code, (c = zero()));
    return c;
  };
  let pool = 0;
  const plan = await tx.selectFrom('plan_rows').select(['specialty_code', 'quota']).where('cohort_year', '=', year).execute();
  for (const p of plan) {
    if (p.specialty_code === null) pool += p.quota;
    else row(p.specialty_code).plan += p.quota;
  }
  const applicants = await loadApplicants(tx, year);
  const results = await deps.loadResults(tx, year);
  for (const a of applicants.values()) {
    const first = a.choices.find((c) => c !== '');
    if (first === undefined) continue;
    const c = row(first);
    c.applied += 1;
    if (a.confirmationStatus !== 'confirmed') continue;
    c.confirmed += 1;
    const r = results.get(a.id);
    if (r !== undefined && r.status !== 'absent' && Object.values(r.components).some((v) => typeof v === 'number'))
      c.examined += 1;
  }
  const admitted = await tx
    .selectFrom('admissions')
    .leftJoin('trainee_followups', 'trainee_followups.applicant_id', 'admissions.applicant_id')
    .select(['admissions.specialty_code', 'admissions.round', 'trainee_followups.reported_on'])
    .where('admissions.cohort_year', '=', year)
    .execute();
  for (const a of admitted) {
    const c = row(a.specialty_code);
    c.admitted += 1;
    if (a.round === 'adjustment') c.adjusted += 1;
    if (a.reported_on) c.reported += 1;
  }
  const rows: StatsRow[] = [...by.entries()]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([code, c]) => ({ specialtyCode: code, specialtyName: names.get(code) ?? code, ...c }));
  if (pool > 0) rows.push({ specialtyCode: null, specialtyName: '其他（待分配）', ...zero(), plan: pool });
  const total = zero();
  for (const r of rows) for (const k of Object.keys(total) as Array<keyof Counts>) total[k] += r[k];
  return { cohortYear: year, rows, total };
}
