/**
 * 拟录取学员汇总表 with the Jilin 附件4 columns, as XLSX and as a printable page. Full ID numbers and phones
 * appear only here and only for roles allowed to reveal; every export is audited.
 */
import { loadExcelJS } from '../tabular/xlsx';
import type { ExportFile, HtmlPage } from '../../shared/contract/admission';
import { maskIdNumber, maskPhone } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import { currentPreset, requireBase } from '../base/base';
import type { Actor, Core } from '../context';
import { escapeHtml, printablePage } from './html';
import { parseStored, requireRun, viewContext } from './service';
import { admittedRows } from './views';
import { neutraliseFormula } from '../tabular/cell-safety';

/**
 * The province's 附件4 columns in its order, then 录取专业: a base admitting to several specialties needs it
 * on the same sheet, and appending it leaves the province's own columns where its reviewers expect them.
 */
export const SUMMARY_COLUMNS = [
  '序号',
  '姓名',
  '性别',
  '身份证号',
  '手机号',
  '最高学历',
  '人员属性',
  '工作单位',
  '录取专业',
] as const;

type SummaryData = { title: string; year: number; baseName: string; rows: string[][] };

async function summaryData(core: Core, reveal: boolean): Promise<SummaryData> {
  const tx = core.db;
  const base = await requireBase(tx);
  const preset = await currentPreset(tx);
  const run = await requireRun(tx, base.cohort_year);
  const ctx = await viewContext(tx, base.cohort_year, true);
  const categoryName = new Map(preset.categories.map((c) => [c.code, c.name]));
  const rows = admittedRows(ctx, parseStored(run)).map((r, i) => {
    const a = ctx.applicants.get(r.applicantId);
    const category = a?.category ?? null;
    const phone = a?.phone ?? '';
    return [
      String(i + 1),
      r.name,
      r.sex ?? '',
      reveal ? r.idNumber : maskIdNumber(r.idNumber),
      reveal ? phone : phone === '' ? '' : maskPhone(phone),
      a?.highestEducation ?? '',
      category === null ? '' : (categoryName.get(category) ?? category),
      // 工作单位（单位人填写）: only applicants employed by a unit have one.
      a?.employer ?? '',
      r.specialtyName,
    ];
  });
  return { title: `${base.name} ${base.cohort_year} 年拟录取学员汇总表`, year: base.cohort_year, baseName: base.name, rows };
}

async function audit(core: Core, actor: Actor, kind: string, revealed: boolean, rows: number): Promise<void> {
  await core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    await appendEvent(tx, core, actor.username, {
      action: 'admission.export',
      entity: 'admission',
      entityId: String(base.cohort_year),
      after: { kind, revealed, rows },
    });
  });
}

export async function summaryXlsx(core: Core, actor: Actor, reveal: boolean): Promise<ExportFile> {
  const data = await summaryData(core, reveal);
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'BaseDesk';
  const ws = wb.addWorksheet('拟录取学员汇总表', { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.mergeCells(1, 1, 1, SUMMARY_COLUMNS.length);
  ws.getCell(1, 1).value = data.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow([...SUMMARY_COLUMNS]).font = { bold: true };
  for (const r of data.rows) ws.addRow([Number(r[0]), ...r.slice(1).map(neutraliseFormula)]);
  // ID numbers and phones are text: as numbers Excel would show 1.10105E+17 and lose digits.
  ws.getColumn(4).numFmt = '@';
  ws.getColumn(5).numFmt = '@';
  [6, 10, 6, 22, 14, 10, 10, 30, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  await audit(core, actor, 'summary-xlsx', reveal, data.rows.length);
  return {
    fileName: summaryFileName(data, 'xlsx'),
    contentBase64: buf.toString('base64'),
    revealed: reveal,
    rows: data.rows.length,
  };
}

export async function summaryHtml(core: Core, actor: Actor, reveal: boolean): Promise<HtmlPage> {
  const data = await summaryData(core, reveal);
  const body = `<table>
<thead><tr>${SUMMARY_COLUMNS.map((c) => `<th>${c === '工作单位' ? '工作单位（单位人填写）' : c}</th>`).join('')}</tr></thead>
<tbody>
${data.rows.map((r) => `<tr>${r.map((v, i) => `<td${i === 3 || i === 4 ? ' class="mono"' : ''}>${escapeHtml(v)}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
  await audit(core, actor, 'summary-html', reveal, data.rows.length);
  return { fileName: summaryFileName(data, 'html'), html: printablePage(data.title, body), revealed: reveal };
}

/** 拟录取学员汇总表-2024-吉林大学第一医院.xlsx: the file says what, which year and whose, wherever it is saved. */
function summaryFileName(data: SummaryData, ext: string): string {
  return `拟录取学员汇总表-${data.year}-${data.baseName.replace(/[\\/:*?"<>|]/g, '_')}.${ext}`;
}
