/**
 * One worksheet, read as it inflates. Only rows that show something are kept (a column filled down to row
 * 1,048,576 with formatting, blanks or spaces costs nothing), the row limit counts those rows and is
 * enforced while reading, and every kept cell and character is charged to the workbook's budget, so
 * memory stays bounded whatever the file holds.
 */
import type { Cell, Sheet } from './types';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from './types';
import { EMPTY_CELL, EMPTY_ROW, cellShows, numberCell, dateCell, serialToDate, stringCell } from './cells';
import { decodeOoxmlEscapes } from './xlsx-parts';
import type { XmlHandler, XmlScanner } from './xml-scan';
import { XmlSyntaxError } from './xml-scan';

/** Real sheets have a few dozen merged ranges; this many means a broken or hostile file. */
const MAX_MERGES = 100_000;
const MERGE_WORK_FLOOR = 10_000_000;

/** Shared by every sheet of one workbook. `onTooMany*` throw the caller's error. */
export type SheetBudget = {
  maxRows: number;
  cellsLeft: number;
  charsLeft: number;
  onTooManyRows: (sheet: string) => never;
  onTooManyCells: (sheet: string) => never;
};

export type SheetContext = {
  name: string;
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  budget: SheetBudget;
};

export class SheetReader implements XmlHandler {
  // Rows that show something: their numbers and their cells, side by side (no object per row).
  private readonly keptNumbers: number[] = [];
  private readonly keptCells: Cell[][] = [];
  private readonly merges: string[] = [];
  private readonly sharedCells: (Cell | undefined)[] = [];
  private nonEmptyRows = 0;
  private slots = 0;
  private lastRow = 0;
  private cells: Cell[] | null = null;
  private rowShows = false;
  private lastCol = -1;
  // The cell being read.
  private col = 0;
  private type = '';
  private style = 0;
  private value: string | null = null;
  private inline: string[] | null = null;
  private inV = false;
  private inT = false;
  private phonetic = 0;

  constructor(private readonly ctx: SheetContext) {}

  wantText(): boolean {
    return this.inV || (this.inT && this.inline !== null && this.phonetic === 0);
  }

  text(t: string): void {
    if (this.inV) this.value = this.value === null ? t : this.value + t;
    else this.inline?.push(t);
  }

  open(name: string, scan: XmlScanner): void {
    switch (name) {
      case 'row':
        return this.openRow(scan.attr('r'));
      case 'c':
        return this.openCell(scan.attr('r'), scan.attr('t'), scan.attr('s'));
      case 'v':
        this.inV = this.cells !== null;
        return;
      case 'is':
        this.inline = [];
        return;
      case 't':
        this.inT = true;
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 'mergeCell':
        return this.addMerge(scan.attr('ref'));
    }
  }

  close(name: string): void {
    switch (name) {
      case 'row':
        return this.closeRow();
      case 'c':
        return this.closeCell();
      case 'v':
        this.inV = false;
        return;
      case 't':
        this.inT = false;
        return;
      case 'rPh':
        this.phonetic--;
        return;
    }
  }

  /** The sheet with empty rows as [] up to the last row that shows something, merged ranges blanked. */
  sheet(): Sheet {
    const last = this.keptNumbers.length > 0 ? this.keptNumbers[this.keptNumbers.length - 1]! : 0;
    const rows = new Array<Cell[]>(last).fill(EMPTY_ROW);
    this.keptNumbers.forEach((n, i) => (rows[n - 1] = this.keptCells[i]!));
    // A generous cap (tens of milliseconds of work) that only overlapping, hostile ranges reach.
    blankMergedCells(rows, this.merges, MERGE_WORK_FLOOR + 2 * (this.slots + rows.length));
    while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
    return { name: this.ctx.name, rows };
  }

  private openRow(ref: string | undefined): void {
    const n = ref === undefined ? this.lastRow + 1 : Number(ref);
    if (!Number.isInteger(n) || n <= this.lastRow || n > EXCEL_MAX_ROWS) throw new XmlSyntaxError(`bad row number ${ref}`);
    this.lastRow = n;
    this.cells = [];
    this.rowShows = false;
    this.lastCol = -1;
  }

  private closeRow(): void {
    const cells = this.cells;
    this.cells = null;
    if (cells === null || !this.rowShows) return;
    const b = this.ctx.budget;
    if (++this.nonEmptyRows > b.maxRows) b.onTooManyRows(this.ctx.name);
    b.cellsLeft -= cells.length;
    this.slots += cells.length;
    if (b.cellsLeft < 0) b.onTooManyCells(this.ctx.name);
    this.keptNumbers.push(this.lastRow);
    // A copy at its exact length: the array grown by push keeps spare room (about 150 bytes for one cell).
    this.keptCells.push(cells.slice());
  }

