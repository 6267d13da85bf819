import { sql, type Kysely } from 'kysely';

/**
 * Sequence numbers per base *and kind*, as the package format says (0005 counted per base only, so the
 * province saw gaps in every kind). Seeded from the packages already built, so each kind continues above
 * its own highest number and never repeats one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('package_kind_sequences')
    .addColumn('base_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('last_sequence', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('package_kind_sequences_pk', ['base_code', 'kind'])
    .execute();
  await sql`INSERT INTO package_kind_sequences (base_code, kind, last_sequence)
    SELECT base_code, kind, max(sequence) FROM outbox GROUP BY base_code, kind`.execute(db);
}
