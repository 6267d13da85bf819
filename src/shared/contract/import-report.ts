/**
 * What a spreadsheet import reports, the same for every roster the base imports (applicants, trainees):
 * each row's problems, each field it would change, and the counts. Each feature adds its own fields.
 */

/** One problem of one row: the rejection report line. `row` is the 1-based spreadsheet row (header = 1). */
export type RowProblem = {
  row: number;
  field: string;
  code: string;
  message: string;
  /** The row's person as the file has them (ID number masked), when the row has a name or ID. */
  name?: string;
  idNumber?: string;
};

export type FieldChange = { field: string; before: string | null; after: string | null };

/** A row that updates a person already on record: who (ID number masked) and each field before -> after. */
export type ChangedRow = { row: number; idNumber: string; name: string; changes: FieldChange[] };

/** The preview's account of the file: how it was read and what writing it would do (nothing is written). */
export type ImportPreviewBase<FieldKey extends string, Change> = {
  fileName: string;
  encoding: string | null;
  sheet: string;
  headerRow: number;
  /** File column header -> field key. */
  mapping: Record<string, FieldKey>;
  unmappedHeaders: string[];
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: RowProblem[];
  rejectedRows: number;
  warnings: RowProblem[];
  changes: Change[];
};

/** What a commit wrote, the rows it left out, and the import's id (its audit events name it). */
export type ImportOutcome<Change> = {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: RowProblem[];
  changes: Change[];
  importId: string;
};
