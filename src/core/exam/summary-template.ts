/**
 * The 结业考核报名汇总表 columns as this base edits them: the notice gives no columns, so the shipped default is
 * the 结业考核资格审核名册's (resources/exam-calendars/summary-template.json), and the base adds, removes,
 * reorders and renames columns to match the year's form. Stored once per base; reset returns to the default.
 * Every change is audited with its reason.
 */
import template from '../../../resources/exam-calendars/summary-template.json';
import { z } from 'zod';
import { SummaryColumnSchema, type SummaryColumn, type SummaryTemplateView } from '../../shared/contract/exam';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { parseJsonAs } from '../util/json';

/** What each column can show, as the editor names it. The cell values are computed in summary.ts. */
export const SUMMARY_FIELD_LABELS: Record<string, string> = {
  seq: '序号',
  baseName: '培训基地',
  employer: '工作单位',
  name: '姓名',
  sex: '性别',
  idType: '证件类型',
  idNumber: '证件号码',
  specialty: '培训专业',
  trainingPeriod: '培训起止时间',
  education: '学历',
  graduation: '毕业学校/时间/专业',
  diplomaNo: '毕业证书编号（留空，手填）',
  qualificationMaterial: '报考资格材料',
  qualificationCode: '执业资格材料编码',
  practiceScope: '执业范围（留空，手填）',
  rotationComplete: '是否完成轮转培训计划',
  years: '培养年限',
  rotationMonths: '轮转总时长',
  subjects: '报考科目',
  note: '备注',
  blank: '空白列（手填）',
};

export const DEFAULT_SUMMARY_COLUMNS: readonly SummaryColumn[] = template.columns;

function columnProblems(columns: readonly SummaryColumn[]): string[] {
  const out: string[] = [];
  if (columns.length === 0) out.push('至少保留一列');
  columns.forEach((c, i) => {
    if (!(c.field in SUMMARY_FIELD_LABELS)) out.push(`第 ${i + 1} 列的内容“${c.field}”不是可选的内容`);
    if (c.header.trim() === '') out.push(`第 ${i + 1} 列没有列名`);
  });
  return out;
}

const columnList = z.array(SummaryColumnSchema);

async function storedRow(tx: Tx) {
  return tx.selectFrom('exam_summary_template').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function summaryColumns(tx: Tx): Promise<SummaryColumn[]> {
  const row = await storedRow(tx);
  return row ? parseJsonAs(columnList, row.columns_json, 'exam_summary_template.columns_json') : [...DEFAULT_SUMMARY_COLUMNS];
}

export async function summaryTemplateView(tx: Tx): Promise<SummaryTemplateView> {
  const row = await storedRow(tx);
  return {
    columns: await summaryColumns(tx),
    defaultColumns: [...DEFAULT_SUMMARY_COLUMNS],
    fields: Object.entries(SUMMARY_FIELD_LABELS).map(([field, label]) => ({ field, label })),
    edited: row !== undefined,
    updatedBy: row?.updated_by ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function setSummaryTemplate(
  core: Core,
  actor: Actor,
  columns: SummaryColumn[],
  reason: string,
): Promise<SummaryTemplateView> {
  const problems = columnProblems(columns);
  if (problems.length > 0) {
    throw new AppError('EXAM_SUMMARY_TEMPLATE_INVALID', `汇总表列设置有误，未保存：${problems.join('；')}。`, { problems });
  }
  return core.db.transaction().execute(async (tx) => {
    const before = await summaryColumns(tx);
    const values = { columns_json: JSON.stringify(columns), reason, updated_by: actor.username, updated_at: isoNow(core.clock) };
    await tx
      .insertInto('exam_summary_template')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'exam.summary-template',
      entity: 'exam_summary_template',
      entityId: 'base',
      before,
      after: columns,
      reason,
    });
    return summaryTemplateView(tx);
  });
}

export async function resetSummaryTemplate(core: Core, actor: Actor, reason: string): Promise<SummaryTemplateView> {
  return core.db.transaction().execute(async (tx) => {
    const before = await summaryColumns(tx);
    await tx.deleteFrom('exam_summary_template').where('id', '=', 1).execute();
    await appendEvent(tx, core, actor.username, {
      action: 'exam.summary-template-reset',
      entity: 'exam_summary_template',
      entityId: 'base',
      before,
      after: DEFAULT_SUMMARY_COLUMNS,
      reason,
    });
    return summaryTemplateView(tx);
  });
}
