// Frozen once shipped. One index for the applicants' ID numbers instead of two.
import { sql, type Kysely } from 'kysely';

/**
 * Migration 0013 kept two indexes on (cohort_year, id_number): a partial unique one over live rows (a purged
 * row's ID number is '', and several purged rows of one year must not collide) and a plain one, because the
 * partial index only serves queries that name `purged_at`. Every applicant written updated both, a tenth of
 * the database's work when a roster is imported.
 *
 * One unique index serves both now: its third column is '' for a live row and the row's own id for a purged
 * one, so live rows still allow one person per year, purged rows never collide, and every look-up by year and
 * ID number (equality, prefix, sort) seeks its first two columns as it sought the plain index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX applicants_id_number`.execute(db);
  await sql`DROP INDEX applicants_cohort_id`.execute(db);
  await sql`CREATE UNIQUE INDEX applicants_cohort_id
    ON applicants (cohort_year, id_number, (CASE WHEN purged_at IS NULL THEN '' ELSE id END))`.execute(db);
}
