export type CellType = 'string' | 'number' | 'date' | 'boolean' | 'empty';

/**
 * One spreadsheet cell. `text` is what a person sees, untrimmed: callers normalise, because whether spaces
 * matter depends on the column. `number` is kept for numeric cells so callers can tell a real number from
 * digits typed as text (an ID number that went through a numeric cell has lost digits).
 */
export type Cell = { text: string; type: CellType; number?: number };

/** rows[0] is spreadsheet row 1; empty rows stay (as []) so row numbers in messages stay true. */
export type Sheet = { name: string; rows: Cell[][] };

/** UTF-16 only appears for Excel's "Unicode 文本" (.txt) export, recognised by its BOM. */
export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type Table = { format: 'csv' | 'xlsx'; encoding?: TextEncodingName; sheets: Sheet[] };

export type ReadLimits = {
  /** default 64 MiB */
  maxBytes?: number;
  /** default 200_000, per sheet */
  maxRows?: number;
  /** default 256 MiB: sum of the zip entries' uncompressed sizes (zip bomb guard) */
  maxUncompressedBytes?: number;
  /**
   * default 1,000,000: cells kept over all sheets, counting the empty ones between values in a row. With
   * `maxTextChars` this bounds the memory a table takes whatever the file holds.
   */
  maxCells?: number;
  /** default 16 million: characters of text kept over all sheets (shared strings and cell text) */
  maxTextChars?: number;
};

export type ResolvedLimits = Required<ReadLimits>;

export const DEFAULT_LIMITS: ResolvedLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxRows: 200_000,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxCells: 1_000_000,
  maxTextChars: 16_000_000,
};

/** Excel's own limits: a reference beyond them is not a spreadsheet Excel could have written. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export function emptyCell(): Cell {
  return { text: '', type: 'empty' };
}
