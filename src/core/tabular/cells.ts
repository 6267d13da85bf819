import type { Cell } from './types';

/**
 * The cells a reader hands out. Empty cells and empty rows are one shared, frozen object each: a sheet
 * with a value far to the right or far down costs a pointer per gap, not an object.
 */
export const EMPTY_CELL: Cell = Object.freeze({ text: '', type: 'empty' }) as Cell;
export const EMPTY_ROW: Cell[] = Object.freeze([]) as unknown as Cell[];

/** Whether a person sees anything in the cell: spaces alone show nothing. */
export function cellShows(cell: Cell): boolean {
  return cell.type !== 'empty' && (cell.type !== 'string' || /\S/.test(cell.text));
}

export function stringCell(text: string): Cell {
  return text === '' ? EMPTY_CELL : { text, type: 'string' };
}

/**
 * What Excel shows for a number in a General cell, except that integers print in full the way JS prints
 * them (1.1010519491231e17 -> "110105194912310000"): callers use type 'number' and the size of `number` to
 * detect an ID number damaged by a numeric cell. Fractions are rounded to Excel's 15 significant digits so
 * float noise (0.1 + 0.2) does not show.
 */
export function numberCell(n: number): Cell {
  const text = Number.isInteger(n) || !Number.isFinite(n) ? String(n) : String(Number(n.toPrecision(15)));
  return { text, type: 'number', number: n };
}

/** A date serial (days since 1899-12-30, or since 1904-01-01 in 1904 workbooks) as a UTC instant. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Dates as UTC instants, rounded to the second to absorb the serial's float error. */
export function dateCell(d: Date): Cell {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return EMPTY_CELL;
  const t = new Date(Math.round(ms / 1000) * 1000);
  const date = `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
  const hasTime = t.getUTCHours() + t.getUTCMinutes() + t.getUTCSeconds() > 0;
  const text = hasTime ? `${date} ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}` : date;
  return { text, type: 'date' };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
