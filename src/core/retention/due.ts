/**
 * What the retention schedule makes due today: per recruitment year, the non-admitted applicants whose
 * personal data is still held, and the delivered packages whose file is still in the outbox. Reads only.
 *
 * Never due: anyone in the admitted list, anyone who became a trainee (linked, or with the same ID number in
 * the trainee registry), and everyone in a year whose admission is not final.
 */
import type { RetentionPackage, RetentionPreview, RetentionYear } from '../../shared/contract/retention';
import { activePublication, latestRun } from '../admission/service';
import { runStaleness } from '../admission/staleness';
import { requireBase } from '../base/base';
import type { Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { dayOf, packageDueFrom, yearSchedule, type YearFacts } from './rules';
import { retentionSettings } from './settings';

/** Applicant ids of a year still holding personal data that are neither admitted nor trainees. */
export function nonAdmittedIds(tx: Tx, cohortYear: number) {
  return tx
    .selectFrom('applicants as a')
    .select('a.id')
    .where('a.cohort_year', '=', cohortYear)
    .where('a.purged_at', 'is', null)
    .where(({ not, exists, selectFrom, or }) =>
      not(
        or([
          exists(selectFrom('admissions').select('admissions.applicant_id').whereRef('admissions.applicant_id', '=', 'a.id')),
          exists(selectFrom('trainee_followups as f').select('f.applicant_id').whereRef('f.applicant_id', '=', 'a.id')),
          exists(selectFrom('trainees as t').select('t.id').whereRef('t.applicant_id', '=', 'a.id')),
          exists(selectFrom('trainees as t').select('t.id').whereRef('t.id_number', '=', 'a.id_number')),
        ]),
      ),
    );
}

async function publicationFacts(tx: Tx, cohortYear: number): Promise<YearFacts['publication']> {
  const pub = await activePublication(tx, cohortYear);
  if (pub === null) return null;
  const run = await latestRun(tx, cohortYear);
  const current = run !== null && run.id === pub.runId && !(await runStaleness(tx, run)).stale;
  return { endDate: pub.endDate, current };
}

async function yearCounts(tx: Tx, cohortYear: number) {
  const all = await tx
    .selectFrom('applicants')
    .select(({ fn }) => [fn.countAll<number>().as('total'), fn.count<number>('purged_at').as('purged')])
    .where('cohort_year', '=', cohortYear)
    .executeTakeFirstOrThrow();
  const open = await tx
    .selectFrom(nonAdmittedIds(tx, cohortYear).as('x'))
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const files = await tx
    .selectFrom('applicant_attachments')
    .select(({ fn }) => fn.count<number>('sha256').distinct().as('n'))
    .where('applicant_id', 'in', nonAdmittedIds(tx, cohortYear))
    .executeTakeFirstOrThrow();
  return { total: Number(all.total), purged: Number(all.purged), open: Number(open.n), files: Number(files.n) };
}

async function yearRow(tx: Tx, facts: YearFacts, months: number): Promise<RetentionYear> {
  const s = yearSchedule(facts, months);
  const c = await yearCounts(tx, facts.cohortYear);
  const cleared = s.due && c.open === 0 && c.purged > 0;
  return {
    cohortYear: facts.cohortYear,
    ...s,
    note: cleared ? `${s.note}，均已清理` : s.note,
    nonAdmitted: c.open,
    dueApplicants: s.due ? c.open : 0,
    dueFiles: s.due ? c.files : 0,
    kept: c.total - c.purged - c.open,
    purged: c.purged,
  };
}

async function deliveredPackages(tx: Tx, days: number, today: string): Promise<RetentionPackage[]> {
  const rows = await tx
    .selectFrom('outbox')
    .select(['uuid', 'kind', 'cohort_year', 'sequence', 'file_name', 'bytes', 'delivered_at'])
    .where('state', '=', 'delivered')
    .where('delivered_at', 'is not', null)
    .where('file_purged_at', 'is', null)
    .orderBy('delivered_at')
    .execute();
  return rows.map((r) => {
    const dueFrom = packageDueFrom(r.delivered_at!, days);
    return {
      uuid: r.uuid,
      kind: r.kind,
      cohortYear: r.cohort_year,
      sequence: r.sequence,
      fileName: r.file_name,
      bytes: r.bytes,
      deliveredAt: r.delivered_at!,
      dueFrom,
      due: dueFrom <= today,
    };
  });
}

export async function retentionPreview(core: Core, tx: Tx = core.db): Promise<RetentionPreview> {
  const base = await requireBase(tx);
  const settings = await retentionSettings(tx);
  const today = dayOf(isoNow(core.clock));
  const cohorts = await tx.selectFrom('applicants').select('cohort_year').distinct().orderBy('cohort_year').execute();
  const years: RetentionYear[] = [];
  for (const { cohort_year: cohortYear } of cohorts) {
    const facts: YearFacts = {
      cohortYear,
      baseCohortYear: base.cohort_year,
      today,
      publication: await publicationFacts(tx, cohortYear),
    };
    years.push(await yearRow(tx, facts, settings.applicantMonths));
  }
  const packages = await deliveredPackages(tx, settings.packageDays, today);
  const due = packages.filter((p) => p.due);
  return {
    today,
    settings,
    years,
    packages,
    totals: {
      applicants: years.reduce((n, y) => n + y.dueApplicants, 0),
      files: years.reduce((n, y) => n + y.dueFiles, 0),
      packages: due.length,
      packageBytes: due.reduce((n, p) => n + p.bytes, 0),
    },
  };
}
