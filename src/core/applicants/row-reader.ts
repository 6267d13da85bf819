/** Reading one spreadsheet row by field, and collecting its problems and warnings with the row number. */
import type { ApplicantFieldKey, RowProblem } from '../../shared/contract/applicants';
import { normalizeText } from '../tabular';
import type { Cell } from '../tabular';
import { fieldLabel } from './fields';

export type RowReader = {
  readonly rowNo: number;
  readonly problems: RowProblem[];
  readonly warnings: RowProblem[];
  /** Whether the file has a column for this field. */
  has(k: ApplicantFieldKey): boolean;
  cell(k: ApplicantFieldKey): Cell;
  /** The normalised text of a field ('' when absent). */
  text(k: ApplicantFieldKey): string;
  /** The normalised text, or null when empty. */
  opt(k: ApplicantFieldKey): string | null;
  problem(k: ApplicantFieldKey, code: string, message: string): void;
  warn(k: ApplicantFieldKey, code: string, message: string): void;
  /** True when the field has a value; reports REQUIRED_MISSING when its column is there but empty. */
  required(k: ApplicantFieldKey): boolean;
};

const EMPTY: Cell = { text: '', type: 'empty' };

export function rowReader(cells: Cell[], rowNo: number, columns: Map<ApplicantFieldKey, number>): RowReader {
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const entry = (k: ApplicantFieldKey, code: string, message: string): RowProblem => ({
    row: rowNo,
    field: fieldLabel(k),
    code,
    message: `第 ${rowNo} 行：${message}`,
  });
  const r: RowReader = {
    rowNo,
    problems,
    warnings,
    has: (k) => columns.has(k),
    cell: (k) => {
      const i = columns.get(k);
      return (i === undefined ? undefined : cells[i]) ?? EMPTY;
    },
    text: (k) => normalizeText(r.cell(k).text),
    opt: (k) => r.text(k) || null,
    problem: (k, code, message) => void problems.push(entry(k, code, message)),
    warn: (k, code, message) => void warnings.push(entry(k, code, message)),
    required: (k) => {
      // A column the file does not have is reported once for the file (COLUMN_MISSING), not on every row.
      if (!columns.has(k)) return false;
      if (r.text(k) !== '') return true;
      r.problem(k, 'REQUIRED_MISSING', `“${fieldLabel(k)}”为必填项，不能为空`);
      return false;
    },
  };
  return r;
}
