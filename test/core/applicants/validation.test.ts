import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RowProblem } from '../../../src/shared/contract/applicants';
import { idCheckChar } from '../../../src/core/identity';
import { createRng, makeApplicant, type Applicant } from '../../../src/core/testdata';
import { ok, setupBase } from '../../helpers/core';
import { SPECIALTIES, csvFile, matrix, xlsxFile } from './helpers';

const rng = createRng(11);
const person = (o: Partial<Applicant> = {}) =>
  makeApplicant(
    rng,
    { 人员类型: '社会人', 第一志愿: '内科', 第二志愿: '', 第三志愿: '', ...o },
    { specialties: SPECIALTIES, categories: ['社会人'] },
  );
const withCheck = (first17: string) => first17 + idCheckChar(first17);

async function preview(rows: Applicant[] | string[][], kind: 'csv' | 'xlsx' = 'csv', idAsNumber = false) {
  const { core, session } = await setupBase();
  const file = kind === 'csv' ? csvFile(rows as never) : await xlsxFile(rows as never, 'r.xlsx', idAsNumber);
  return ok(core, session, 'applicants.previewImport', file);
}

function codes(problems: RowProblem[]): string[] {
  return problems.map((p) => p.code);
}

describe('validation codes (one row each, row 2 = first data row)', () => {
  it.each([
    ['ID_CHECKSUM (published invalid example)', { 证件号码: '360426199101010072', 出生日期: '' }, 'ID_CHECKSUM', '证件号码'],
    ['ID_FORMAT (17 characters)', { 证件号码: '11010519491231002' }, 'ID_FORMAT', '证件号码'],
    ['ID_FORMAT (letters inside)', { 证件号码: '1101051949123100AX' }, 'ID_FORMAT', '证件号码'],
    ['ID_BIRTHDATE (not a real date)', { 证件号码: withCheck('11010519990230001'), 出生日期: '' }, 'ID_BIRTHDATE', '证件号码'],
    [
      'ID_BIRTHDATE (disagrees with 出生日期)',
      { 证件号码: '11010519491231002X', 出生日期: '1950-01-01' },
      'ID_BIRTHDATE',
      '证件号码',
    ],
    ['ID_LEGACY_15', { 证件号码: '110105491231002', 出生日期: '' }, 'ID_LEGACY_15', '证件号码'],
    ['ID_EXCEL_NUMBER (scientific notation)', { 证件号码: '1.10105E+17', 出生日期: '' }, 'ID_EXCEL_NUMBER', '证件号码'],
    ['PHONE_FORMAT (10 digits)', { 手机号码: '1381234123' }, 'PHONE_FORMAT', '手机号码'],
    ['PHONE_FORMAT (landline)', { 手机号码: '010-62751234' }, 'PHONE_FORMAT', '手机号码'],
    ['REQUIRED_MISSING (name)', { 姓名: '' }, 'REQUIRED_MISSING', '姓名'],
    ['REQUIRED_MISSING (ID number)', { 证件号码: '' }, 'REQUIRED_MISSING', '证件号码'],
    ['REQUIRED_MISSING (first choice)', { 第一志愿: '' }, 'REQUIRED_MISSING', '第一志愿'],
    ['DATE_FORMAT (出生日期)', { 出生日期: '1995年13月1日' }, 'DATE_FORMAT', '出生日期'],
    ['DATE_FORMAT (day-first is ambiguous)', { 出生日期: '01/06/1995' }, 'DATE_FORMAT', '出生日期'],
    ['DATE_FORMAT (毕业时间)', { 毕业时间: '去年夏天' }, 'DATE_FORMAT', '毕业时间'],
    ['UNKNOWN_SPECIALTY', { 第一志愿: '心理咨询科' }, 'UNKNOWN_SPECIALTY', '第一志愿'],
    ['UNKNOWN_SPECIALTY (second choice)', { 第二志愿: '宠物医学科' }, 'UNKNOWN_SPECIALTY', '第二志愿'],
    ['UNKNOWN_CATEGORY (not a Jilin category)', { 人员类型: '委托培训' }, 'UNKNOWN_CATEGORY', '人员类型'],
  ])('%s', async (_label, override, code, field) => {
    const p = await preview([person(override as Partial<Applicant>)]);
    expect(p.rejected).toContainEqual(expect.objectContaining({ row: 2, code, field }));
    expect(p.rejected.every((r) => r.message.startsWith('第 2 行'))).toBe(true);
    expect(p.imported).toBe(0);
    expect(p.rejectedRows).toBe(1);
  });

  it('ID_EXCEL_NUMBER for an ID stored in a numeric XLSX cell (digits lost)', async () => {
    const p = await preview([person({ 证件号码: '110105199001010011', 出生日期: '' })], 'xlsx', true);
    expect(codes(p.rejected)).toEqual(['ID_EXCEL_NUMBER']);
  });

  it('DUPLICATE_IN_FILE rejects every row carrying the same ID', async () => {
    const a = person();
    const b = person({ 证件号码: a.证件号码.toLowerCase(), 性别: a.性别, 出生日期: a.出生日期 });
    const p = await preview([a, person(), b]);
    expect(p.rejected.filter((r) => r.code === 'DUPLICATE_IN_FILE').map((r) => r.row)).toEqual([2, 4]);
    expect(p.imported).toBe(1);
  });

  it('accepts the published valid examples and unknown/abolished region codes', async () => {
    const rows = [
      person({ 证件号码: '11010519491231002X', 出生日期: '1949-12-31', 性别: '女' }),
      person({ 证件号码: '440524188001010014', 出生日期: '', 性别: '男' }),
      // 990000 is no region at all: never a reason to refuse.
      person({ 证件号码: withCheck('99000019950101001'), 出生日期: '', 性别: '男' }),
    ];
    const p = await preview(rows);
    expect(p.rejected).toEqual([]);
    expect(p.imported).toBe(3);
  });

  it('normalises noise without reporting it', async () => {
    const fw = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const rows = [
      person({ 证件号码: ' 11010519491231002x ', 出生日期: '1949/12/31', 性别: '女', 手机号码: '+86 138-1234-1234' }),
      person({ 证件号码: fw('11010519491231003X').slice(0, 17) + '8', 出生日期: '1949.12.31', 手机号码: '(0086)139 1234 5678' }),
      person({ 姓名: '  张三 ', 出生日期: '', 毕业时间: '2024年6月1日', 手机号码: '１３７１２３４１２３４' }),
      person({ 出生日期: '', 毕业时间: '45444' }),
      person({ 人员类型: ' 社会人 ', 第一志愿: '全科医学科', 是否服从调剂: 'Y' }),
    ];
    const p = await preview(rows);
    expect(p.rejected).toEqual([]);
    expect(p.imported).toBe(5);
  });

  it('dates in every accepted spelling and as Excel serials, stored as ISO', async () => {
    const { core, session } = await setupBase();
    const id = '11010519491231002X';
    for (const [i, d] of ['1949-12-31', '1949/12/31', '1949.12.31', '1949年12月31日', '19491231'].entries()) {
      const r = await ok(
        core,
        session,
        'applicants.previewImport',
        csvFile([person({ 证件号码: id, 出生日期: d, 性别: '女' })], `d${i}.csv`),
      );
      expect(r.rejected).toEqual([]);
    }
    // 34700 is Excel's serial for 1995-01-01.
    const serial = await ok(
      core,
      session,
      'applicants.commitImport',
      csvFile([person({ 证件号码: withCheck('11010519950101001'), 出生日期: '34700', 性别: '男' })], 'serial.csv'),
    );
    expect(serial.rejected).toEqual([]);
    const list = await ok(core, session, 'applicants.list', {});
    const detail = await ok(core, session, 'applicants.get', { id: list.applicants[0]!.id });
    expect(detail.birthDate).toBe('1995-01-01');
  });

  it('other document types by their own rules', async () => {
    const rows = [
      person({ 证件类型: '护照', 证件号码: 'E12345678', 出生日期: '1995-01-01', 性别: '男' }),
      person({ 证件类型: '港澳居民来往内地通行证', 证件号码: 'H12345678', 出生日期: '1995-01-01', 性别: '男' }),
      person({ 证件类型: '台胞证', 证件号码: '12345678', 出生日期: '1995-01-01', 性别: '男' }),
      person({ 证件类型: '港澳台居民居住证', 证件号码: withCheck('81000019950101001'), 出生日期: '', 性别: '男' }),
      person({ 证件类型: '外国人永久居留身份证', 证件号码: withCheck('93310019950101001'), 出生日期: '1995-01-01', 性别: '男' }),
      person({ 证件类型: '港澳居民来往内地通行证', 证件号码: 'X1234567', 出生日期: '1995-01-01' }),
      person({ 证件类型: '港澳台居民居住证', 证件号码: withCheck('11010519950101001'), 出生日期: '' }),
      person({ 证件类型: '军官证', 证件号码: '12345' }),
    ];
    const p = await preview(rows);
    expect(p.rejected.map((r) => [r.row, r.code])).toEqual([
      [7, 'ID_FORMAT'],
      [8, 'ID_FORMAT'],
      [9, 'ID_FORMAT'],
    ]);
    expect(p.imported).toBe(5);
  });

  it('with a plan, choices must be specialties of this year’s plan', async () => {
    const { core, session } = await setupBase();
    const plan = readFileSync(join(import.meta.dirname, '../../fixtures/plans/jilin-2024-residency-plan.csv'));
    await ok(core, session, 'plan.commitImport', { fileName: 'plan.csv', contentBase64: plan.toString('base64') });
    const file = csvFile([person({ 第一志愿: '全科' }), person({ 第一志愿: '眼科' })]);
    const p = await ok(core, session, 'applicants.previewImport', file);
    expect(p.rejected).toEqual([expect.objectContaining({ row: 3, code: 'UNKNOWN_SPECIALTY', field: '第一志愿' })]);
    expect(p.rejected[0]!.message).toContain('招收计划');
  });

  it('masks ID numbers and phones quoted in problem messages', async () => {
    const p = await preview([person({ 证件号码: '360426199101010072', 出生日期: '' })]);
    expect(p.rejected[0]!.message).toContain('360426********0072');
    expect(p.rejected[0]!.message).not.toContain('360426199101010072');
  });

  it('a header below a title row keeps true spreadsheet row numbers', async () => {
    const rows = matrix([person(), person({ 手机号码: '12345' })]);
    const p = await preview([['2024年招收报名名单'], [], ...rows]);
    expect(p.headerRow).toBe(3);
    expect(p.rejected).toEqual([expect.objectContaining({ row: 5, code: 'PHONE_FORMAT' })]);
  });
});

describe('hostile cell text', () => {
  it('refuses terminal escapes, direction overrides, zero-width characters and huge names, naming the field', async () => {
    const r = await preview([
      person({ 姓名: '\u001b[2J张三' }),
      person({ 姓名: '李\u202E四' }),
      person({ 姓名: '王\u200B五' }),
      person({ 姓名: '赵'.repeat(100_000) }),
      person({ 姓名: '=HYPERLINK("http://x")' }),
    ]);
    const onName = r.rejected.filter((p) => p.field === '姓名').map((p) => [p.row, p.code]);
    expect(onName).toEqual([
      [2, 'CELL_CONTROL_CHAR'],
      [3, 'CELL_BIDI_CHAR'],
      [4, 'CELL_ZERO_WIDTH'],
      [5, 'CELL_TOO_LONG'],
    ]);
    // A formula prefix is harmless text on the way in; exports neutralise it on the way out.
    expect(r.rejected.some((p) => p.row === 6)).toBe(false);
    expect(r.rejected[0]!.message).toContain('“姓名”');
  });
});
