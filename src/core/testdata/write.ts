import ExcelJS from 'exceljs';
import { encodeGb18030 } from './gb18030';

export type CellValue = string | number | boolean | null | undefined;
export type RowsInput = readonly Readonly<Record<string, CellValue>>[] | readonly (readonly CellValue[])[];

/** Columns that hold ID numbers, for `idAsNumber`. */
const ID_COLUMNS = new Set(['证件号码', '身份证号', '身份证号码', '公民身份号码']);

/** Objects become a header row (keys in first-seen order) plus data rows; arrays are written as they are. */
function toMatrix(rows: RowsInput): CellValue[][] {
  if (rows.length === 0) return [];
  if (Array.isArray(rows[0])) return (rows as readonly (readonly CellValue[])[]).map((r) => [...r]);
  const objects = rows as readonly Readonly<Record<string, CellValue>>[];
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const o of objects) {
    for (const k of Object.keys(o)) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
  }
  return [columns, ...objects.map((o) => columns.map((c) => o[c]))];
}

function csvField(v: CellValue): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV as Excel writes it: CRLF line ends, fields quoted only when needed. UTF-8 gets a BOM by default (Excel
 * needs it to recognise UTF-8); GB18030 never has one.
 */
export function writeCsv(rows: RowsInput, opts: { encoding: 'utf-8' | 'gb18030'; bom?: boolean }): Uint8Array {
  const text = toMatrix(rows)
    .map((r) => r.map(csvField).join(','))
    .join('\r\n')
    .concat(rows.length > 0 ? '\r\n' : '');
  if (opts.encoding === 'gb18030') return encodeGb18030(text);
  const body = new TextEncoder().encode(text);
  if (opts.bom === false) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/**
 * One-sheet .xlsx. With `idAsNumber`, ID-number columns are written as numeric cells: that is what happens
 * when someone types an ID into a General column in Excel, and the digits past the 15th are lost.
 */
export async function writeXlsx(rows: RowsInput, opts?: { sheetName?: string; idAsNumber?: boolean }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(opts?.sheetName ?? 'Sheet1');
  const matrix = toMatrix(rows);
  const idCols = new Set<number>();
  if (opts?.idAsNumber && matrix.length > 0 && !Array.isArray(rows[0])) {
    matrix[0]!.forEach((h, i) => {
      if (typeof h === 'string' && ID_COLUMNS.has(h)) idCols.add(i);
    });
  }
  matrix.forEach((r, ri) => {
    const values = r.map((v, ci) => {
      if (v === undefined || v === null || v === '') return null;
      // Excel keeps 15 significant digits of a typed number; round the same way so the damage is realistic.
      if (ri > 0 && idCols.has(ci) && /^\d+$/.test(String(v))) return Number(Number(v).toPrecision(15));
      return v;
    });
    sheet.addRow(values);
  });
  const buf = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
