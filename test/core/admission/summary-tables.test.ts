import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ok, setupBase } from '../../helpers/core';
import { seedApplicants, setPlan } from './seed';

/**
 * The Jilin notice's 附件4 as it prints (title, seal line, header cells one per line), copied from the
 * source document: the headers are checked against this text, not against the code's own constants.
 */
const SEED_ATTACHMENT_4 = `吉林省2024年助理全科医生培训拟录取学员汇总表
培训基地（盖章）：
	序号
	姓名
	性别
	身份证号
	手机号
	最高学历
	人员属性
	工作单位（单位人填写）`;
/** 六（二）: “填写《住院医师规范化培训拟录取学员汇总表》……、《吉林省2024年助理全科医生培训拟录取学员汇总表》” */
const SEED_RESIDENCY_TITLE = '住院医师规范化培训拟录取学员汇总表';

const seedLines = SEED_ATTACHMENT_4.split('\n').map((l) => l.trim());
const seedHeader = seedLines.slice(2);

async function mixedBase() {
  const { core, session } = await setupBase('jilin-2024');
  await setPlan(core, session, [
    ['0100', null, 2],
    ['AGP', null, 2],
  ]);
  const s = await seedApplicants(core, [
    { key: 'R1', choices: ['0100'], total: 90, category: '单位人', employer: '长春市某医院' },
    { key: 'R2', choices: ['0100'], total: 85, category: '社会人', employer: '某药店（不应出现）' },
    { key: 'G1', choices: ['AGP'], total: 88, category: '单位人', employer: '某乡镇卫生院' },
    { key: 'G2', choices: ['AGP'], total: 80 },
  ]);
  await ok(core, session, 'admission.run', {});
  return { core, session, s };
}

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('拟录取学员汇总表 as 附件4 prints it', () => {
  it('XLSX: 住培 and 助理全科 on separate sheets, each titled as the notice titles it, with the seal line', async () => {
    const { core, session, s } = await mixedBase();
    const file = await ok(core, session, 'admission.summaryXlsx', {});
    expect(file.fileName).toBe('拟录取学员汇总表-2024-吉林大学第一医院.xlsx');
    expect(file.rows).toBe(4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    expect(wb.worksheets).toHaveLength(2);
    const [residency, agp] = wb.worksheets.map(rowsOf) as [unknown[][], unknown[][]];

    expect(agp[0]![0]).toBe(seedLines[0]);
    expect(agp[1]![0]).toBe(`${seedLines[1]}吉林大学第一医院`);
    expect(agp[2]).toEqual(seedHeader);
    expect(agp.slice(3).map((r) => [r[1], r[7] ?? ''])).toEqual([
      [s.name('G1'), '某乡镇卫生院'],
      [s.name('G2'), ''],
    ]);

    expect(residency[0]![0]).toBe(SEED_RESIDENCY_TITLE);
    expect(residency[1]![0]).toBe(`${seedLines[1]}吉林大学第一医院`);
    // 附件4's columns with 专业 added; nothing of the province's is renamed or dropped.
    expect(residency[2]).toEqual([...seedHeader.slice(0, 2), '录取专业', ...seedHeader.slice(2)]);
    const byName = new Map(residency.slice(3).map((r) => [r[1], r]));
    expect(byName.get(s.name('R1'))).toEqual([
      1,
      s.name('R1'),
      '内科',
      expect.any(String),
      s.idNumber('R1'),
      expect.any(String),
      '本科',
      '单位人',
      '长春市某医院',
    ]);
    // 工作单位 is for 单位人 only: a 社会人's stray employer stays off the form.
    expect(byName.get(s.name('R2'))![8] ?? '').toBe('');
  });

  it('printed: one page per table, each with its title, the seal line and the seed headers; masked when asked', async () => {
    const { core, session, s } = await mixedBase();
    const page = await ok(core, session, 'admission.summaryHtml', { reveal: false });
    const sections = page.html.split('<section class="sheet">').slice(1);
    expect(sections).toHaveLength(2);
    const [residency, agp] = sections as [string, string];
    expect(residency).toContain(`<h1>${SEED_RESIDENCY_TITLE}</h1>`);
    expect(residency).toContain('<th>录取专业</th>');
    expect(agp).toContain(`<h1>${seedLines[0]}</h1>`);
    expect(agp).toContain(`培训基地（盖章）：吉林大学第一医院`);
    expect(agp).toContain(`<tr>${seedHeader.map((h) => `<th>${h}</th>`).join('')}</tr>`);
    expect(agp).not.toContain('专业</th>');
    expect(page.html).toContain('break-before: page');
    expect(page.html).not.toContain(s.idNumber('G1'));
    expect(agp).toContain(s.idNumber('G1').slice(0, 6));
  });
});
