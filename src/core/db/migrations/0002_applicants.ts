// Frozen once shipped. Applicants and their on-site confirmation (现场确认).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applicants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('id_type', 'text', (c) => c.notNull().defaultTo('居民身份证'))
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sex', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('highest_education', 'text')
    .addColumn('highest_degree', 'text')
    .addColumn('school', 'text')
    .addColumn('major', 'text')
    .addColumn('graduation_date', 'text')
    .addColumn('full_time', 'integer') // highest education full-time (1/0), null = unknown
    .addColumn('category', 'text') // preset category code (单位人 / 社会人 / 委托培训 ...)
    .addColumn('employer', 'text')
    .addColumn('rural_oriented', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('qualification_cert_no', 'text')
    .addColumn('practising_cert_no', 'text')
    .addColumn('choices_json', 'text', (c) => c.notNull().defaultTo('[]')) // specialty codes, choice 1..n
    .addColumn('accepts_adjustment', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reduction_years', 'integer', (c) => c.notNull().defaultTo(0)) // requested: 0, 1 or 2
    .addColumn('photo_sha256', 'text')
    .addColumn('extra_json', 'text', (c) => c.notNull().defaultTo('{}')) // education/work rows, other form fields
    .addColumn('confirmation_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`confirmation_status IN ('pending', 'confirmed', 'returned', 'rejected')`),
    )
    .addColumn('source_file', 'text')
    .addColumn('source_row', 'integer')
    .addColumn('content_hash', 'text', (c) => c.notNull().defaultTo('')) // of the imported fields: re-import detects "unchanged"
    .addColumn('checklist_json', 'text') // null until the desk records the documents: {itemKey: state}
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX applicants_cohort_id ON applicants (cohort_year, id_number)`.execute(db);
  await db.schema.createIndex('applicants_status').on('applicants').columns(['cohort_year', 'confirmation_status']).execute();
  // Type-ahead search at the desk: prefix ranges (col >= q AND col < q || U+FFFF) on these stay index seeks.
  await db.schema.createIndex('applicants_name').on('applicants').columns(['cohort_year', 'name']).execute();
  await db.schema.createIndex('applicants_initials').on('applicants').columns(['cohort_year', 'name_initials']).execute();
  await db.schema.createIndex('applicants_phone').on('applicants').columns(['cohort_year', 'phone']).execute();
  await db.schema.createIndex('applicants_decided').on('applicants').columns(['cohort_year', 'decided_at']).execute();

  // Scans are stored content-addressed under <dataDir>/attachments/<sha256>; this table only points at them.
  await db.schema
    .createTable('applicant_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('applicants.id'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('applicant_attachments_applicant').on('applicant_attachments').column('applicant_id').execute();
}
