import type ExcelJS from 'exceljs';
import type { ResolvedLimits, Sheet } from './types';
import { fileErrors } from './file-errors';
import { openXlsxParts, type XlsxParts } from './xlsx-zip';
import { readDateStyles, readSharedStrings, readWorkbook } from './xlsx-parts';
import { SheetReader, type SheetBudget } from './xlsx-sheet';

let excel: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded on first use: it costs several times Node's own start-up, which every CLI command and
 * the app would otherwise pay even when no spreadsheet is written. Reading does not use it (see below).
 */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  return (excel ??= import('exceljs').then((m) => m.default));
}

/**
 * Read every worksheet of an .xlsx already checked by the zip guard, in tab order. The parts are inflated
 * and scanned as streams (xlsx-zip, xml-scan) instead of loading the workbook with exceljs, which builds
 * every cell of every row, empty or not, as objects first: 3 GB for a 19 MB file of 2.5 million rows.
 * Here the row limit stops the read as soon as it is passed, and cells and text are charged to a budget.
 */
export async function readXlsxSheets(fileName: string, bytes: Uint8Array, lim: ResolvedLimits): Promise<Sheet[]> {
  const parts = await openXlsxParts(fileName, bytes);
  try {
    return await readSheets(fileName, parts, lim);
  } finally {
    parts.close();
  }
}

async function readSheets(fileName: string, parts: XlsxParts, lim: ResolvedLimits): Promise<Sheet[]> {
  const workbook = await readWorkbook(parts);
  if (!workbook.valid) throw fileErrors.corrupt(fileName, '工作簿结构无法解析');
  const tooMuch = (sheet: string | null): never => {
    throw fileErrors.tooManyCells(fileName, sheet, lim.maxCells, lim.maxTextChars);
  };
  const dateStyles = await readDateStyles(parts);
  const sharedStrings = await readSharedStrings(parts, {
    maxStrings: lim.maxCells,
    maxChars: lim.maxTextChars,
    onTooMuch: () => tooMuch(null),
  });
  const budget: SheetBudget = {
    maxRows: lim.maxRows,
    cellsLeft: lim.maxCells,
    charsLeft: lim.maxTextChars - sharedStrings.reduce((n, s) => n + s.length, 0),
    onTooManyRows: (sheet) => {
      throw fileErrors.tooManyRows(fileName, sheet, lim.maxRows);
    },
    onTooManyCells: tooMuch,
  };
  const sheets: Sheet[] = [];
  for (const ref of workbook.sheets) {
    const reader = new SheetReader({ name: ref.name, sharedStrings, dateStyles, date1904: workbook.date1904, budget });
    // A text node may hold at most what is left of the budget, at up to 3 UTF-8 bytes a character.
    await parts.scan(ref.path, reader, {
      maxBytes: Math.max(0, budget.charsLeft) * 3 + 64,
      onTooLong: () => tooMuch(ref.name),
    });
    sheets.push(reader.sheet());
  }
  return sheets;
}
