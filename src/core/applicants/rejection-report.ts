/** The import's problem report: messages masked for the screen, and the XLSX rejection list. */
import { loadExcelJS } from '../tabular/xlsx';
import type { RowProblem } from '../../shared/contract/applicants';
import { maskInText } from './privacy';

export function maskProblems(problems: RowProblem[]): RowProblem[] {
  return problems.map((p) => ({ ...p, message: maskInText(p.message) }));
}

export async function rejectionReportXlsx(
  sourceFileName: string,
  rejected: RowProblem[],
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('导入问题');
  ws.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '字段', key: 'field', width: 18 },
    { header: '代码', key: 'code', width: 20 },
    { header: '说明', key: 'message', width: 100 },
  ];
  for (const p of rejected) ws.addRow({ row: p.row, field: p.field, code: p.code, message: maskInText(p.message) });
  ws.getRow(1).font = { bold: true };
  const buf = await wb.xlsx.writeBuffer();
  const stem = sourceFileName.replace(/\.[^.]+$/, '');
  return { fileName: `${stem}-导入问题清单.xlsx`, bytes: new Uint8Array(buf as ArrayBuffer) };
}
