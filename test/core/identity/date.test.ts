import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/core/tabular';
import { excelSerialToDate, parseDate, parseYearMonth } from '../../../src/core/identity';

const num = (n: number): Cell => ({ text: String(n), type: 'number', number: n });
const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'OK' : r.code);

describe('parseDate', () => {
  it.each([
    ['2024-06-01', '2024-06-01'],
    ['2024/6/1', '2024-06-01'],
    ['2024.6.1', '2024-06-01'],
    ['2024年6月1日', '2024-06-01'],
    ['2024 年 6 月 1 日', '2024-06-01'],
    ['2024年06月01号', '2024-06-01'],
    ['20240601', '2024-06-01'],
    ['２０２４－０６－０１', '2024-06-01'],
    [' 2024-06-01 ', '2024-06-01'],
    ['2024-06-01 08:30', '2024-06-01'],
    ['2024-06-01T00:00:00.000Z', '2024-06-01'],
    ['45444', '2024-06-01'],
    ['2000-02-29', '2000-02-29'],
  ])('string %s -> %s', (raw, value) => {
    expect(parseDate(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['', '为空'],
    ['2023-02-29', '不存在'],
    ['2024-13-01', '不存在'],
    ['1900-02-29', '不存在'],
    ['01/06/2024', '顺序'],
    ['2024-06', '无法识别'],
    ['明天', '无法识别'],
    ['12345', '无法识别'], // 5 digits outside the serial window
    ['2024-06-01 晚上', '无法识别'],
  ])('string %s is DATE_FORMAT', (raw, fragment) => {
    const r = parseDate(raw);
    expect(codeOf(r)).toBe('DATE_FORMAT');
    if (!r.ok) expect(r.message).toContain(fragment);
  });

  it('cells: date, number serial, compact number, text', () => {
    expect(parseDate({ text: '2024-06-01', type: 'date' })).toEqual({ ok: true, value: '2024-06-01' });
    expect(parseDate({ text: '2024-06-01 08:00:00', type: 'date' })).toEqual({ ok: true, value: '2024-06-01' });
    expect(parseDate(num(45444))).toEqual({ ok: true, value: '2024-06-01' });
    expect(parseDate(num(45444.75))).toEqual({ ok: true, value: '2024-06-01' });
    expect(parseDate(num(20240601))).toEqual({ ok: true, value: '2024-06-01' });
    expect(parseDate({ text: '2024/6/1', type: 'string' })).toEqual({ ok: true, value: '2024-06-01' });
  });

  it('cells that are not dates are DATE_FORMAT', () => {
    expect(codeOf(parseDate({ text: '', type: 'empty' }))).toBe('DATE_FORMAT');
    expect(codeOf(parseDate({ text: 'TRUE', type: 'boolean' }))).toBe('DATE_FORMAT');
    expect(codeOf(parseDate(num(2024)))).toBe('DATE_FORMAT');
    expect(codeOf(parseDate(num(2024.06)))).toBe('DATE_FORMAT');
    expect(codeOf(parseDate(num(365)))).toBe('DATE_FORMAT');
    expect(codeOf(parseDate(num(20241301)))).toBe('DATE_FORMAT');
  });
});

describe('excelSerialToDate (1900 date system)', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [45444, '2024-06-01'],
    [45444.9999999999, '2024-06-02'],
  ])('%d -> %s', (serial, date) => {
    expect(excelSerialToDate(serial)).toBe(date);
  });

  it('serial 60 is the fictitious 1900-02-29; 0 and negatives are not dates', () => {
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(0)).toBeNull();
    expect(excelSerialToDate(-5)).toBeNull();
    expect(excelSerialToDate(Number.NaN)).toBeNull();
  });
});

describe('parseYearMonth', () => {
  it.each([
    ['2020.09', '2020-09'],
    ['2020.9', '2020-09'],
    ['2020.10', '2020-10'],
    ['2020-9', '2020-09'],
    ['2020/09', '2020-09'],
    ['2020年9月', '2020-09'],
    ['2020年09月份', '2020-09'],
    ['202009', '2020-09'],
    ['2020-09-15', '2020-09'],
    ['2020年9月1日', '2020-09'],
  ])('%s -> %s', (raw, value) => {
    expect(parseYearMonth(raw)).toEqual({ ok: true, value });
  });

  it.each(['', '2020.13', '2020', '九月', '2020.0'])('rejects %j', (raw) => {
    expect(codeOf(parseYearMonth(raw))).toBe('DATE_FORMAT');
  });

  it('cells: number 2020.09, serial, date; 2020.1 is ambiguous (Jan or Oct)', () => {
    expect(parseYearMonth(num(2020.09))).toEqual({ ok: true, value: '2020-09' });
    expect(parseYearMonth(num(2020.12))).toEqual({ ok: true, value: '2020-12' });
    expect(parseYearMonth(num(202009))).toEqual({ ok: true, value: '2020-09' });
    expect(parseYearMonth(num(44075))).toEqual({ ok: true, value: '2020-09' });
    expect(parseYearMonth({ text: '2020-09-01', type: 'date' })).toEqual({ ok: true, value: '2020-09' });
    expect(parseYearMonth({ text: '2020.1', type: 'string' })).toEqual({ ok: true, value: '2020-01' });
    const r = parseYearMonth(num(2020.1));
    expect(codeOf(r)).toBe('DATE_FORMAT');
    if (!r.ok) expect(r.message).toContain('10月');
  });
});
