import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { err, ok, setupBase } from '../../helpers/core';
import { seedApplicants, setPlan } from './seed';

async function admittedBase() {
  const { core, session } = await setupBase('jilin-2024');
  await setPlan(core, session, [
    ['0100', null, 1],
    ['0200', null, 1],
  ]);
  const s = await seedApplicants(core, [
    { key: 'A', choices: ['0100'], total: 90 },
    { key: 'B', choices: ['0200'], total: 85 },
  ]);
  await ok(core, session, 'admission.run', {});
  return { core, session, s };
}

describe('公示 days, note and the 汇总表 specialty', () => {
  it('公示天数 below 1 (or fractional) is refused in Chinese and nothing is published', async () => {
    const { core, session } = await admittedBase();
    for (const days of [0, -3]) {
      const e = await err(core, session, 'admission.publish', { startDate: '2024-07-10', days });
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toContain('公示天数至少为 1 天');
    }
    expect((await err(core, session, 'admission.publish', { startDate: '2024-07-10', days: 1.5 })).message).toContain(
      '公示天数须为整数',
    );
    expect(await core.db.selectFrom('admission_publications').selectAll().execute()).toEqual([]);
    const one = await ok(core, session, 'admission.publish', { startDate: '2024-07-10', days: 1 });
    expect(one).toMatchObject({ startDate: '2024-07-10', endDate: '2024-07-10', days: 1 });
  });

  it('the 备注 given at 公示 appears on the 公示页, escaped', async () => {
    const { core, session } = await admittedBase();
    const note = '异议请致电住培办 <0431-1234>';
    await ok(core, session, 'admission.publish', { startDate: '2024-07-10', note });
    const page = await ok(core, session, 'admission.publicationHtml', {});
    expect(page.html).toContain('备注：异议请致电住培办 &lt;0431-1234&gt;');
  });

  it('no 备注, no empty 备注 line', async () => {
    const { core, session } = await admittedBase();
    await ok(core, session, 'admission.publish', { startDate: '2024-07-10' });
    expect((await ok(core, session, 'admission.publicationHtml', {})).html).not.toContain('备注');
  });

  it('the 住培 汇总表 (XLSX and page) carries 专业, in a file named for the base', async () => {
    const { core, session, s } = await admittedBase();
    const file = await ok(core, session, 'admission.summaryXlsx', {});
    expect(file.fileName).toBe('拟录取学员汇总表-2024-吉林大学第一医院.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '姓名',
      '录取专业',
      '性别',
      '身份证号',
      '手机号',
      '最高学历',
      '人员属性',
      '工作单位（单位人填写）',
    ]);
    const byName = new Map<string, unknown>();
    ws.eachRow((row, n) => {
      if (n > 3) byName.set(String(row.getCell(2).value), row.getCell(3).value);
    });
    expect(byName.get(s.name('A'))).toBe('内科');
    expect(byName.get(s.name('B'))).toBe('儿科');
    const html = (await ok(core, session, 'admission.summaryHtml', {})).html;
    expect(html).toContain('<th>录取专业</th>');
    expect(html).toContain('<td>内科</td>');
  });
});
