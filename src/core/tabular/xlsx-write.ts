/**
 * Plain workbooks for exports people open in a spreadsheet program: one header row per sheet, numbers written
 * as number cells (so sums and sorting work), text made formula-safe. ID and phone numbers must arrive as
 * text: a number cell keeps only 15 significant digits.
 */
import { neutraliseFormula } from './cell-safety';
import { loadExcelJS } from './xlsx';

export type ExportCell = string | number | null;
export type ExportSheet = {
  name: string;
  columns: Array<{ header: string; width?: number; numFmt?: string }>;
  rows: ReadonlyArray<readonly ExportCell[]>;
  /** Lines above the header (a title, the filter used), each in its own row. */
  preface?: string[];
};

export async function exportWorkbook(sheets: readonly ExportSheet[]): Promise<Uint8Array> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'BaseDesk';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31));
    for (const line of sheet.preface ?? []) ws.addRow([neutraliseFormula(line)]);
    ws.addRow(sheet.columns.map((c) => c.header)).font = { bold: true };
    sheet.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width ?? 12;
      if (c.numFmt) col.numFmt = c.numFmt;
    });
    for (const r of sheet.rows) ws.addRow(r.map((v) => (v === null ? null : neutraliseFormula(v))));
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Characters Windows and macOS refuse in file names. */
export function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_');
}
