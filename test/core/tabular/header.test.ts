import { describe, expect, it } from 'vitest';
import { findHeaderRow, type Cell, type Sheet } from '../../../src/core/tabular';

const row = (...texts: string[]): Cell[] =>
  texts.map((t) => (t === '' ? { text: '', type: 'empty' } : { text: t, type: 'string' }));
const sheet = (...rows: Cell[][]): Sheet => ({ name: 'Sheet1', rows });

const KNOWN = [['证件号码', '身份证号', '身份证号码'], ['姓名'], ['手机号码', '手机', '联系电话'], ['性别']] as const;

describe('findHeaderRow', () => {
  it('skips a title row and a blank row above the header', () => {
    const s = sheet(
      row('2024年住院医师规范化培训招收报名名单'),
      [],
      row('序号', '姓名', '性别', '身份证号', '手机'),
      row('1', '张三', '男', '11010519491231002X', '13812341234'),
    );
    const found = findHeaderRow(s, KNOWN);
    expect(found).not.toBeNull();
    expect(found!.rowIndex).toBe(2);
    expect(Object.fromEntries(found!.columns)).toEqual({ 证件号码: 3, 姓名: 1, 手机号码: 4, 性别: 2 });
  });

  it('normalises header cells: spaces, full-width, required markers, trailing colons', () => {
    const s = sheet(row(' 姓 名 *', '*证件号码：', '手机号码＊'));
    const found = findHeaderRow(s, KNOWN);
    expect(Object.fromEntries(found!.columns)).toEqual({ 姓名: 0, 证件号码: 1, 手机号码: 2 });
  });

  it('picks the row with the most matches, the earliest on a tie', () => {
    const s = sheet(row('姓名', '性别'), row('姓名', '性别', '身份证号'), row('姓名', '性别', '身份证号'));
    expect(findHeaderRow(s, KNOWN)!.rowIndex).toBe(1);
  });

  it('uses the first matching column when a header repeats', () => {
    const s = sheet(row('姓名', '联系电话', '手机'));
    expect(findHeaderRow(s, KNOWN)!.columns.get('手机号码')).toBe(1);
  });

  it('returns null when fewer than 2 groups match', () => {
    expect(findHeaderRow(sheet(row('姓名', '备注')), KNOWN)).toBeNull();
    expect(findHeaderRow(sheet(), KNOWN)).toBeNull();
    expect(findHeaderRow(sheet(row('姓名', '性别')), [])).toBeNull();
  });

  it('with a single group, one match is enough', () => {
    const found = findHeaderRow(sheet(row('说明'), row('x', '身份证号码')), [['证件号码', '身份证号码']]);
    expect(found).toEqual({ rowIndex: 1, columns: new Map([['证件号码', 1]]) });
  });

  it('scans only the first maxScan rows', () => {
    const rows: Cell[][] = Array.from({ length: 25 }, () => row('说明文字'));
    rows.push(row('姓名', '性别'));
    expect(findHeaderRow(sheet(...rows), KNOWN)).toBeNull();
    expect(findHeaderRow(sheet(...rows), KNOWN, { maxScan: 30 })!.rowIndex).toBe(25);
  });
});
