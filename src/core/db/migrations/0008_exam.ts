// Frozen once shipped. Completion-exam registration (结业考核报名): the year's calendar as edited at this base,
// candidates with their review history and recorded checks, online registration per subject, results per
// subject and year, and 合格证书.
import { sql, type Kysely } from 'kysely';

const SUBJECT = sql`subject IN ('theory', 'skills')`;

export async function up(db: Kysely<any>): Promise<void> {
  // A year's calendar edited at this base; without a row the province preset applies.
  await db.schema
    .createTable('exam_calendars')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('calendar_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exam_candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
    .addColumn('retake', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`retake IN (0, 1)`),
    )
    .addColumn('subjects_json', 'text', (c) => c.notNull()) // ["theory","skills"]
    .addColumn('training_end', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source IN ('proposed', 'manual')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('proposed')
        .check(sql`status IN ('proposed', 'approved', 'returned', 'rejected', 'withdrawn')`),
    )
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX exam_candidates_year_trainee ON exam_candidates (year, trainee_id)`.execute(db);

  // Checks a person recorded at the desk (the handbook, or an override of a computed one), with evidence.
  await db.schema
    .createTable('exam_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('exam_candidates.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull().check(sql`passed IN (0, 1)`))
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exam_checks_candidate').on('exam_checks').columns(['candidate_id', 'at']).execute();

  // Every decision with the checks as they stood when it was taken.
  await db.schema
    .createTable('exam_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('exam_candidates.id'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision IN ('approved', 'returned', 'rejected')`))
    .addColumn('reason', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checks_json', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exam_reviews_candidate').on('exam_reviews').columns(['candidate_id', 'at']).execute();

  // The desk checklist: which papers were received, by whom, when.
  await db.schema
    .createTable('exam_materials')
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('exam_candidates.id'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull().check(sql`received IN (0, 1)`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exam_materials_pk', ['candidate_id', 'item_key'])
    .execute();

  await db.schema
    .createTable('exam_registrations')
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('exam_candidates.id'))
    .addColumn('subject', 'text', (c) => c.notNull().check(SUBJECT))
    .addColumn('provincial', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('national', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('identical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status_seen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exam_registrations_pk', ['candidate_id', 'subject'])
    .execute();

  await db.schema
    .createTable('exam_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().check(SUBJECT))
    .addColumn('passed', 'integer', (c) => c.notNull().check(sql`passed IN (0, 1)`))
    .addColumn('score', 'text') // theory: the standard score as published
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX exam_results_key ON exam_results (trainee_id, year, subject)`.execute(db);

  await db.schema
    .createTable('exam_certificates')
    .addColumn('trainee_id', 'text', (c) => c.primaryKey().references('trainees.id'))
    .addColumn('cert_no', 'text', (c) => c.notNull().unique())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}
