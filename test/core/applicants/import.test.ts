import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { writeCsv, type Applicant } from '../../../src/core/testdata';
import { err, ok, setupBase } from '../../helpers/core';
import { buildCfb, buildZip } from '../tabular/fixtures';
import { csvFile, roster, toB64, xlsxFile } from './helpers';

async function counts(core: Core) {
  const applicants = await core.db
    .selectFrom('applicants')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const events = await core.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { applicants: Number(applicants.n), events: Number(events.n) };
}

async function actions(core: Core, action: string) {
  return core.db.selectFrom('events').selectAll().where('action', '=', action).execute();
}

describe('applicants import', () => {
  it('a generated 10,000-row XLSX roster: exactly the damaged rows are rejected, with the right codes', async () => {
    const { core, session } = await setupBase();
    const rows = roster(10_000, 2024);
    const expected: Array<[number, string]> = [];
    const damage: Array<(a: Applicant, i: number) => string[]> = [
      (a) => {
        const last = a.证件号码[17]!;
        a.证件号码 = a.证件号码.slice(0, 17) + (last === '0' ? '1' : '0');
        return ['ID_CHECKSUM'];
      },
      (a) => ((a.手机号码 = '1381234'), ['PHONE_FORMAT']),
      (a) => ((a.人员类型 = '外星人'), ['UNKNOWN_CATEGORY']),
      (a) => ((a.第一志愿 = '星际医学科'), ['UNKNOWN_SPECIALTY']),
      (a) => ((a.毕业时间 = '2020-13'), ['DATE_FORMAT']),
      (a) => ((a.姓名 = ''), ['REQUIRED_MISSING']),
      (a) => ((a.证件号码 = a.证件号码.slice(0, 6) + a.证件号码.slice(8, 17)), (a.出生日期 = ''), ['ID_LEGACY_15']),
    ];
    for (let k = 0, i = 13; i < rows.length; i += 331, k++) {
      const got = damage[k % damage.length]!(rows[i]!, i);
      for (const c of got) expected.push([i + 2, c]);
    }
    // Two rows carrying the same person: both refused.
    rows[5000] = { ...rows[4000]! };
    expected.push([4002, 'DUPLICATE_IN_FILE'], [5002, 'DUPLICATE_IN_FILE']);
    expected.sort((a, b) => a[0] - b[0]);
    const file = await xlsxFile(rows, '2024报名名单.xlsx');

    const preview = await ok(core, session, 'applicants.previewImport', file);
    const got = preview.rejected.map((r) => [r.row, r.code] as [number, string]).sort((a, b) => a[0] - b[0]);
    expect(got).toEqual(expected);
    expect(preview.rows).toBe(10_000);
    expect(preview.imported).toBe(10_000 - expected.length);
    expect(await counts(core)).toMatchObject({ applicants: 0 });

    const result = await ok(core, session, 'applicants.commitImport', file);
    expect(result.imported).toBe(10_000 - expected.length);
    expect(result.rejected).toHaveLength(expected.length);
    expect((await counts(core)).applicants).toBe(10_000 - expected.length);
    expect(await actions(core, 'applicants.import')).toHaveLength(1);

    // The same file again changes nothing and writes nothing.
    const before = await counts(core);
    const again = await ok(core, session, 'applicants.commitImport', file);
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 10_000 - expected.length });
    expect(await counts(core)).toEqual(before);
  }, 120_000);

  it('a newer file updates by ID number, lists what changed and audits each changed applicant', async () => {
    const { core, session } = await setupBase();
    const rows = roster(30, 5);
    await ok(core, session, 'applicants.commitImport', csvFile(rows));
    const newer = rows.map((r) => ({ ...r }));
    newer[3]!.手机号码 = '13900001111';
    newer[7]!.第一志愿 = newer[7]!.第一志愿 === '眼科' ? '内科' : '眼科';
    newer.push(...roster(2, 99));
    const preview = await ok(core, session, 'applicants.previewImport', csvFile(newer, 'newer.csv'));
    expect(preview).toMatchObject({ imported: 2, updated: 2, unchanged: 28 });
    const r = await ok(core, session, 'applicants.commitImport', csvFile(newer, 'newer.csv'));
    expect(r).toMatchObject({ imported: 2, updated: 2, unchanged: 28 });
    const phone = r.changes.find((c) => c.row === 5)!;
    expect(phone.changes).toEqual([
      { field: '手机号码', before: expect.stringMatching(/^\d{3}\*{4}\d{4}$/), after: '139****1111' },
    ]);
    expect(r.changes.find((c) => c.row === 9)!.changes[0]!.field).toBe('志愿');
    const updates = await actions(core, 'applicant.update');
    expect(updates).toHaveLength(2);
    expect(updates.every((e) => !e.after_json!.includes('13900001111'))).toBe(true);
    expect(await actions(core, 'applicants.import')).toHaveLength(2);
  });

  it('a column missing from a newer file keeps the stored value', async () => {
    const { core, session } = await setupBase();
    const rows = roster(3, 8);
    await ok(core, session, 'applicants.commitImport', csvFile(rows));
    const slim = rows.map(({ 电子邮箱: _e, 民族: _m, ...rest }) => rest);
    const r = await ok(core, session, 'applicants.commitImport', csvFile(slim as never, 'slim.csv'));
    expect(r).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
  });

  it('reads GBK/GB18030 CSV exported by Excel on Chinese Windows', async () => {
    const { core, session } = await setupBase();
    const rows = roster(5, 3);
    const bytes = writeCsv(rows, { encoding: 'gb18030' });
    const p = await ok(core, session, 'applicants.previewImport', { fileName: 'gbk.csv', contentBase64: toB64(bytes) });
    expect(p).toMatchObject({ encoding: 'gb18030', imported: 5, rejected: [] });
    expect(p.sample[0]!.name).toBe(rows[0]!.姓名);
  });

  it('other layouts: mapped once, saved, recognised next time', async () => {
    const { core, session } = await setupBase();
    const rows = roster(4, 12);
    const custom = [
      ['考生名', '有效证件', '联系手机', '报名身份', '意向专业'],
      ...rows.map((r) => [r.姓名, r.证件号码, r.手机号码, r.人员类型, r.第一志愿]),
    ];
    const file = csvFile(custom, 'custom.csv');
    const e = await err(core, session, 'applicants.previewImport', file);
    expect(e.code).toBe('APPLICANTS_NO_HEADER');
    expect(e.details).toMatchObject({ rows: expect.any(Array) });
    const mapping = { 考生名: 'name', 有效证件: 'idNumber', 联系手机: 'phone', 报名身份: 'category', 意向专业: 'choice1' };
    const p = await ok(core, session, 'applicants.previewImport', { ...file, mapping });
    expect(p).toMatchObject({ mappingSource: 'given', imported: 4, rejected: [] });
    await ok(core, session, 'applicants.commitImport', { ...file, mapping, saveMapping: true });
    const next = await ok(core, session, 'applicants.previewImport', csvFile(custom, 'custom-v2.csv'));
    expect(next).toMatchObject({ mappingSource: 'saved', unchanged: 4 });
  });

  it('a file without 人员类型 still imports, with one warning for the missing column', async () => {
    const { core, session } = await setupBase();
    const rows = roster(2, 1).map(({ 人员类型: _c, ...rest }) => rest);
    const p = await ok(core, session, 'applicants.previewImport', csvFile(rows as never));
    expect(p.rejected).toEqual([]);
    expect(p.warnings).toEqual([expect.objectContaining({ row: 1, field: '人员类型', code: 'COLUMN_MISSING' })]);
    expect(p.imported).toBe(2);
  });

  it('a mapping without the ID column is a clear error naming it', async () => {
    const { core, session } = await setupBase();
    const e = await err(core, session, 'applicants.previewImport', { ...csvFile(roster(2, 1)), mapping: { 姓名: 'name' } });
    expect(e.code).toBe('APPLICANTS_COLUMNS_MISSING');
    expect(e.message).toContain('证件号码');
  });

  it('the rejection report is an XLSX with row, name, masked ID, field, code and message (masked)', async () => {
    const { core, session } = await setupBase();
    const rows = roster(3, 4);
    rows[1]!.证件号码 = '360426199101010072';
    rows[1]!.出生日期 = '';
    const r = await ok(core, session, 'applicants.commitImport', csvFile(rows, '名单.csv'));
    const report = await ok(core, session, 'applicants.rejectionReport', { sourceFileName: '名单.csv', rejected: r.rejected });
    expect(report.fileName).toBe('名单-导入问题清单.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(report.contentBase64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '行号', '姓名', '证件号码（已脱敏）', '字段', '代码', '说明']);
    expect(ws.getRow(2).getCell(1).value).toBe(3);
    // Who the row is, so the list can be worked through without the original file beside it.
    expect(ws.getRow(2).getCell(2).value).toBe(rows[1]!.姓名);
    expect(ws.getRow(2).getCell(3).value).toBe('360426********0072');
    expect(ws.getRow(2).getCell(5).value).toBe('ID_CHECKSUM');
    expect(String(ws.getRow(2).getCell(6).value)).toContain('360426********0072');
    expect(JSON.stringify(ws.getSheetValues())).not.toContain('360426199101010072');
  });
});

