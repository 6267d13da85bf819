/** The import's quick answer for clean cells agrees with cell-safety's check on every character. */
import { describe, expect, it } from 'vitest';
import { isPlainCellText } from '../../../src/core/applicants/plain-text';
import { MAX_FIELD_LENGTH, cellTextProblem } from '../../../src/core/tabular/cell-safety';

describe('isPlainCellText', () => {
  it('is true exactly where cellTextProblem finds nothing, for every UTF-16 code unit alone and inside a name', () => {
    const disagree: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `张${ch}三`]) {
        if (isPlainCellText(text) !== (cellTextProblem(text) === null)) disagree.push(c.toString(16));
      }
    }
    expect(disagree).toEqual([]);
  });

  it('agrees on length and on characters outside the basic plane', () => {
    for (const text of ['', 'a'.repeat(MAX_FIELD_LENGTH), 'a'.repeat(MAX_FIELD_LENGTH + 1), '𠮷野家', '李\t四', 'x\u202Ey']) {
      expect(isPlainCellText(text)).toBe(cellTextProblem(text) === null);
    }
  });
});
