// Frozen once shipped. Examinations: components per cohort, component scores, interview sessions with
// append-only marks (facts keyed by station + uuid, projected from the event log), sign-offs, station keys.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exam_components')
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('max', 'real', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exam_components_pk', ['cohort_year', 'key'])
    .execute();

  // The current raw score of one component for one applicant (hundredths), or 缺考. History is in events.
  await db.schema
    .createTable('component_scores')
    .addColumn('applicant_id', 'text', (c) => c.notNull())
    .addColumn('component', 'text', (c) => c.notNull())
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('value', 'integer')
    .addColumn('absent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('component_scores_pk', ['applicant_id', 'component'])
    .execute();
  await db.schema.createIndex('component_scores_cohort').on('component_scores').column('cohort_year').execute();

  await db.schema
    .createTable('interview_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('aggregation', 'text', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('component', 'text', (c) => c.notNull().defaultTo('interview'))
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('local')) // 'local' | 'station' (a laptop's copy)
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('interview_panel')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('is_head', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('interview_panel_pk', ['session_id', 'username'])
    .execute();
  await db.schema
    .createTable('interview_candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('applicant_id', 'text') // null on an interviewer's laptop: candidates are masked there
    .addColumn('draw_no', 'integer', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX interview_candidates_draw ON interview_candidates (session_id, draw_no)`.execute(db);

  // Append-only facts: one interviewer's score for one item of one candidate. A later mark lists the marks it
  // replaces; two current marks with different values are a conflict, never silently resolved.
  await db.schema
    .createTable('interview_marks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('interviewer', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('value', 'integer')
    .addColumn('unable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supersedes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reason', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interview_marks_cand').on('interview_marks').columns(['session_id', 'candidate_id']).execute();
  await db.schema
    .createTable('interview_absences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('interview_signoffs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // 'signoff' | 'reopen'
    .addColumn('score', 'integer')
    .addColumn('absent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('reason', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interview_signoffs_cand')
    .on('interview_signoffs')
    .columns(['session_id', 'candidate_id'])
    .execute();

  // Coordinator side: the station key registered for one interviewer of one session.
  await db.schema
    .createTable('station_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey()) // hex
    .addColumn('public_key', 'text', (c) => c.notNull()) // minisign base64 line
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Laptop side: what this installation was prepared for, with its signing key.
  await db.schema
    .createTable('station_assignments')
    .addColumn('session_id', 'text', (c) => c.primaryKey())
    .addColumn('interviewer', 'text', (c) => c.notNull())
    .addColumn('key_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('station_imports')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('head_seq', 'integer', (c) => c.notNull())
    .addColumn('events_added', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ranking_overrides')
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('applicant_id', 'text', (c) => c.notNull())
    .addColumn('manual_order', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ranking_overrides_pk', ['cohort_year', 'group_key', 'applicant_id'])
    .execute();
}
