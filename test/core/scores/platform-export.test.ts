import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { passRule } from '../../../src/core/scores/platform-export';
import { writeCsv } from '../../../src/core/testdata';
import { addUserAndLogin, err, ok, setupBase } from '../../helpers/core';
import { addApplicants, file } from './fixtures';

/** Jilin (笔试 + 面试, no skills examination, no pass line): A complete, B missed the interview, C has no written score. */
async function scored() {
  const { core, session } = await setupBase('jilin-2024');
  const [a, b, c] = await addApplicants(core, 3, { specialties: ['0100'] });
  const csv = writeCsv(
    [
      ['姓名', '身份证号', '笔试成绩', '面试成绩'],
      [a!.name, a!.idNumber, '81.5', '90'],
      [b!.name, b!.idNumber, '70', '缺考'],
      [c!.name, c!.idNumber, '', '75'],
    ],
    { encoding: 'utf-8' },
  );
  expect((await ok(core, session, 'scores.import', file('s.csv', csv))).rejected).toEqual([]);
  return { core, session, a: a!, b: b!, c: c! };
}

async function sheetOf(contentBase64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('scores back to the provincial platform', () => {
  it('writes the platform layout with full ID numbers and scores as numbers; missing scores are blanks with warnings', async () => {
    const { core, session, a, b, c } = await scored();
    await ok(core, session, 'scores.setPlatformResult', { applicant: a.idNumber, result: '合格', reason: '基地考核小组认定' });
    const x = await ok(core, session, 'scores.platformExport', {});
    expect(x.rows).toBe(3);
    const ws = await sheetOf(x.contentBase64);
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '身份证号', '理论成绩', '技能成绩', '面试成绩', '考核结果']);
    const byId = new Map<string, unknown[]>();
    ws.eachRow((row, n) => n > 1 && byId.set(String(row.getCell(2).value), row.values as unknown[]));
    expect(byId.get(a.idNumber)).toEqual([undefined, a.name, a.idNumber, 81.5, undefined, 90, '合格']);
    expect(byId.get(b.idNumber)!.slice(1, 6)).toEqual([b.name, b.idNumber, 70, undefined, undefined]);
    expect(byId.get(c.idNumber)).toBeDefined();
    expect(x.warnings).toEqual(
      expect.arrayContaining([
        '本年度考核没有技能考核，“技能成绩”一列留空。',
        expect.stringMatching(/面试成绩：缺考；考核结果未登记/),
        expect.stringMatching(/缺理论成绩；考核结果未登记/),
      ]),
    );
    expect(x.warnings.join('')).not.toContain(b.idNumber);
  });

  it('audits the export with the count, never the numbers', async () => {
    const { core, session, a } = await scored();
    await ok(core, session, 'scores.platformExport', {});
    const [e] = await core.db.selectFrom('events').selectAll().where('action', '=', 'scores.platform-export').execute();
    expect(JSON.parse(e!.after_json!)).toMatchObject({ rows: 3, fullIdNumbers: 3 });
    expect(e!.after_json).not.toContain(a.idNumber);
  });

  it('is refused to a role that may not reveal ID numbers; the preview is masked', async () => {
    const { core, session, a } = await scored();
    const clerk = await addUserAndLogin(core, session, 'jm', 'clerk');
    expect((await err(core, clerk, 'scores.platformExport', {})).code).toBe('FORBIDDEN');
    const view = await ok(core, session, 'scores.platformRows', {});
    expect(view.rule).toBeNull();
    expect(view.absentColumns).toEqual(['技能成绩']);
    const row = view.rows.find((r) => r.name === a.name)!;
    expect(row.idNumber).not.toBe(a.idNumber);
    expect(row).toMatchObject({ theory: 8150, interview: 9000, result: null, warnings: ['考核结果未登记'] });
  });

  it('the summary counts the rows the export lists and those with something missing, without the people', async () => {
    const { core, session, a } = await scored();
    await ok(core, session, 'scores.setPlatformResult', { applicant: a.idNumber, result: '合格', reason: '基地考核小组认定' });
    const view = await ok(core, session, 'scores.platformRows', {});
    const summary = await ok(core, session, 'scores.platformSummary', {});
    expect(summary).toEqual({
      cohortYear: view.cohortYear,
      rule: null,
      absentColumns: ['技能成绩'],
      rows: 3,
      warned: 2,
    });
    expect(JSON.stringify(summary)).not.toContain(a.name);
  });

  it('考核结果 is set per person with a reason where no source gives a pass rule, and audited', async () => {
    const { core, session, b } = await scored();
    const r = await ok(core, session, 'scores.setPlatformResult', { applicant: b.id, result: '不合格', reason: '面试缺考' });
    expect(r).toMatchObject({ result: '不合格', resultSource: { kind: 'manual', by: 'admin', reason: '面试缺考' } });
    const events = await core.db.selectFrom('events').selectAll().where('action', '=', 'scores.platform-result').execute();
    expect(events).toHaveLength(1);
  });

  it('derives 考核结果 only from a minimum the preset states, and says which', () => {
    expect(passRule({ exam: { minTotal: null } } as never)).toBeNull();
    expect(passRule({ exam: { minTotal: 60 } } as never)).toEqual({
      min: 6000,
      text: '总成绩不低于 60 分为合格（本年度预设的最低分数线）',
    });
  });
});
