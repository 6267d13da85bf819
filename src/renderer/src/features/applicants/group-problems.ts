import type { RowProblem } from '../../../../shared/contract/applicants';

/** One kind of problem and every row that has it. */
export type ProblemGroup = { field: string; code: string; message: string; rows: number[] };

/** "第 12 行：" / "第 1 行（表头）：": the row is shown in its own column, so the text is compared without it. */
const ROW_PREFIX = /^第\s*\d+\s*行(?:（[^）]*）)?[：:]\s*/;

/**
 * The same warning on 119 rows is one line ("119 行：…") with the rows listed, not 119 lines that bury the
 * one warning that differs. Groups keep the order in which each kind first appears.
 */
export function groupProblems(problems: readonly RowProblem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const message = p.message.replace(ROW_PREFIX, '');
    const key = `${p.code}\u0000${p.field}\u0000${message}`;
    const g = groups.get(key);
    if (g) g.rows.push(p.row);
    else groups.set(key, { field: p.field, code: p.code, message, rows: [p.row] });
  }
  return [...groups.values()];
}

/** The first rows of a group, and whether more were left out. */
export function rowList(rows: readonly number[], shown = 8): { text: string; more: boolean } {
  return { text: rows.slice(0, shown).join('、'), more: rows.length > shown };
}
