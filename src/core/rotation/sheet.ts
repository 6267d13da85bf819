/**
 * Reading a rotation import file (科室表, 轮转方案): find the header row by known column names and hand out
 * each data row's cells by field, with its spreadsheet row number for messages.
 */
import { AppError } from '../../shared/errors';
import type { RotationRowProblem } from '../../shared/contract/rotation';
import { findHeaderRow, normalizeText, readTable, type Sheet } from '../tabular';
import { cellTextProblem } from '../tabular/cell-safety';

export type SheetRow<F extends string> = { row: number; get(field: F): string };

export async function readRows<F extends string>(
  file: { fileName: string; bytes: Uint8Array },
  columns: Record<F, readonly string[]>,
  required: readonly F[],
  what: string,
): Promise<Array<SheetRow<F>>> {
  const table = await readTable(file);
  const sheet: Sheet = table.sheets.find((s) => s.rows.some((r) => r.some((c) => c.text.trim() !== ''))) ?? table.sheets[0]!;
  const fields = Object.keys(columns) as F[];
  const groups = fields.map((f) => [f, ...columns[f]] as string[]);
  const match = findHeaderRow(sheet, groups);
  const missing = required.filter((f) => !match?.columns.has(f));
  if (!match || missing.length > 0) {
    throw new AppError(
      'ROTATION_COLUMNS_MISSING',
      `${what}“${file.fileName}”缺少必需的列：${missing.join('、')}。请使用模板中的列名。`,
      { missing },
    );
  }
  const out: Array<SheetRow<F>> = [];
  for (let i = match.rowIndex + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!;
    if (!cells.some((c) => c.text.trim() !== '')) continue;
    const get = (field: F): string => {
      const col = match.columns.get(field);
      return col === undefined ? '' : normalizeText(cells[col]?.text ?? '');
    };
    out.push({ row: i + 1, get });
  }
  return out;
}

/** 标准科室 lists are written with 、 (also accepted: ，, ; and /). */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，;；/]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** Site type as written in a file (本基地 / 协同单位 / 基层实践基地), or null when unrecognised. */
export function parseSiteType(text: string): 'base' | 'partner' | 'primary' | null {
  const t = text.replace(/\s+/g, '');
  if (t === '' || t === '本基地' || t === '本院' || t === 'base') return 'base';
  if (t === '协同单位' || t === '协同' || t === 'partner') return 'partner';
  if (t === '基层实践基地' || t === '基层' || t === 'primary') return 'primary';
  return null;
}

/** Cells whose text cannot be stored as it is (hidden characters, absurd length), one problem each. */
export function textProblems<F extends string>(r: SheetRow<F>, labels: Partial<Record<F, string>>): RotationRowProblem[] {
  const out: RotationRowProblem[] = [];
  for (const [field, label] of Object.entries(labels) as Array<[F, string]>) {
    const p = cellTextProblem(r.get(field));
    if (p) out.push({ row: r.row, field: label, code: p.code, message: `第 ${r.row} 行的「${label}」${p.message}` });
  }
  return out;
}
