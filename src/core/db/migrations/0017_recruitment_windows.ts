// Frozen once shipped. Recruitment windows per cohort year as the base put them into effect, and the
// 结业考核报名汇总表 template as edited at this base.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A cohort year's windows confirmed, copied or edited at this base; without a row the preset is only shown.
  await db.schema
    .createTable('recruitment_windows')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('windows_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One row at most: the 汇总表 columns edited at this base; without it the shipped default applies.
  await db.schema
    .createTable('exam_summary_template')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('columns_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
