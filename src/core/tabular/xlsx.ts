import type ExcelJS from 'exceljs';
import type { Cell, Sheet } from './types';
import { fileErrors } from './file-errors';

let excel: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded on first use: it costs several times Node's own start-up, which every CLI command and
 * the app would otherwise pay even when no spreadsheet is read or written.
 */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  return (excel ??= import('exceljs').then((m) => m.default));
}

/** Load an .xlsx already checked by the zip guard and map every sheet, in tab order, to Cells. */
export async function readXlsxSheets(fileName: string, bytes: Uint8Array, maxRows: number): Promise<Sheet[]> {
  const { Workbook } = await loadExcelJS();
  const workbook = new Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); at runtime it wants a Node Buffer.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw fileErrors.corrupt(fileName, '工作簿内容无法解析', err instanceof Error ? err.message : String(err));
  }
  return workbook.worksheets.map((ws) => readSheet(fileName, ws, maxRows));
}

function readSheet(fileName: string, ws: ExcelJS.Worksheet, maxRows: number): Sheet {
  const rows: Cell[][] = [];
  // Only rows holding values: rows that merely carry formatting (Excel writes many) are not data.
  ws.eachRow((row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell((cell, col) => {
      cells[col - 1] = toCell(cell);
    });
    let last = cells.length;
    while (last > 0 && (cells[last - 1] === undefined || cells[last - 1]!.type === 'empty')) last--;
    if (last === 0) return;
    if (rowNumber > maxRows) throw fileErrors.tooManyRows(fileName, ws.name, maxRows);
    cells.length = last;
    for (let c = 0; c < last; c++) cells[c] ??= { text: '', type: 'empty' };
    rows[rowNumber - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { name: ws.name, rows };
}

/** exceljs' ValueType.Merge, as a literal so cells can be mapped without loading exceljs first. */
const MERGE_CELL = 1 as ExcelJS.ValueType.Merge;

export function toCell(cell: ExcelJS.Cell): Cell {
  // The hidden cells of a merged range echo the master's value; a person sees the value once, at the master.
  if (cell.type === MERGE_CELL) return { text: '', type: 'empty' };
  return valueToCell(cell.value);
}

function valueToCell(value: unknown): Cell {
  if (value === null || value === undefined) return { text: '', type: 'empty' };
  if (typeof value === 'number') return numberCell(value);
  if (typeof value === 'string') return value === '' ? { text: '', type: 'empty' } : { text: value, type: 'string' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', type: 'boolean' };
  if (value instanceof Date) return dateCell(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return stringCell(richTextToString(v.richText));
    if ('formula' in v || 'sharedFormula' in v) return valueToCell(v.result);
    if ('hyperlink' in v || 'text' in v) return stringCell(anyToText(v.text));
    if ('error' in v) return stringCell(String(v.error));
  }
  return stringCell(anyToText(value));
}

function stringCell(text: string): Cell {
  return text === '' ? { text: '', type: 'empty' } : { text, type: 'string' };
}

/**
 * What Excel shows for a number in a General cell, except that integers print in full the way JS prints
 * them (1.1010519491231e17 -> "110105194912310000"): callers use type 'number' and the size of `number` to
 * detect an ID number damaged by a numeric cell. Fractions are rounded to Excel's 15 significant digits so
 * float noise (0.1 + 0.2) does not show.
 */
function numberCell(n: number): Cell {
  const text = Number.isInteger(n) || !Number.isFinite(n) ? String(n) : String(Number(n.toPrecision(15)));
  return { text, type: 'number', number: n };
}

/** exceljs gives dates as UTC instants; round to the second to absorb the serial's float error. */
function dateCell(d: Date): Cell {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return { text: '', type: 'empty' };
  const t = new Date(Math.round(ms / 1000) * 1000);
  const date = `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
  const hasTime = t.getUTCHours() + t.getUTCMinutes() + t.getUTCSeconds() > 0;
  const text = hasTime ? `${date} ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}` : date;
  return { text, type: 'date' };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function richTextToString(parts: unknown[]): string {
  return parts.map((p) => (p && typeof p === 'object' ? anyToText((p as { text?: unknown }).text) : '')).join('');
}

function anyToText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return dateCell(v).text;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return richTextToString(o.richText);
    if ('text' in o) return anyToText(o.text);
  }
  return '';
}