describe('bad input: a clear error and nothing written', () => {
  const zeros = (n: number) => Buffer.alloc(n);
  const cases: Array<[string, () => Promise<{ fileName: string; contentBase64: string }>, string]> = [
    ['an empty file', async () => ({ fileName: '空.csv', contentBase64: '' }), 'FILE_EMPTY'],
    ['a header without rows', async () => csvFile([['姓名', '证件号码', '手机号码', '人员类型', '第一志愿']]), 'FILE_EMPTY'],
    [
      'a password-protected XLSX',
      async () => ({ fileName: '加密.xlsx', contentBase64: toB64(buildCfb(['EncryptionInfo', 'EncryptedPackage'])) }),
      'FILE_ENCRYPTED',
    ],
    [
      'a corrupt XLSX',
      async () => {
        const good = Buffer.from((await xlsxFile(roster(3, 1))).contentBase64, 'base64');
        return { fileName: '坏.xlsx', contentBase64: toB64(good.subarray(0, good.length / 2)) };
      },
      'FILE_CORRUPT',
    ],
    [
      'a zip bomb',
      async () => ({
        fileName: '炸弹.xlsx',
        contentBase64: toB64(
          await buildZip([
            { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
            { name: 'xl/worksheets/sheet1.xml', data: zeros(11 * 1024 * 1024) },
          ]),
        ),
      }),
      'FILE_ZIP_BOMB',
    ],
    [
      'a sheet with no recognisable header',
      async () =>
        csvFile([
          ['a', 'b', 'c'],
          ['1', '2', '3'],
        ]),
      'APPLICANTS_NO_HEADER',
    ],
    [
      'a 50 MB CSV',
      async () => {
        const line = '张三,11010519491231002X,13812341234,社会人,内科\r\n';
        return {
          fileName: '大.csv',
          contentBase64: toB64(
            new TextEncoder().encode(
              `姓名,证件号码,手机号码,人员类型,第一志愿\r\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`,
            ),
          ),
        };
      },
      'FILE_TOO_LARGE',
    ],
  ];
  it.each(cases)(
    '%s',
    async (_label, make, code) => {
      const { core, session } = await setupBase();
      const before = await counts(core);
      const file = await make();
      for (const op of ['applicants.previewImport', 'applicants.commitImport'] as const) {
        const e = await err(core, session, op, file);
        expect(e.code).toBe(code);
        expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(await counts(core)).toEqual(before);
    },
    60_000,
  );

  it('a commit that fails half-way writes nothing (all or nothing)', async () => {
    const { core, session } = await setupBase();
    const rows = roster(50, 21);
    // Force a failure inside the transaction, after the first insert batch: a trigger refusing one ID.
    const victim = rows[39]!.证件号码;
    await core.raw.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON applicants WHEN NEW.id_number = '${victim}' BEGIN SELECT RAISE(ABORT, 'boom'); END`,
    );
    const before = await counts(core);
    const e = await err(core, session, 'applicants.commitImport', csvFile(rows));
    expect(e.code).toBe('INTERNAL');
    expect(await counts(core)).toEqual(before);
  });
});
