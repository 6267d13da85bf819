import { describe, expect, it } from 'vitest';
import { loadResults } from '../../../src/core/scores/results';
import { writeCsv, writeXlsx } from '../../../src/core/testdata';
import { err, ok, setupBase } from '../../helpers/core';
import { addApplicants, file } from './fixtures';

const HEAD = ['姓名', '身份证号', '培训专业', '笔试成绩', '面试成绩', '操作成绩'];

describe('components and totals', () => {
  it('Jilin: written 100 x 60 + interview 100 x 40; 85.5 and 90 make 87.30', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a, b] = await addApplicants(core, 2);
    const view = await ok(core, session, 'scores.components');
    expect(view.components.map((c) => [c.key, c.max, c.weight])).toEqual([
      ['written', 100, 60],
      ['interview', 100, 40],
    ]);
    expect(view.fromPreset).toBe(true);
    const csv = writeCsv([HEAD, [a!.name, a!.idNumber, '内科', '85.5', '90', ''], [b!.name, b!.idNumber, '', '77.77', '', '']], {
      encoding: 'utf-8',
    });
    const r = await ok(core, session, 'scores.import', file('s.csv', csv));
    expect(r).toMatchObject({ imported: 2, updated: 0, unchanged: 0, rejected: [], applied: true });
    const results = await loadResults(core.db, 2024);
    expect(results.get(a!.id)).toEqual({
      applicantId: a!.id,
      components: { written: 8550, interview: 9000 },
      total: 8730,
      status: 'complete',
    });
    expect(results.get(b!.id)).toMatchObject({
      components: { written: 7777, interview: null },
      total: null,
      status: 'incomplete',
    });
  });

  it('Hubei-style edited components: written 150 x 40, skills 100 x 40, interview 100 x 20; 120/80/90 make 82.00', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a, b] = await addApplicants(core, 2);
    expect(
      (
        await err(core, session, 'scores.setComponents', {
          components: [
            { key: 'written', name: '笔试', max: 150, weight: 40 },
            { key: 'skills', name: '技能操作', max: 100, weight: 40 },
          ],
        })
      ).code,
    ).toBe('WEIGHTS_NOT_100');
    const v = await ok(core, session, 'scores.setComponents', {
      components: [
        { key: 'written', name: '笔试', max: 150, weight: 40 },
        { key: 'skills', name: '技能操作', max: 100, weight: 40 },
        { key: 'interview', name: '面试', max: 100, weight: 20 },
      ],
    });
    expect(v.fromPreset).toBe(false);
    const xlsx = await writeXlsx([HEAD, [a!.name, a!.idNumber, '', 120, 90, 80], [b!.name, b!.idNumber, '', 100.5, '缺考', 70]]);
    await ok(core, session, 'scores.import', file('s.xlsx', xlsx));
    const results = await loadResults(core.db, 2024);
    expect(results.get(a!.id)).toMatchObject({ total: 8200, status: 'complete' });
    // 缺考 is a value, not a zero.
    expect(results.get(b!.id)).toMatchObject({
      components: { written: 10050, skills: 7000, interview: 'absent' },
      total: null,
      status: 'absent',
    });
    // Once scores exist, changing maxima or weights needs a reason.
    expect(
      (
        await err(core, session, 'scores.setComponents', {
          components: [
            { key: 'written', name: '笔试', max: 100, weight: 60 },
            { key: 'interview', name: '面试', max: 100, weight: 40 },
          ],
        })
      ).code,
    ).toBe('REASON_REQUIRED');
  });

  it('rounds half-up once, on the exact total (26.99933... -> 27.00; 0.008 -> 0.01)', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a, b] = await addApplicants(core, 2);
    await ok(core, session, 'scores.setComponents', {
      components: [
        { key: 'written', name: '笔试', max: 150, weight: 40 },
        { key: 'interview', name: '面试', max: 100, weight: 60 },
      ],
    });
    // 40 x 100.01 / 150 = 26.6693..., + 60 x 0.55/100 = 0.33 -> 26.99933 -> 27.00
    // 40 x 0.03 / 150 = 0.008 + 0 -> 0.01 (half-up of 0.008 is 0.01)
    await ok(
      core,
      session,
      'scores.import',
      file(
        's.csv',
        writeCsv([HEAD, [a!.name, a!.idNumber, '', '100.01', '0.55', ''], [b!.name, b!.idNumber, '', '0.03', '0', '']], {
          encoding: 'utf-8',
        }),
      ),
    );
    const results = await loadResults(core.db, 2024);
    expect(results.get(a!.id)!.total).toBe(2700);
    expect(results.get(b!.id)!.total).toBe(1);
  });
});

