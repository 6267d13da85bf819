/** The import's problem report: messages masked for the screen, and the XLSX rejection list. */
import { loadExcelJS } from '../tabular/xlsx';
import type { ApplicantFieldKey, RowProblem } from '../../shared/contract/applicants';
import { maskIdNumber } from '../../shared/mask';
import { normalizeText, type Sheet } from '../tabular';
import { maskInText } from './privacy';

export function maskProblems(problems: RowProblem[]): RowProblem[] {
  return problems.map((p) => ({ ...p, message: maskInText(p.message) }));
}

/**
 * Names each problem's person (name and masked ID number, as the file has them, even when invalid), so the
 * downloaded list can be worked through without the original file open beside it. The full number never
 * leaves the core.
 */
export function attachPeople(
  outcomes: ReadonlyArray<{ row: number; problems: RowProblem[] }>,
  sheet: Sheet,
  columns: Map<ApplicantFieldKey, number>,
): void {
  const text = (row: number, k: ApplicantFieldKey): string => {
    const i = columns.get(k);
    return i === undefined ? '' : normalizeText(sheet.rows[row - 1]?.[i]?.text ?? '');
  };
  for (const o of outcomes) {
    if (o.problems.length === 0) continue;
    const name = text(o.row, 'name');
    const id = text(o.row, 'idNumber').replace(/\s+/g, '');
    for (const p of o.problems) {
      if (name) p.name = name;
      if (id) p.idNumber = maskIdNumber(id);
    }
  }
}

export async function rejectionReportXlsx(
  sourceFileName: string,
  rejected: RowProblem[],
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('导入问题');
  ws.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '证件号码（已脱敏）', key: 'idNumber', width: 22 },
    { header: '字段', key: 'field', width: 18 },
    { header: '代码', key: 'code', width: 20 },
    { header: '说明', key: 'message', width: 100 },
  ];
  for (const p of rejected) {
    ws.addRow({
      row: p.row,
      name: p.name ?? '',
      // Masked again (idempotent): the list comes back from the screen, and a full number must not reach the file.
      idNumber: p.idNumber ? maskIdNumber(p.idNumber) : '',
      field: p.field,
      code: p.code,
      message: maskInText(p.message),
    });
  }
  ws.getRow(1).font = { bold: true };
  const buf = await wb.xlsx.writeBuffer();
  const stem = sourceFileName.replace(/\.[^.]+$/, '');
  return { fileName: `${stem}-导入问题清单.xlsx`, bytes: new Uint8Array(buf as ArrayBuffer) };
}
