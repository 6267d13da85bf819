/** Rows of one file that share an ID number: every one of them is refused, each naming the others. */
import { describe, expect, it } from 'vitest';
import { markDuplicates, type ApplicantRecord, type RowOutcome } from '../../../src/core/applicants/validate-row';

function outcome(row: number, idNumber: string, valid = true): RowOutcome {
  return {
    row,
    record: valid ? ({ idNumber } as ApplicantRecord) : null,
    present: new Set(),
    problems: [],
    warnings: [],
    idKey: idNumber,
  };
}

describe('markDuplicates', () => {
  it('refuses every row of each repeated ID, naming the other rows, and leaves single rows alone', () => {
    const rows = [
      outcome(2, 'A'),
      outcome(3, 'B'),
      outcome(4, 'A'),
      outcome(5, 'C'),
      outcome(6, 'B', false),
      outcome(7, 'A'),
      outcome(8, ''),
      outcome(9, '', false),
    ];
    markDuplicates(rows, '证件号码');
    const refused = rows.filter((o) => o.problems.length > 0);
    expect(refused.map((o) => o.row)).toEqual([2, 3, 4, 6, 7]);
    expect(refused.every((o) => o.record === null && o.problems.length === 1)).toBe(true);
    expect(rows.find((o) => o.row === 4)!.problems[0]).toEqual({
      row: 4,
      field: '证件号码',
      code: 'DUPLICATE_IN_FILE',
      message: '第 4 行：证件号码与第 2、7 行重复，同一人在文件中出现了多次。请删除重复行后重新导入（这些行都未导入）',
    });
    expect(rows.find((o) => o.row === 6)!.problems[0]!.message).toContain('与第 3 行重复');
    expect(rows.find((o) => o.row === 5)!.record).not.toBeNull();
  });
});
