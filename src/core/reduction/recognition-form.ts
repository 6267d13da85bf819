/**
 * 《北京市住院医师规范化培训临床实践经历认定表》 (seed 003 三（五）："市卫生健康委复核后，培训基地导出…认定表并保存"):
 * the base's copy, one line per 临床实践经历 with the review and the recognised length, as XLSX and as a printable
 * page. The notice does not print the form, so the layout is the base's own and marked 示例 (editable by
 * whoever has the official form). ID numbers are masked: the form is kept on file, not sent anywhere.
 */
import { EXPERIENCE_KIND_LABELS, type ReductionFile, type ReductionRow } from '../../shared/contract/reduction';
import { formatDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { Actor, Core, Tx, WriteTx } from '../context';
import { appendEvent } from '../audit/events';
import { neutraliseFormula } from '../tabular/cell-safety';
import { loadExcelJS } from '../tabular/xlsx';
import { cohortContext } from './applicants';
import { listReductions, oneRow } from './records';
import { experienceRowsRequired } from './rules';

export const FORM_TITLE = '北京市住院医师规范化培训临床实践经历认定表';
const SAMPLE_NOTE = '示例版式：招收通知未附此表样式，本表按通知要求的内容整理，可按市卫生健康委下发的表样调整。';
const HEADER = [
  '序号',
  '姓名',
  '身份证号',
  '培训专业',
  '经历类型',
  '培训医院',
  '专业（科室）',
  '起始日期',
  '截止日期',
  '国家认可的住培基地',
  '证明材料',
  '基地审核',
  '审核意见',
  '认定培训年限',
  '本人书面意见',
];

const REVIEW = { pending: '待审核', accepted: '予以认可', rejected: '不予认可' } as const;
const yesNo = (v: boolean | null) => (v === null ? '未核实' : v ? '是' : '否');

function lines(rows: ReductionRow[]): string[][] {
  let n = 0;
  return rows.flatMap((r) =>
    r.experiences.map((e) => [
      String(++n),
      r.name,
      r.idNumber,
      r.specialtyName ?? '',
      EXPERIENCE_KIND_LABELS[e.kind],
      e.hospital,
      e.specialty,
      formatDate(e.from),
      formatDate(e.to),
      yesNo(e.recognisedBase),
      e.proof === null ? '未上传' : '已上传',
      REVIEW[e.review],
      e.reviewReason ?? '',
      r.outcome === null ? '待认定' : `${r.outcome.years} 年（减免 ${r.outcome.monthsGranted} 个月）`,
      r.agreement === null ? '未签署' : `${formatDate(r.agreement.signedOn)} 签署`,
    ]),
  );
}

async function formRows(tx: Tx, applicant: string | undefined): Promise<{ rows: ReductionRow[]; year: number }> {
  const ctx = await cohortContext(tx);
  if (!experienceRowsRequired(ctx.province)) {
    throw new AppError(
      'REDUCTION_FORM_NOT_APPLICABLE',
      `${FORM_TITLE}是北京市的表格，本基地所在省份（${ctx.province}）的通知没有这张表。`,
    );
  }
  const rows = applicant === undefined ? (await listReductions(tx)).rows : [await oneRow(tx, ctx, applicant)];
  const withRows = rows.filter((r) => r.experiences.length > 0);
  if (withRows.length === 0) throw new AppError('REDUCTION_FORM_EMPTY', '还没有登记任何临床实践经历，认定表没有内容。');
  return { rows: withRows, year: ctx.cohortYear };
}

async function audit(tx: WriteTx, core: Core, actor: Actor, form: string, rows: ReductionRow[]) {
  await appendEvent(tx, core, actor.username, {
    action: 'reduction.form-export',
    entity: 'reduction',
    entityId: form,
    after: { form, applicants: rows.length, experiences: rows.reduce((s, r) => s + r.experiences.length, 0) },
  });
}

export async function recognitionXlsx(core: Core, actor: Actor, applicant: string | undefined): Promise<ReductionFile> {
  return core.db.transaction().execute(async (tx) => {
    const { rows, year } = await formRows(tx, applicant);
    const wb = new (await loadExcelJS()).Workbook();
    const ws = wb.addWorksheet('认定表');
    ws.addRow([`${year}年${FORM_TITLE}`]).font = { bold: true, size: 14 };
    ws.addRow([SAMPLE_NOTE]);
    ws.addRow(HEADER).font = { bold: true };
    for (const l of lines(rows)) ws.addRow(l.map((c) => neutraliseFormula(c)));
    ws.addRow([]);
    ws.addRow(['培训基地（盖章）：', '', '', '', '', '', '', '日期：']);
    ws.columns.forEach((c, i) => (c.width = [6, 10, 22, 14, 20, 22, 14, 14, 14, 10, 10, 10, 24, 18, 16][i] ?? 12));
    await audit(tx, core, actor, 'xlsx', rows);
    const buf = await wb.xlsx.writeBuffer();
    const who = applicant === undefined ? '' : `-${rows[0]!.name}`;
    return { fileName: `${year}年${FORM_TITLE}${who}.xlsx`, contentBase64: Buffer.from(buf as ArrayBuffer).toString('base64') };
  });
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS =
  '@page{size:A4 landscape;margin:12mm}body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:16px;font-size:12px}' +
  'h1{font-size:18px;text-align:center}table{border-collapse:collapse;width:100%}th,td{border:1px solid #333;padding:4px 6px;text-align:center}' +
  '.note{color:#555;margin:6px 0}.sign{margin-top:28px;display:flex;gap:64px}';

export async function recognitionHtml(
  core: Core,
  actor: Actor,
  applicant: string | undefined,
): Promise<{ title: string; html: string }> {
  return core.db.transaction().execute(async (tx) => {
    const { rows, year } = await formRows(tx, applicant);
    const body = lines(rows)
      .map((l) => `<tr>${l.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
      .join('');
    await audit(tx, core, actor, 'print', rows);
    const title = `${year}年${FORM_TITLE}`;
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head><body>
<h1>${esc(title)}</h1><p class="note">${esc(SAMPLE_NOTE)}</p>
<table><thead><tr>${HEADER.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>
<div class="sign"><span>培训基地（盖章）：</span><span>审核人签字：__________</span><span>日期：__________</span></div></body></html>`;
    return { title, html };
  });
}
