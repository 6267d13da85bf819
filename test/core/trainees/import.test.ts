import { describe, expect, it } from 'vitest';
import { traineeMatrix, TRAINEE_COLUMNS, type TraineeRow } from '../../../src/core/testdata/trainees';
import { err, ok, setupBase } from '../../helpers/core';
import { countRows, csvFile, eventsOf, matrixCsv, registry, xlsxFile } from './helpers';

describe('trainees import: preview', () => {
  it('recognises the platform columns, counts what would happen and writes nothing', async () => {
    const { core, session } = await setupBase();
    const rows = registry(25);
    const preview = await ok(core, session, 'trainees.previewImport', await xlsxFile(rows));
    expect(preview).toMatchObject({
      rows: 25,
      imported: 25,
      updated: 0,
      unchanged: 0,
      rejected: [],
      rejectedRows: 0,
      headerRow: 1,
    });
    expect(Object.values(preview.mapping).sort()).toHaveLength(TRAINEE_COLUMNS.length);
    expect(preview.unmappedHeaders).toEqual([]);
    expect(preview.sample[0]).toMatchObject({ row: 2, name: rows[0]!.姓名, status: 'new', cohortYear: Number(rows[0]!.年级) });
    expect(preview.sample[0]!.idNumber).toBe(rows[0]!.证件号码.slice(0, 6) + '********' + rows[0]!.证件号码.slice(14));
    expect(await countRows(core, 'trainees')).toBe(0);
  });

  it('reads a GBK (GB18030) CSV as Excel on Chinese Windows saves it', async () => {
    const { core, session } = await setupBase();
    const rows = registry(8, 3);
    const result = await ok(core, session, 'trainees.commitImport', csvFile(rows, 'gb18030', '学员名单-gbk.csv'));
    expect(result).toMatchObject({ imported: 8, updated: 0, unchanged: 0, rejected: [] });
    const stored = await core.db.selectFrom('trainees').select(['name', 'employer']).orderBy('name').execute();
    expect(stored.map((s) => s.name).sort()).toEqual(rows.map((r) => r.姓名).sort());
  });
});

describe('trainees import: row problems', () => {
  const damages: Array<[string, (r: TraineeRow) => void]> = [
    ['REQUIRED_MISSING', (r) => (r.姓名 = '')],
    ['ID_CHECKSUM', (r) => (r.证件号码 = r.证件号码.slice(0, 17) + (r.证件号码[17] === '0' ? '1' : '0'))],
    ['ID_LEGACY_15', (r) => (r.证件号码 = r.证件号码.slice(0, 6) + r.证件号码.slice(8, 17))],
    ['ID_EXCEL_NUMBER', (r) => (r.证件号码 = '1.10105E+17')],
    ['ID_FORMAT', (r) => (r.证件类型 = '学生证')],
    ['PHONE_FORMAT', (r) => (r.手机号码 = '1381234')],
    ['VALUE_FORMAT', (r) => (r.培训项目 = '专科医师培训')],
    ['UNKNOWN_SPECIALTY', (r) => (r.培训专业 = '星际医学科')],
    ['VALUE_FORMAT', (r) => (r.年级 = '二〇二二')],
    ['DATE_FORMAT', (r) => (r.培训开始日期 = '2022-13-01')],
    ['VALUE_FORMAT', (r) => (r.培训年限 = '4')],
    ['VALUE_FORMAT', (r) => (r.是否并轨研究生 = '也许')],
    ['VALUE_FORMAT', (r) => (r.医师资格考试成绩 = '优秀')],
    ['VALUE_FORMAT', (r) => (r.集中理论培训阶段考试 = '良好')],
    ['VALUE_FORMAT', (r) => (r.培训过程考核 = '待定')],
    ['VALUE_FORMAT', (r) => (r.性别 = '未知')],
  ];

  it('each damaged row is reported with its row, field and code; one bad row and nothing is written', async () => {
    const { core, session } = await setupBase();
    const rows = registry(40, 21);
    const expected: Array<[number, string, string]> = [];
    damages.forEach(([code, damage], k) => {
      const i = 2 * k + 1;
      damage(rows[i]!);
      expected.push([i + 2, code, '']);
    });
    rows[38] = { ...rows[36]! };
    expected.push([38, 'DUPLICATE_IN_FILE', ''], [40, 'DUPLICATE_IN_FILE', '']);
    const eventsBefore = await countRows(core, 'events');

    const result = await ok(core, session, 'trainees.commitImport', csvFile(rows));
    const got = result.rejected.map((p) => [p.row, p.code, ''] as [number, string, string]).sort((a, b) => a[0] - b[0]);
    expect(got).toEqual(expected.sort((a, b) => a[0] - b[0]));
    expect(result).toMatchObject({ imported: 0, updated: 0 });
    expect(await countRows(core, 'trainees')).toBe(0);
    expect(await countRows(core, 'events')).toBe(eventsBefore);

    const fields = Object.fromEntries(result.rejected.map((p) => [p.row, p.field]));
    expect(fields[3]).toBe('姓名');
    expect(fields[5]).toBe('证件号码');
    expect(fields[17]).toBe('培训专业');
    expect(fields[25]).toBe('是否并轨研究生');
    for (const p of result.rejected) {
      expect(p.message).toMatch(new RegExp(`^第 ${p.row} 行`));
      // Messages quote refused values: never a full ID number or phone.
      expect(p.message).not.toMatch(/\d{17}[\dX]/);
    }
  });

  it('a file without the required columns is refused whole, naming them', async () => {
    const { core, session } = await setupBase();
    const rows = registry(3);
    const e = await err(
      core,
      session,
      'trainees.previewImport',
      matrixCsv(traineeMatrix(rows, ['姓名', '证件号码', '手机号码'])),
    );
    expect(e.code).toBe('TRAINEES_COLUMNS_MISSING');
    expect(e.message).toContain('培训专业');
    expect(e.message).toContain('年级');
    expect(
      (
        await err(
          core,
          session,
          'trainees.previewImport',
          matrixCsv([
            ['序号', '备注'],
            ['1', 'x'],
          ]),
        )
      ).code,
    ).toBe('TRAINEES_NO_HEADER');
  });

  it('without 培训项目, 培训开始日期 and 培训年限 columns the defaults apply, with one warning per column', async () => {
    const { core, session } = await setupBase();
    const rows = registry(4, 5);
    const columns = TRAINEE_COLUMNS.filter((c) => !['培训项目', '培训开始日期', '培训年限'].includes(c));
    const result = await ok(core, session, 'trainees.commitImport', matrixCsv(traineeMatrix(rows, columns)));
    expect(result.imported).toBe(4);
    expect(result.warnings.filter((w) => w.code === 'COLUMN_MISSING').map((w) => w.field)).toEqual([
      '培训项目',
      '培训开始日期',
      '培训年限',
    ]);
    const stored = await core.db.selectFrom('trainees').select(['program', 'start_date', 'years', 'cohort_year']).execute();
    for (const s of stored) expect(s).toMatchObject({ program: 'residency', start_date: `${s.cohort_year}-09-01`, years: 3 });
  });
});

