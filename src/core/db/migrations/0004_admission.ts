// Frozen once shipped. Admission (择优录取): decisions, runs, the admitted list, publication, training years,
// report-in and contract tracking.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Every human decision the allocation re-runs with (tie, decline, 调剂, over-quota approval). Revoked rows
  // stay for the record; only active ones feed the next run.
  await db.schema
    .createTable('admission_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('tie', 'decline', 'adjustment', 'over_quota')`))
    .addColumn('applicant_id', 'text') // decline / adjustment / over_quota
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoke_reason', 'text')
    .execute();
  await db.schema.createIndex('admission_decisions_cohort').on('admission_decisions').columns(['cohort_year', 'kind']).execute();

  // Beijing 二次补报 choices (a second application window over the seats still open).
  await db.schema
    .createTable('admission_second_choices')
    .addColumn('applicant_id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('choices_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One row per allocation run: the full explained result, so any earlier run can be shown and diffed.
  await db.schema
    .createTable('admission_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('run_no', 'integer', (c) => c.notNull())
    .addColumn('round_limit', 'integer')
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('changes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX admission_runs_no ON admission_runs (cohort_year, run_no)`.execute(db);

  // The current admitted list (the latest run's admissions), one row per admitted applicant.
  await db.schema
    .createTable('admissions')
    .addColumn('applicant_id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('specialty_code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('round', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull()) // hundredths
    .addColumn('over_quota', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text')
    .addColumn('explanation', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admissions_cohort').on('admissions').columns(['cohort_year', 'specialty_code']).execute();

  // 拟录取名单公示: the run published and its window (inclusive dates).
  await db.schema
    .createTable('admission_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('superseded_by_run', 'text')
    .execute();

  // Training length and the follow-up of each admitted applicant (减免, 报到, 合同).
  await db.schema
    .createTable('trainee_followups')
    .addColumn('applicant_id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('reduction_requested', 'integer', (c) => c.notNull().defaultTo(0)) // 0, 1 or 2
    .addColumn('reduction_documents_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reduction_note', 'text')
    .addColumn('base_decision', 'text', (c) => c.check(sql`base_decision IN ('approved', 'rejected')`))
    .addColumn('base_years', 'integer') // reduction granted by the base
    .addColumn('base_reason', 'text')
    .addColumn('base_decided_by', 'text')
    .addColumn('base_decided_at', 'text')
    .addColumn('province_outcome', 'text', (c) => c.check(sql`province_outcome IN ('approved', 'rejected')`))
    .addColumn('province_note', 'text')
    .addColumn('province_recorded_at', 'text')
    .addColumn('reported_on', 'text') // YYYY-MM-DD
    .addColumn('contract_signed_on', 'text') // YYYY-MM-DD
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