describe('score import: every doubt is a coded rejection, nothing is guessed or half-written', () => {
  it('reports unknown IDs, mismatched names, out-of-range, text, duplicates and bad IDs; writes nothing', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a, b, c, d] = await addApplicants(core, 4);
    const csv = writeCsv(
      [
        HEAD,
        [a!.name, a!.idNumber, '', '85', '90', ''], // fine, but the file as a whole is refused
        ['张冒名', b!.idNumber, '', '70', '', ''],
        [c!.name, c!.idNumber, '', '101', '', ''],
        [d!.name, d!.idNumber, '', '八十', '', ''],
        ['某某', '11010519491231002X', '', '60', '', ''],
        [a!.name, a!.idNumber, '', '85', '', ''],
        ['某', '360426199101010072', '', '60', '', ''],
        [c!.name, c!.idNumber, '', '', '-1', ''],
      ],
      { encoding: 'utf-8' },
    );
    const r = await ok(core, session, 'scores.import', file('bad.csv', csv));
    expect(r.applied).toBe(false);
    const codes = r.rejected.map((x) => [x.row, x.field, x.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        [2, '身份证号', 'DUPLICATE_ID'],
        [3, '姓名', 'NAME_MISMATCH'],
        [4, '身份证号', 'DUPLICATE_ID'],
        [5, '笔试成绩', 'SCORE_NOT_NUMBER'],
        [6, '身份证号', 'UNKNOWN_ID'],
        [7, '身份证号', 'DUPLICATE_ID'],
        [8, '身份证号', 'ID_CHECKSUM'],
      ]),
    );
    expect((await loadResults(core.db, 2024)).get(a!.id)!.components.written).toBeNull();
  });

  it('out of range, too precise; then SCORE_CONFLICT unless replaced with a reason; re-import is unchanged', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a, b] = await addApplicants(core, 2);
    const bad = writeCsv([HEAD, [a!.name, a!.idNumber, '', '100.5', '', ''], [b!.name, b!.idNumber, '', '', '-3', '']], {
      encoding: 'utf-8',
    });
    const r0 = await ok(core, session, 'scores.previewImport', file('bad.csv', bad));
    expect(r0.rejected.map((x) => x.code)).toEqual(['SCORE_OUT_OF_RANGE', 'SCORE_OUT_OF_RANGE']);
    const v1 = writeCsv([HEAD, [a!.name, a!.idNumber, '', '80', '', ''], [b!.name, b!.idNumber, '', '缺考', '', '']], {
      encoding: 'utf-8',
    });
    expect(await ok(core, session, 'scores.import', file('v1.csv', v1))).toMatchObject({ imported: 2, applied: true });
    expect(await ok(core, session, 'scores.import', file('v1.csv', v1))).toMatchObject({
      imported: 0,
      updated: 0,
      unchanged: 2,
      rejected: [],
    });
    const v2 = writeCsv([HEAD, [a!.name, a!.idNumber, '', '82', '', ''], [b!.name, b!.idNumber, '', '缺考', '', '']], {
      encoding: 'utf-8',
    });
    const conflict = await ok(core, session, 'scores.import', file('v2.csv', v2));
    expect(conflict).toMatchObject({ applied: false, rejected: [{ row: 2, field: '笔试成绩', code: 'SCORE_CONFLICT' }] });
    expect((await err(core, session, 'scores.import', { ...file('v2.csv', v2), replace: true })).code).toBe('REASON_REQUIRED');
    const replaced = await ok(core, session, 'scores.import', {
      ...file('v2.csv', v2),
      replace: true,
      reason: '省平台更正笔试成绩',
    });
    expect(replaced).toMatchObject({ imported: 0, updated: 1, unchanged: 1, applied: true });
    expect((await loadResults(core.db, 2024)).get(a!.id)!.components.written).toBe(8200);
    const ev = await core.db
      .selectFrom('events')
      .selectAll()
      .where('action', '=', 'scores.set')
      .where('reason', '=', '省平台更正笔试成绩')
      .execute();
    expect(ev).toHaveLength(1);
    expect(JSON.parse(ev[0]!.before_json!)).toMatchObject({ value: 8000 });
  });

  it('a score column of a component this year does not have is one problem at its header, and nothing is written', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const people = await addApplicants(core, 30);
    const rows = people.map((a, i) => [a.name, a.idNumber, '', '80', '90', i === 0 ? '' : '75']);
    const r = await ok(core, session, 'scores.import', file('s.csv', writeCsv([HEAD, ...rows], { encoding: 'utf-8' })));
    expect(r.applied).toBe(false);
    expect(r.rejected).toEqual([
      {
        row: 1,
        field: '操作成绩',
        code: 'COMPONENT_NOT_CONFIGURED',
        message: expect.stringContaining('“操作成绩”列有 29 个成绩，但本年度考核项目中没有「操作」') as string,
      },
    ]);
    expect(core.raw.prepare('SELECT count(*) AS n FROM component_scores').get()).toEqual({ n: 0 });
    // The same file without scores in that column imports.
    const blank = rows.map((row) => [...row.slice(0, 5), '']);
    const again = await ok(core, session, 'scores.import', file('s.csv', writeCsv([HEAD, ...blank], { encoding: 'utf-8' })));
    expect(again).toMatchObject({ imported: 30, rejected: [], applied: true });
  });

  it('an ID typed into a numeric Excel cell is reported, never repaired', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const a = (await addApplicants(core, 10)).find((x) => /^\d{18}$/.test(x.idNumber));
    const xlsx = await writeXlsx([{ 姓名: a!.name, 身份证号: a!.idNumber, 笔试成绩: 80 }], { idAsNumber: true });
    const r = await ok(core, session, 'scores.previewImport', file('n.xlsx', xlsx));
    expect(r.rejected).toMatchObject([{ row: 2, field: '身份证号', code: 'ID_EXCEL_NUMBER' }]);
  });

  it('a clerk may not import scores', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const { addUserAndLogin } = await import('../../helpers/core');
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    expect((await err(core, clerk, 'scores.import', file('x.csv', 'a'))).code).toBe('FORBIDDEN');
  });
});
