/** The desk dashboard: counts by outcome, per day and per first-choice specialty. */
import type { Dashboard } from '../../shared/contract/applicants';
import { requireBase } from '../base/base';
import { loadCatalogue } from '../catalogue/catalogue';
import type { Tx } from '../context';

export async function dashboard(tx: Tx): Promise<Dashboard> {
  const base = await requireBase(tx);
  const catalogue = await loadCatalogue(tx);
  const year = base.cohort_year;
  const byStatus = await tx
    .selectFrom('applicants')
    .select(['confirmation_status as s', (eb) => eb.fn.countAll().as('n')])
    .where('cohort_year', '=', year)
    .groupBy('confirmation_status')
    .execute();
  const byOutcome = { pending: 0, confirmed: 0, returned: 0, rejected: 0 };
  for (const r of byStatus) byOutcome[r.s] = Number(r.n);
  const days = await tx
    .selectFrom('applicants')
    .select([
      (eb) => eb.fn('date', ['decided_at', eb.val('localtime')]).as('d'),
      'confirmation_status as s',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .where('cohort_year', '=', year)
    .where('decided_at', 'is not', null)
    .groupBy(['d', 'confirmation_status'])
    .execute();
  const perDay = new Map<string, Dashboard['perDay'][number]>();
  for (const r of days) {
    const d = String(r.d);
    const row = perDay.get(d) ?? { date: d, confirmed: 0, returned: 0, rejected: 0 };
    if (r.s !== 'pending') row[r.s] += Number(r.n);
    perDay.set(d, row);
  }
  // Per specialty by first choice: that is where the applicant competes first.
  const spec = await tx
    .selectFrom('applicants')
    .select([
      (eb) => eb.fn('json_extract', ['choices_json', eb.val('$[0]')]).as('c'),
      'confirmation_status as s',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .where('cohort_year', '=', year)
    .groupBy(['c', 'confirmation_status'])
    .execute();
  const perSpecialty = new Map<string, Dashboard['perSpecialty'][number]>();
  for (const r of spec) {
    const code = r.c === null ? '' : String(r.c);
    const row = perSpecialty.get(code) ?? {
      code,
      name: catalogue.byCode.get(code)?.name ?? (code || '（未填志愿）'),
      total: 0,
      confirmed: 0,
      returned: 0,
      rejected: 0,
      pending: 0,
    };
    row[r.s] += Number(r.n);
    row.total += Number(r.n);
    perSpecialty.set(code, row);
  }
  const total = Object.values(byOutcome).reduce((s, n) => s + n, 0);
  return {
    total,
    waiting: byOutcome.pending,
    byOutcome,
    perDay: [...perDay.values()].sort((a, b) => a.date.localeCompare(b.date)),
    perSpecialty: [...perSpecialty.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}