  private openCell(ref: string | undefined, type: string | undefined, style: string | undefined): void {
    this.col = ref === undefined ? this.lastCol + 1 : columnOf(ref);
    this.lastCol = this.col;
    this.type = type ?? 'n';
    this.style = style === undefined ? 0 : Number(style);
    this.value = null;
    this.inline = null;
    this.inT = false;
    this.phonetic = 0;
  }

  private closeCell(): void {
    const cells = this.cells;
    if (cells === null) return;
    const cell = this.makeCell();
    this.inline = null;
    if (cell === EMPTY_CELL) return;
    while (cells.length < this.col) cells.push(EMPTY_CELL);
    cells[this.col] = cell;
    if (!this.rowShows && cellShows(cell)) this.rowShows = true;
  }

  private makeCell(): Cell {
    const v = this.value;
    switch (this.type) {
      case 's':
        return v === null ? EMPTY_CELL : this.sharedCell(v);
      case 'inlineStr':
        return this.charged(decodeOoxmlEscapes((this.inline ?? []).join('')));
      case 'str':
      case 'e':
        return v === null ? EMPTY_CELL : this.charged(v);
      case 'b':
        return v === null ? EMPTY_CELL : { text: v.trim() === '1' || v.trim() === 'true' ? 'TRUE' : 'FALSE', type: 'boolean' };
      case 'd':
        return v === null ? EMPTY_CELL : dateCell(new Date(v.trim()));
      default:
        return v === null || v.trim() === '' ? EMPTY_CELL : this.numeric(v);
    }
  }

  private numeric(v: string): Cell {
    const n = Number(v);
    if (Number.isNaN(n)) return this.charged(v);
    if (this.ctx.dateStyles[this.style] === true) return dateCell(serialToDate(n, this.ctx.date1904));
    return numberCell(n);
  }

  /** Cells with the same shared string share one Cell: a column of 男/女 costs two objects. */
  private sharedCell(v: string): Cell {
    const i = Number(v);
    const s = this.ctx.sharedStrings[i];
    if (!Number.isInteger(i) || s === undefined) throw new XmlSyntaxError(`shared string ${v} out of range`);
    return (this.sharedCells[i] ??= stringCell(s));
  }

  private charged(text: string): Cell {
    const b = this.ctx.budget;
    b.charsLeft -= text.length;
    if (b.charsLeft < 0) b.onTooManyCells(this.ctx.name);
    return stringCell(text);
  }

  private addMerge(ref: string | undefined): void {
    if (ref === undefined) return;
    if (this.merges.length >= MAX_MERGES) throw new XmlSyntaxError('too many merged ranges');
    this.merges.push(ref);
  }
}

/** "AB12" -> 27 (0-based column). */
export function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === 0 || col > EXCEL_MAX_COLUMNS) throw new XmlSyntaxError(`bad cell reference ${ref}`);
  return col - 1;
}

function parseRange(ref: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const m = /^([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  return { c1: columnOf(m[1]!), r1: Number(m[2]) - 1, c2: columnOf(m[3]!), r2: Number(m[4]) - 1 };
}

/**
 * The hidden cells of a merged range may still carry values in the file; a person sees the value once, at
 * the top-left cell, so the others read as empty. Work is bounded (overlapping ranges are invalid anyway).
 */
function blankMergedCells(rows: Cell[][], merges: readonly string[], maxWork: number): void {
  let work = 0;
  for (const ref of merges) {
    const m = parseRange(ref);
    if (!m) continue;
    for (let r = m.r1; r <= Math.min(m.r2, rows.length - 1); r++) {
      const row = rows[r]!;
      work++;
      for (let c = m.c1; c <= Math.min(m.c2, row.length - 1); c++) {
        if (r !== m.r1 || c !== m.c1) row[c] = EMPTY_CELL;
        work++;
      }
      if (work > maxWork) throw new XmlSyntaxError('merged ranges overlap too much');
      rows[r] = trimRow(row);
    }
  }
}

function trimRow(row: Cell[]): Cell[] {
  if (!row.some(cellShows)) return EMPTY_ROW;
  let last = row.length;
  while (row[last - 1]!.type === 'empty') last--;
  if (last < row.length) row.length = last;
  return row;
}
