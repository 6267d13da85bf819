import { sql, type Kysely } from 'kysely';

/**
 * The confirmation desk: how a checklist was recorded when the clerk asserted it rather than marking each
 * item, an eligibility-rule override with its reason, and a look-up of the last 4 digits of the ID and phone
 * numbers (what applicants read out at a desk).
 *
 * The tail look-up stores a short keyed hash of the 4 digits, never the digits themselves: a copy of the
 * clear tail would be one more place the number sits in the file. The key is random per installation (in
 * `meta`); the hashes are filled by the core on first use, and a trigger clears them whenever the ID or
 * phone number is written, so an edited number is re-hashed rather than found under its old tail.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // JSON {by, at, keys}: the required items the clerk declared checked as originals (CLI --checklist complete).
  await db.schema.alterTable('applicants').addColumn('checklist_attested_json', 'text').execute();
  // JSON {reason, by, at, rules: [{ruleId, title}]}: failing eligibility rules the clerk overrode at 确认通过.
  await db.schema.alterTable('applicants').addColumn('rules_override_json', 'text').execute();
  await db.schema.alterTable('applicants').addColumn('id_tail_key', 'text').execute();
  await db.schema.alterTable('applicants').addColumn('phone_tail_key', 'text').execute();
  await db.schema.createIndex('applicants_id_tail').on('applicants').columns(['cohort_year', 'id_tail_key']).execute();
  await db.schema.createIndex('applicants_phone_tail').on('applicants').columns(['cohort_year', 'phone_tail_key']).execute();
  await sql`CREATE TRIGGER applicants_tail_keys_stale AFTER UPDATE OF id_number, phone ON applicants
    BEGIN
      UPDATE applicants SET id_tail_key = NULL, phone_tail_key = NULL WHERE id = NEW.id;
    END`.execute(db);
  await sql`INSERT OR IGNORE INTO meta (key, value) VALUES ('search_tail_key', lower(hex(randomblob(32))))`.execute(db);
}
