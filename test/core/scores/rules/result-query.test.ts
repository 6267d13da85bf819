import { describe, expect, it } from 'vitest';
import { filterResults, queryMatcher, sortResults, type ResultQueryRow } from '../../../../src/core/scores/rules/result-query';

const row = (name: string, initials: string, idNumber: string, total: number | null): ResultQueryRow => ({
  name,
  initials,
  idNumber,
  specialty: '0100',
  specialtyName: '内科',
  confirmation: 'confirmed',
  status: total === null ? 'incomplete' : 'complete',
  total,
  components: {},
});

const rows = [
  row('张三丰', 'zsf', '11010519900101123X', 8000),
  row('李四', 'ls', '220102199202023456', null),
  row('欧阳明远', 'oymy', '110105199303031234', 9000),
];

describe('finding results', () => {
  it('reads digits as the start or the end of the ID number, full-width and with a trailing x', () => {
    expect(filterResults(rows, { query: '123X' })).toEqual([0]);
    expect(filterResults(rows, { query: '１２３x' })).toEqual([0]);
    expect(filterResults(rows, { query: '2201' })).toEqual([1]);
    expect(filterResults(rows, { query: '1234' })).toEqual([2]);
  });

  it('reads letters as pinyin initials and anything else as part of the name', () => {
    expect(filterResults(rows, { query: 'OY' })).toEqual([2]);
    expect(filterResults(rows, { query: '明远' })).toEqual([2]);
    expect(queryMatcher('  ')(rows[1]!)).toBe(true);
  });

  it('keeps rows without a total last whichever way the totals are sorted', () => {
    expect(sortResults(rows, [0, 1, 2], { sort: 'total', dir: 'desc' })).toEqual([2, 0, 1]);
    expect(sortResults(rows, [0, 1, 2], { sort: 'total', dir: 'asc' })).toEqual([0, 2, 1]);
  });
});
