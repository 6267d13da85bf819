import type { Kysely } from 'kysely';

/**
 * Facts the provinces' eligibility rules need that the applicant record did not carry, each null when the
 * roster has no column for it (unknown, never "no"), and `supplied_json`: which record fields a roster or
 * a clerk actually supplied, so an empty value can be told apart from a column the file never had.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // 全日制在校研究生 (Beijing: not a 自主培训 applicant), 1/0, null = unknown.
  await db.schema.alterTable('applicants').addColumn('enrolled_student', 'integer').execute();
  // 违约的免费定向医学生 (Jilin: not admitted to 住培), 1/0, null = unknown.
  await db.schema.alterTable('applicants').addColumn('rural_breach', 'integer').execute();
  // 定向就业县（市、区）, recorded for rural order-oriented students (Jilin).
  await db.schema.alterTable('applicants').addColumn('rural_county', 'text').execute();
  // 毕业专业类别 as the roster writes it (临床 / 口腔 / 中医 ...).
  await db.schema.alterTable('applicants').addColumn('discipline', 'text').execute();
  // JSON array of record field names; null for rows stored before this was kept.
  await db.schema.alterTable('applicants').addColumn('supplied_json', 'text').execute();
}
