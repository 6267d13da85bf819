import type { Cell, ResolvedLimits, Table, TextEncodingName } from './types';
import { EXCEL_MAX_COLUMNS } from './types';
import { fileErrors } from './file-errors';
import { EMPTY_CELL, EMPTY_ROW } from './cells';

/**
 * Decide the text encoding. Excel on Chinese Windows saves "CSV (逗号分隔)" in GBK (a subset of GB18030)
 * and "CSV UTF-8" with a BOM; other tools write UTF-8 without a BOM. Bytes that are not valid UTF-8 are
 * taken as GB18030: GBK text is almost never valid UTF-8, so the fatal UTF-8 decoder tells them apart.
 * UTF-16 (Excel's "Unicode 文本") is only recognised by its BOM.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * Tab-separated when the first line that has any separator has tabs and no commas (Excel's "文本文件
 * (制表符分隔)" and many platform exports); otherwise comma-separated. A title line above the header
 * usually has neither, so it is skipped.
 */
export function detectDelimiter(text: string): ',' | '\t' {
  let start = 0;
  // Looking at the first 64 KiB is plenty: a header is never that far down.
  const end = Math.min(text.length, 64 * 1024);
  while (start < end) {
    let nl = text.indexOf('\n', start);
    if (nl === -1 || nl > end) nl = end;
    const line = text.slice(start, nl);
    const hasTab = line.includes('\t');
    const hasComma = line.includes(',');
    if (hasTab || hasComma) return hasTab && !hasComma ? '\t' : ',';
    start = nl + 1;
  }
  return ',';
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

type FieldLimit = { maxFields: number; onTooManyFields: (rowNumber: number) => never };
const NO_FIELD_LIMIT: FieldLimit = {
  maxFields: Number.POSITIVE_INFINITY,
  onTooManyFields: () => {
    throw new Error('unreachable: no field limit');
  },
};

/**
 * RFC 4180 parser, lenient the way Excel is: quoted fields may hold delimiters, newlines and doubled quotes;
 * text right after a closing quote is kept; CRLF, LF and lone CR end a record. Linear time: fields are
 * slices of the input (no per-character string building). A blank line becomes an empty row so row numbers
 * stay true. `onRow` may throw to stop early (row limit). A record with more than `maxFields` fields stops
 * the parse through `onTooManyFields` before it is built (a line of a million commas is not a table).
 */
export function parseDelimited(
  text: string,
  delimiter: string,
  onRow: (fields: string[], rowNumber: number) => void,
  onUnclosedQuote: (rowNumber: number) => never,
  fieldLimit: FieldLimit = NO_FIELD_LIMIT,
): void {
  const maxFields = fieldLimit.maxFields;
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let i = 0;
  let row: string[] = [];
  let rowNumber = 1;

  const endRow = () => {
    // A line holding nothing is an empty row, not a row with one empty field.
    onRow(row.length === 1 && row[0] === '' ? [] : row, rowNumber);
    row = [];
    rowNumber++;
  };

  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      let segStart = i + 1;
      let parts: string[] | null = null;
      for (;;) {
        const q = text.indexOf('"', segStart);
        if (q === -1) onUnclosedQuote(rowNumber);
        if (text.charCodeAt(q + 1) === QUOTE) {
          (parts ??= []).push(text.slice(segStart, q + 1));
          segStart = q + 2;
          continue;
        }
        const last = text.slice(segStart, q);
        field = parts === null ? last : parts.join('') + last;
        i = q + 1;
        break;
      }
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === d || c === LF || c === CR) break;
        k++;
      }
      if (k > i) field += text.slice(i, k);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === d || c === LF || c === CR) break;
        k++;
      }
      field = text.slice(i, k);
      i = k;
    }
    row.push(field);
    if (row.length > maxFields) fieldLimit.onTooManyFields(rowNumber);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) row.push(''); // "a,b," ends with an empty field
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    endRow();
  }
  if (row.length > 0) endRow();
}

/**
 * Read a delimited text file into one sheet. Like the XLSX reader, only rows that show something count
 * toward the row limit, and rows that show nothing are kept as [] so row numbers stay true.
 */
export function readCsv(
  fileName: string,
  bytes: Uint8Array,
  lim: ResolvedLimits,
  forceDelimiter?: ',' | '\t',
): Table & { hasContent: boolean } {
  const { text, encoding } = decodeText(bytes);
  const delimiter = forceDelimiter ?? detectDelimiter(text);
  const name = sheetName(fileName);
  const rows: Cell[][] = [];
  let shown = 0;
  let cellsLeft = lim.maxCells;
  parseDelimited(
    text,
    delimiter,
    (fields) => {
      const cells = toCells(fields);
      if (cells === EMPTY_ROW) {
        rows.push(EMPTY_ROW);
        return;
      }
      if (++shown > lim.maxRows) throw fileErrors.tooManyRows(fileName, name, lim.maxRows);
      cellsLeft -= cells.length;
      if (cellsLeft < 0) throw fileErrors.tooManyCells(fileName, name, lim.maxCells, lim.maxTextChars);
      rows.push(cells);
    },
    (rowNumber) => {
      throw fileErrors.csvQuote(fileName, rowNumber);
    },
    {
      maxFields: EXCEL_MAX_COLUMNS,
      onTooManyFields: () => {
        throw fileErrors.tooManyCells(fileName, name, lim.maxCells, lim.maxTextChars);
      },
    },
  );
  return { format: 'csv', encoding, sheets: [{ name, rows }], hasContent: shown > 0 };
}

/** The fields as cells, or EMPTY_ROW when none of them shows anything (blank, separators, spaces). */
function toCells(fields: string[]): Cell[] {
  let shows = false;
  const cells: Cell[] = new Array<Cell>(fields.length);
  for (let j = 0; j < fields.length; j++) {
    const t = fields[j]!;
    cells[j] = t === '' ? EMPTY_CELL : { text: t, type: 'string' };
    if (!shows && t !== '' && /\S/.test(t)) shows = true;
  }
  return shows ? cells : EMPTY_ROW;
}

/** A CSV has one sheet; Excel names it after the file, so do we. */
function sheetName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
