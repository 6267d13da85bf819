import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../src/core/testdata';
import { ok, setupBase } from '../../helpers/core';
import { addApplicants, file, type TestApplicant } from './fixtures';

describe('成绩汇总表 cells', () => {
  it('writes ranks and scores as number cells with two decimals, 缺考 as text', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a, b] = (await addApplicants(core, 2, { specialties: ['0100'] })) as [TestApplicant, TestApplicant];
    const csv = writeCsv(
      [
        ['姓名', '身份证号', '培训专业', '笔试成绩', '面试成绩', '操作成绩'],
        [a.name, a.idNumber, '内科', '85.5', '90', ''],
        [b.name, b.idNumber, '内科', '70', '缺考', ''],
      ],
      { encoding: 'utf-8' },
    );
    await ok(core, session, 'scores.import', file('scores.csv', csv));
    const x = await ok(core, session, 'scores.summaryXlsx', { specialty: '0100' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const top = ws.getRow(3);
    expect(top.getCell(1).value).toBe(1);
    expect(top.getCell(col('笔试成绩')).value).toBe(85.5);
    expect(top.getCell(col('笔试成绩')).numFmt).toBe('0.00');
    expect(top.getCell(col('总成绩')).type).toBe(ExcelJS.ValueType.Number);
    const absentRow = [3, 4, 5].map((r) => ws.getRow(r)).find((r) => r.getCell(2).value === b.name)!;
    expect(absentRow.getCell(col('备注')).value).toBe('缺考');
    expect(absentRow.getCell(col('总成绩')).value).toBe('');
  });

  it('the 考核成绩 list export follows the filter and sort, scores as numbers, IDs masked', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a, b, c] = (await addApplicants(core, 3, { specialties: ['0100'] })) as [TestApplicant, TestApplicant, TestApplicant];
    const csv = writeCsv(
      [
        ['姓名', '身份证号', '培训专业', '笔试成绩', '面试成绩', '操作成绩'],
        [a.name, a.idNumber, '内科', '60', '70', ''],
        [b.name, b.idNumber, '内科', '90.25', '80', ''],
        [c.name, c.idNumber, '内科', '75', '缺考', ''],
      ],
      { encoding: 'utf-8' },
    );
    await ok(core, session, 'scores.import', file('scores.csv', csv));
    const x = await ok(core, session, 'scores.export', { status: 'complete', sort: 'total', dir: 'desc' });
    expect(x.fileName).toBe('考核成绩-2024-吉林大学第一医院.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(ws.rowCount).toBe(3);
    expect([ws.getRow(2).getCell(2).value, ws.getRow(3).getCell(2).value]).toEqual([b.name, a.name]);
    expect(ws.getRow(2).getCell(1).value).toBe(1);
    expect(ws.getRow(2).getCell(header.indexOf('笔试成绩') + 1).value).toBe(90.25);
    expect(ws.getRow(2).getCell(header.indexOf('总成绩') + 1).type).toBe(ExcelJS.ValueType.Number);
    expect(String(ws.getRow(2).getCell(3).value)).toMatch(/\*{8}/);
  });
});
