import type { Kysely } from 'kysely';

/**
 * The paper 报名表 (Jilin 助理全科, seed 002 附件3) fields the roster has no column for, one row per applicant
 * entered by hand. Education and clinical-work rows stay in applicants.extra_json, where the detail already
 * reads and edits them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applicant_paper_forms')
    .addColumn('applicant_id', 'text', (c) => c.primaryKey().references('applicants.id').onDelete('cascade'))
    .addColumn('political_status', 'text') // 政治面貌
    .addColumn('hukou', 'text') // 户口所在地
    .addColumn('marital_status', 'text') // 婚姻状况
    .addColumn('health_status', 'text') // 健康状况
    .addColumn('landline', 'text') // 固定电话
    .addColumn('address', 'text') // 通讯地址
    .addColumn('postal_code', 'text') // 邮政编码
    .addColumn('foreign_language', 'text') // 外语能力（语种）
    .addColumn('foreign_language_level', 'text') // 四级 / 六级 / 其他
    .addColumn('foreign_language_other', 'text') // 其他： what the form's blank says
    // Where the record came from ('纸质报名表'), who typed it in and when.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .execute();
}
