// Frozen once shipped. Rotation (轮转): the base's departments and the standard departments they teach,
// rotation schemes (轮转方案), and each trainee's plan (轮转计划) with its blocks, leave and 出科考核.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    // null = 本院; otherwise the 协同单位 / 基层实践基地 the department belongs to.
    .addColumn('site', 'text')
    .addColumn('site_type', 'text', (c) =>
      c
        .notNull()
        .defaultTo('base')
        .check(sql`site_type IN ('base', 'partner', 'primary')`),
    )
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Many-to-many: a base department may teach several standard departments and the reverse.
  await db.schema
    .createTable('department_standards')
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id').onDelete('cascade'))
    .addColumn('standard_department', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('department_standards_pk', ['department_id', 'standard_department'])
    .execute();

  await db.schema
    .createTable('rotation_schemes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program', 'text', (c) => c.notNull().check(sql`program IN ('residency', 'agp')`))
    .addColumn('specialty_code', 'text', (c) => c.notNull())
    .addColumn('years', 'integer', (c) => c.notNull().check(sql`years IN (1, 2, 3)`))
    // 1 = a shipped example, not a verified national table: every screen and export says 示例.
    .addColumn('example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX rotation_schemes_key ON rotation_schemes (program, specialty_code, years)`.execute(db);

  await db.schema
    .createTable('rotation_scheme_rows')
    .addColumn('scheme_id', 'text', (c) => c.notNull().references('rotation_schemes.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('standard_department', 'text', (c) => c.notNull())
    .addColumn('months', 'real', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('required', 'elective')`))
    .addColumn('elective_group', 'text')
    .addColumn('group_months', 'real')
    .addColumn('stage', 'integer', (c) => c.check(sql`stage IN (1, 2, 3)`))
    .addColumn('site_type', 'text', (c) =>
      c
        .notNull()
        .defaultTo('base')
        .check(sql`site_type IN ('base', 'partner', 'primary')`),
    )
    .addColumn('splittable', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('rotation_scheme_rows_pk', ['scheme_id', 'seq'])
    .execute();

  await db.schema
    .createTable('rotation_plans')
    .addColumn('trainee_id', 'text', (c) => c.primaryKey().references('trainees.id'))
    .addColumn('scheme_id', 'text', (c) => c.references('rotation_schemes.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status IN ('draft', 'base_approved', 'submitted', 'province_confirmed', 'in_progress')`),
    )
    .addColumn('planned_at', 'text', (c) => c.notNull())
    .addColumn('planned_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('started_at', 'text')
    // Set when the plan changes after the base approved it; the reason travels with the next package.
    .addColumn('changed_after_approval', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('change_reason', 'text')
    // The plan's last day when it was approved (or first planned): later leave or 补轮 is measured against it.
    .addColumn('planned_end', 'text')
    // Set when leave or a retake pushes the end past the cutoff (the expected completion date).
    .addColumn('end_flag', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rotation_blocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('standard_department', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull()) // inclusive
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('exit_exam_date', 'text')
    .addColumn('exit_exam_result', 'text', (c) => c.check(sql`exit_exam_result IN ('pass', 'fail')`))
    .addColumn('retake_of', 'text', (c) => c.references('rotation_blocks.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rotation_blocks_trainee').on('rotation_blocks').columns(['trainee_id', 'start_date']).execute();
  await db.schema
    .createIndex('rotation_blocks_department')
    .on('rotation_blocks')
    .columns(['department_id', 'start_date'])
    .execute();

  await db.schema
    .createTable('rotation_leave')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull()) // inclusive
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rotation_leave_trainee').on('rotation_leave').columns(['trainee_id', 'from_date']).execute();
}
