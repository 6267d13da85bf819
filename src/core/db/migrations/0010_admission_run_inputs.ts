import type { Kysely } from 'kysely';

/**
 * What each allocation run read: one fingerprint per input group (plan, confirmations, applicants and
 * choices, scores, tie decisions, other decisions), so a later read can say whether the run is out of date
 * and why. Runs stored before this column have none: nothing is known about them, so none is claimed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('admission_runs').addColumn('inputs_json', 'text').execute();
}
