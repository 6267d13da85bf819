// Frozen once shipped. The trainee registry (在培学员): admitted applicants who reported in, and trainees of
// earlier cohorts imported from the provincial platform; status changes and 变更专业/基地 kept as history.
import { sql, type Kysely } from 'kysely';

const STATUSES = sql`('active', 'suspended', 'extended', 'withdrawn', 'completed')`;
const EXAM = sql`('pass', 'fail', 'none')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('trainees')
    .addColumn('id', 'text', (c) => c.primaryKey()) // uuid v7
    .addColumn('id_type', 'text', (c) => c.notNull().defaultTo('居民身份证'))
    .addColumn('id_number', 'text', (c) => c.notNull().unique()) // one person, one training record at this base
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sex', 'text')
    .addColumn('phone', 'text')
    .addColumn('program', 'text', (c) => c.notNull().check(sql`program IN ('residency', 'agp')`))
    .addColumn('specialty_code', 'text', (c) => c.notNull().references('specialties.code'))
    .addColumn('cohort_year', 'integer', (c) => c.notNull()) // 年级
    .addColumn('start_date', 'text', (c) => c.notNull()) // YYYY-MM-DD
    .addColumn('years', 'integer', (c) => c.notNull().check(sql`years BETWEEN 1 AND 3`)) // 培训年限
    .addColumn('person_type', 'text') // 人员类型: the preset's category code, or the platform's own words
    .addColumn('employer', 'text') // 工作单位
    .addColumn('partner_site', 'text') // 协同单位
    .addColumn('merged_postgraduate', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`merged_postgraduate IN (0, 1)`),
    )
    .addColumn('qualification_cert_no', 'text')
    .addColumn('practising_cert_no', 'text')
    .addColumn('qualification_exam', 'text', (c) =>
      c
        .notNull()
        .defaultTo('none')
        .check(sql`qualification_exam IN ${EXAM}`),
    )
    .addColumn('theory_stage_exam', 'text', (c) =>
      c
        .notNull()
        .defaultTo('none')
        .check(sql`theory_stage_exam IN ${EXAM}`),
    )
    .addColumn('process_assessment', 'text', (c) => c.check(sql`process_assessment IN ('pass', 'fail')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status IN ${STATUSES}`),
    )
    .addColumn('applicant_id', 'text', (c) => c.references('applicants.id'))
    // [{standardDepartment, months}]: what a reduced-year trainee must make up ("缺什么、补什么"); null = all.
    .addColumn('must_serve_json', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source IN ('enrolment', 'import')`))
    .addColumn('content_hash', 'text', (c) => c.notNull().defaultTo('')) // of the imported fields
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Enrolment is idempotent per applicant: the second run finds the first one's row.
  await sql`CREATE UNIQUE INDEX trainees_applicant ON trainees (applicant_id) WHERE applicant_id IS NOT NULL`.execute(db);
  await db.schema.createIndex('trainees_cohort').on('trainees').columns(['cohort_year', 'specialty_code']).execute();
  await db.schema.createIndex('trainees_status').on('trainees').columns(['status', 'cohort_year']).execute();
  await db.schema.createIndex('trainees_name').on('trainees').column('name').execute();
  await db.schema.createIndex('trainees_initials').on('trainees').column('name_initials').execute();

  await db.schema
    .createTable('trainee_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
    .addColumn('from_status', 'text', (c) => c.notNull().check(sql`from_status IN ${STATUSES}`))
    .addColumn('to_status', 'text', (c) => c.notNull().check(sql`to_status IN ${STATUSES}`))
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('trainee_status_changes_trainee')
    .on('trainee_status_changes')
    .columns(['trainee_id', 'at'])
    .execute();

  await db.schema
    .createTable('trainee_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('specialty', 'base')`))
    .addColumn('before', 'text') // specialty code or base name; null when unknown
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trainee_transfers_trainee').on('trainee_transfers').columns(['trainee_id', 'at']).execute();
}
