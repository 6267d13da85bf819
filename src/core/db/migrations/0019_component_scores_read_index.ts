// Frozen once shipped. The index that reading a cohort's scores seeks, holding everything that read needs.
import { sql, type Kysely } from 'kysely';

/**
 * Reading the score table (ranking, results) looks up every applicant's score per component by
 * (applicant_id, component). Through the primary key that is two seeks each, the key's index and then the
 * row; this index also holds the columns the read takes (value, absent, cohort_year), so one seek answers
 * it: about a third less time for the lookups of 20,000 applicants (measured side by side). The read names it
 * (INDEXED BY), as SQLite prefers the unique primary key for an equality on both key columns.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX component_scores_read
    ON component_scores (applicant_id, component, value, absent, cohort_year)`.execute(db);
}
