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

/**
 * One class rather than a closure per method: a roster of 10,000 rows made ten closures per row, which showed
 * up in import profiles.
 */
class FileRowReader implements RowReader {
  readonly problems: RowProblem[] = [];
  readonly warnings: RowProblem[] = [];

  constructor(
    private readonly cells: Cell[],
    readonly rowNo: number,
    private readonly columns: Map<ApplicantFieldKey, number>,
  ) {}

  has(k: ApplicantFieldKey): boolean {
    return this.columns.has(k);
  }

  cell(k: ApplicantFieldKey): Cell {
    const i = this.columns.get(k);
    return (i === undefined ? undefined : this.cells[i]) ?? EMPTY;
  }

  text(k: ApplicantFieldKey): string {
    return normalizeText(this.cell(k).text);
  }

  opt(k: ApplicantFieldKey): string | null {
    return this.text(k) || null;
  }

  problem(k: ApplicantFieldKey, code: string, message: string): void {
    this.problems.push(this.entry(k, code, message));
  }

  warn(k: ApplicantFieldKey, code: string, message: string): void {
    this.warnings.push(this.entry(k, code, message));
  }

  required(k: ApplicantFieldKey): boolean {
    // A column the file does not have is reported once for the file (COLUMN_MISSING), not on every row.
    if (!this.columns.has(k)) return false;
    if (this.text(k) !== '') return true;
    this.problem(k, 'REQUIRED_MISSING', `“${fieldLabel(k)}”为必填项，不能为空`);
    return false;
  }

  private entry(k: ApplicantFieldKey, code: string, message: string): RowProblem {
    return { row: this.rowNo, field: fieldLabel(k), code, message: `第 ${this.rowNo} 行：${message}` };
  }
}

export function rowReader(cells: Cell[], rowNo: number, columns: Map<ApplicantFieldKey, number>): RowReader {
  return new FileRowReader(cells, rowNo, columns);
}
