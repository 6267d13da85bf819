import type { Kysely } from 'kysely';

/**
 * Training-year reduction (年限减免) and the results sent back to the provincial platform.
 *
 * - `reduction_records`: one per applicant: the facts the eligibility rules read (from the 申请表), the
 *   outcome the province decided as the base records it from the 审批表 (months granted and the training
 *   still to complete), and the applicant's signed agreement (Beijing's 书面意见).
 * - `reduction_experiences`: Beijing's 临床实践经历 rows, each with its proof scan (content-addressed under
 *   attachments/) and the base's review.
 * - `platform_results`: the 考核结果 (合格/不合格) a coordinator sets per person when no source gives a pass rule.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reduction_records')
    .addColumn('applicant_id', 'text', (c) => c.primaryKey().references('applicants.id'))
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('facts_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('months_granted', 'integer') // null until the 审批表 outcome is recorded
    .addColumn('makeup_json', 'text', (c) => c.notNull().defaultTo('[]')) // [{department, months}]
    .addColumn('decided_on', 'text') // the date on the 审批表
    .addColumn('decision_note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text')
    .addColumn('agreement_signed_on', 'text')
    .addColumn('agreement_recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('reduction_experiences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('applicants.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // professional-graduate | academic-graduate | other-province | other
    .addColumn('hospital', 'text', (c) => c.notNull())
    .addColumn('specialty', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('recognised_base', 'integer') // 1/0, null = unknown: 国家认可的住培基地
    .addColumn('proof_sha256', 'text')
    .addColumn('proof_file_name', 'text')
    .addColumn('proof_mime', 'text')
    .addColumn('review', 'text', (c) => c.notNull().defaultTo('pending')) // pending | accepted | rejected
    .addColumn('review_reason', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reduction_experiences_applicant').on('reduction_experiences').column('applicant_id').execute();
  await db.schema
    .createTable('platform_results')
    .addColumn('applicant_id', 'text', (c) => c.primaryKey().references('applicants.id'))
    .addColumn('cohort_year', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull()) // 合格 | 不合格
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
}