describe('trainees import: re-import', () => {
  it('the same file again is unchanged and writes nothing, not even an audit entry', async () => {
    const { core, session } = await setupBase();
    const rows = registry(30, 8);
    const first = await ok(core, session, 'trainees.commitImport', await xlsxFile(rows));
    expect(first).toMatchObject({ imported: 30, updated: 0, unchanged: 0 });
    expect(await eventsOf(core, 'trainees.import')).toHaveLength(1);
    const before = { trainees: await countRows(core, 'trainees'), events: await countRows(core, 'events') };
    const again = await ok(core, session, 'trainees.commitImport', csvFile(rows));
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 30, rejected: [] });
    expect({ trainees: await countRows(core, 'trainees'), events: await countRows(core, 'events') }).toEqual(before);
  });

  it('a newer file updates by ID number, lists the changes masked and audits each changed trainee', async () => {
    const { core, session } = await setupBase();
    const rows = registry(10, 9);
    await ok(core, session, 'trainees.commitImport', csvFile(rows));
    const newer = rows.map((r) => ({ ...r }));
    newer[2]!.手机号码 = '13900001111';
    newer[5]!.培训过程考核 = newer[5]!.培训过程考核 === '不合格' ? '合格' : '不合格';
    newer.push(...registry(1, 99));
    const result = await ok(core, session, 'trainees.commitImport', csvFile(newer));
    expect(result).toMatchObject({ imported: 1, updated: 2, unchanged: 8 });
    const phone = result.changes.find((c) => c.row === 4)!;
    expect(phone.changes).toEqual([
      { field: '手机号码', before: expect.stringMatching(/^\d{3}\*{4}\d{4}$/), after: '139****1111' },
    ]);
    expect(phone.idNumber).toContain('********');
    const stored = await core.db
      .selectFrom('trainees')
      .select('phone')
      .where('id_number', '=', rows[2]!.证件号码)
      .executeTakeFirstOrThrow();
    expect(stored.phone).toBe('13900001111');
    const audited = await eventsOf(core, 'trainee.update');
    expect(audited).toHaveLength(2);
    expect(audited.map((e) => e.after_json).join('')).not.toContain('13900001111');
  });
});
