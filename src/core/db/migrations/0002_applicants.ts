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
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX applicants_cohort_id ON applicants (cohort_year, id_number)`.execute(db);
  await db.schema.createIndex('applicants_status').on('applicants').columns(['cohort_year', 'confirmation_status']).execute();
}
