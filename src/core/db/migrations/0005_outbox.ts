// Frozen once shipped. Signed submission packages: the base's signing keys, trusted keys of others, the
// outbox with its state history, tus resume information, and the packages this base accepted.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Public halves in clear (shown without unlocking); retired keys stay to verify old packages.
  await db.schema
    .createTable('signing_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey()) // hex, 8 bytes as minisign stores them
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull()) // base64, 32 bytes
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('active', 'retired')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema
    .createIndex('signing_keys_one_active')
    .on('signing_keys')
    .column('status')
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
  // The secret half, sealed by a KeyProtector (passphrase envelope, Electron safeStorage...). One seal per scheme.
  await db.schema
    .createTable('signing_key_seals')
    .addColumn('key_id', 'text', (c) => c.notNull().references('signing_keys.key_id'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('signing_key_seals_pk', ['key_id', 'scheme'])
    .execute();
  // Keys of other stations / bases whose packages we accept.
  await db.schema
    .createTable('trusted_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('outbox_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('package_sequences')
    .addColumn('base_code', 'text', (c) => c.primaryKey())
    .addColumn('last_sequence', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('outbox')
    .addColumn('uuid', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('base_code', 'text', (c) => c.notNull())
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('schema_version', 'integer', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('bagging_date', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('encrypted', 'integer', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('sha512', 'text', (c) => c.notNull())
    .addColumn('bag_sha512', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('payload_files', 'integer', (c) => c.notNull())
    .addColumn('payload_bytes', 'integer', (c) => c.notNull())
    .addColumn('record_counts_json', 'text', (c) => c.notNull())
    .addColumn('key_fingerprint', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state IN ('queued', 'uploading', 'delivered', 'failed', 'rejected')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_message', 'text')
    .addColumn('receipt_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_state').on('outbox').column('state').execute();
  await db.schema
    .createTable('outbox_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('uuid', 'text', (c) => c.notNull().references('outbox.uuid'))
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('error_code', 'text')
    .execute();
  await db.schema.createIndex('outbox_history_uuid').on('outbox_history').columns(['uuid', 'id']).execute();
  // tus-js-client's urlStorage (ResumeStore): survives an app restart so uploads continue by offset.
  await db.schema
    .createTable('outbox_resume')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Packages received and accepted here: the same uuid with other bytes is a replay (PKG_REPLAY_DIFFERENT).
  await db.schema
    .createTable('accepted_packages')
    .addColumn('uuid', 'text', (c) => c.primaryKey())
    .addColumn('sha512', 'text', (c) => c.notNull())
    .addColumn('bag_sha512', 'text', (c) => c.notNull())
    .addColumn('base_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('key_fingerprint', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addColumn('accepted_by', 'text', (c) => c.notNull())
    .execute();
}
