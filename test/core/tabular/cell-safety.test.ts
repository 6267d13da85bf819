import { describe, expect, it } from 'vitest';
import { cellTextProblem, MAX_FIELD_LENGTH, neutraliseFormula } from '../../../src/core/tabular/cell-safety';

describe('cell text from imports', () => {
  it('accepts ordinary Chinese names, addresses and numbers', () => {
    for (const s of ['张三', '欧阳 娜娜', '吉林省长春市朝阳区 1 号', '13812345678', 'Zhang-San O’Neil'])
      expect(cellTextProblem(s)).toBeNull();
  });

  it('refuses terminal escapes, right-to-left overrides and zero-width characters', () => {
    expect(cellTextProblem('\u001b[2J张三')?.code).toBe('CELL_CONTROL_CHAR');
    expect(cellTextProblem('张\u202E三')?.code).toBe('CELL_BIDI_CHAR');
    expect(cellTextProblem('张\u200B三')?.code).toBe('CELL_ZERO_WIDTH');
  });

  it('refuses a value longer than a field may hold instead of cutting it', () => {
    expect(cellTextProblem('名'.repeat(MAX_FIELD_LENGTH))).toBeNull();
    const p = cellTextProblem('名'.repeat(100_000));
    expect(p?.code).toBe('CELL_TOO_LONG');
    expect(p?.message).toContain('100000');
  });
});

describe('cell text in exports', () => {
  it('puts an apostrophe before formula prefixes and leaves everything else alone', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x","点我")')).toBe('\'=HYPERLINK("http://x","点我")');
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('+cmd|')).toBe("'+cmd|");
    expect(neutraliseFormula('-1')).toBe("'-1");
    expect(neutraliseFormula('张三')).toBe('张三');
    expect(neutraliseFormula(-1)).toBe(-1);
    expect(neutraliseFormula(null)).toBeNull();
  });
});
