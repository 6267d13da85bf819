/**
 * Text that arrives in a spreadsheet cell is untrusted: it can carry terminal escapes (which clear the screen
 * of whoever lists it in a terminal), right-to-left overrides and zero-width characters (which make a name
 * read differently from what it is), or be absurdly long. Text that leaves in an export can start with a
 * formula prefix, which a spreadsheet program may run when the file is saved as CSV and opened again.
 */

/** Longest value any single field of a record may hold; longer cells are refused, never cut. */
export const MAX_FIELD_LENGTH = 500;

// C0 and C1 controls except tab/newline/carriage return, which normalisation turns into spaces.
// eslint-disable-next-line no-control-regex -- finding control characters is the point of this pattern
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// Bidirectional embeddings, overrides and isolates.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
// Zero-width characters that hide inside a name (the BOM anywhere but the very start of a file counts).
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/u;

export type CellTextProblem = {
  code: 'CELL_CONTROL_CHAR' | 'CELL_BIDI_CHAR' | 'CELL_ZERO_WIDTH' | 'CELL_TOO_LONG';
  message: string;
};

// Any of the three above: one scan of a clean cell instead of three (an import checks every cell of a roster).
const ANY_HIDDEN = new RegExp(`${CONTROL.source}|${BIDI.source}|${ZERO_WIDTH.source}`, 'u');

/** Why a cell's text can't be stored as it is, or null when it can. The message names no field: callers do. */
export function cellTextProblem(text: string, maxLength = MAX_FIELD_LENGTH): CellTextProblem | null {
  if (text.length <= maxLength && !ANY_HIDDEN.test(text)) return null;
  if (CONTROL.test(text))
    return { code: 'CELL_CONTROL_CHAR', message: '含有不可见的控制字符（可能是从其他程序复制时带入的），请删除后重新导入' };
  if (BIDI.test(text)) return { code: 'CELL_BIDI_CHAR', message: '含有改变文字方向的隐藏字符，请删除后重新导入' };
  if (ZERO_WIDTH.test(text)) return { code: 'CELL_ZERO_WIDTH', message: '含有零宽度隐藏字符，请删除后重新导入' };
  if (text.length > maxLength)
    return { code: 'CELL_TOO_LONG', message: `内容过长（${text.length} 个字符，最多 ${maxLength} 个）` };
  return null;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text value made safe to put in an exported cell: a leading formula character gets an apostrophe in front,
 * the convention spreadsheet programs read as "this is text". Numbers stay numbers.
 */
export function neutraliseFormula<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}
