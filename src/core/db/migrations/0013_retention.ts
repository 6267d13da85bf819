import { sql, type Kysely } from 'kysely';

/**
 * Retention (保存期限): how long non-admitted applicants' personal data and delivered packages are kept, and
 * the marks a purge leaves.
 *
 * No source gives the periods, so the row starts with example values flagged `example = 1` until an admin or
 * coordinator saves their own. A purged applicant keeps a tombstone row (its random id, the year, the
 * category, choices and 现场确认 outcome the admission fingerprint reads) with `purged_at` set; its ID number
 * becomes '' so the one-person-per-year index only covers live rows. A delivered package keeps its outbox
 * row (uuid, sha512, receipt) with `file_purged_at` once its file is deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retention_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('applicant_months', 'integer', (c) => c.notNull())
    .addColumn('package_days', 'integer', (c) => c.notNull())
    .addColumn('example', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text')
    .addColumn('updated_by', 'text')
    .execute();
  await sql`INSERT INTO retention_settings (id, applicant_months, package_days, example) VALUES (1, 6, 90, 1)`.execute(db);

  await db.schema.alterTable('applicants').addColumn('purged_at', 'text').execute();
  await sql`DROP INDEX applicants_cohort_id`.execute(db);
  await sql`CREATE UNIQUE INDEX applicants_cohort_id ON applicants (cohort_year, id_number) WHERE purged_at IS NULL`.execute(db);
  // The partial index serves only queries that name purged_at; desk search and import look-ups by ID number
  // need a plain one to stay index seeks.
  await db.schema.createIndex('applicants_id_number').on('applicants').columns(['cohort_year', 'id_number']).execute();

  await db.schema.alterTable('outbox').addColumn('file_purged_at', 'text').execute();
}
