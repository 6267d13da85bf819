import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readTable, type Cell, type Table } from '../../../src/core/tabular';
import { validateIdCell, parseDate } from '../../../src/core/identity';
import { createRng, makeApplicants, writeXlsx } from '../../../src/core/testdata';
import { buildCfb, buildZip, lieAboutSizes } from './fixtures';

const texts = (t: Table, sheet = 0) => t.sheets[sheet]!.rows.map((r) => r.map((c) => c.text));

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readTable: XLSX', () => {
  it('round-trips generated applicants', async () => {
    const people = makeApplicants(createRng(5), 20);
    const table = await readTable({ fileName: '名单.xlsx', bytes: await writeXlsx(people, { sheetName: '报名' }) });
    expect(table.format).toBe('xlsx');
    expect(table.encoding).toBeUndefined();
    expect(table.sheets.map((s) => s.name)).toEqual(['报名']);
    const rows = texts(table);
    expect(rows[0]).toEqual(Object.keys(people[0]!));
    // Empty values (工作单位 of 社会人...) come back as empty cells; compare with trailing empties trimmed.
    const trim = (r: string[]) => {
      const out = [...r];
      while (out.length > 0 && out[out.length - 1] === '') out.pop();
      return out;
    };
    expect(rows.slice(1).map(trim)).toEqual(people.map((p) => trim(Object.values(p))));
  });

  it('a numeric ID cell is detected as ID_EXCEL_NUMBER; text IDs validate', async () => {
    const people = makeApplicants(createRng(9), 5).filter((p) => !p.证件号码.endsWith('X'));
    const damaged = await readTable({ fileName: 'd.xlsx', bytes: await writeXlsx(people, { idAsNumber: true }) });
    const col = texts(damaged)[0]!.indexOf('证件号码');
    for (const row of damaged.sheets[0]!.rows.slice(1)) {
      const cell = row[col]!;
      expect(cell.type).toBe('number');
      expect(cell.number).toBeGreaterThan(2 ** 53);
      expect(cell.text).toMatch(/^\d{18}$/); // JS prints the damaged number in full...
      expect(validateIdCell(cell)).toMatchObject({ ok: false, code: 'ID_EXCEL_NUMBER' }); // ...but it is caught
    }
    const intact = await readTable({ fileName: 'i.xlsx', bytes: await writeXlsx(people) });
    intact.sheets[0]!.rows.slice(1).forEach((row, i) => {
      expect(validateIdCell(row[col]!)).toEqual({ ok: true, value: people[i]!.证件号码 });
    });
  });

  it('maps every kind of cell value to what a person sees', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('类型');
      ws.getCell('A1').value = '文本';
      ws.getCell('B1').value = 42;
      ws.getCell('C1').value = 0.1 + 0.2;
      ws.getCell('D1').value = 110105194912310000;
      ws.getCell('E1').value = new Date(Date.UTC(2024, 5, 1));
      ws.getCell('F1').value = true;
      ws.getCell('G1').value = { richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] };
      ws.getCell('H1').value = { text: '链接', hyperlink: 'https://example.com' };
      ws.getCell('I1').value = { formula: 'B1*2', result: 84 };
      ws.getCell('J1').value = { formula: 'A1&"!"', result: '文本!' };
      ws.getCell('K1').value = { error: '#N/A' };
      ws.getCell('L1').value = new Date(Date.UTC(2024, 5, 1, 8, 30, 0));
      ws.getCell('M1').value = { formula: 'E1', result: new Date(Date.UTC(2020, 8, 1)) };
    });
    const row = (await readTable({ fileName: 't.xlsx', bytes })).sheets[0]!.rows[0]!;
    const expected: Cell[] = [
      { text: '文本', type: 'string' },
      { text: '42', type: 'number', number: 42 },
      { text: '0.3', type: 'number', number: 0.1 + 0.2 },
      { text: '110105194912310000', type: 'number', number: 110105194912310000 },
      { text: '2024-06-01', type: 'date' },
      { text: 'TRUE', type: 'boolean' },
      { text: '张三', type: 'string' },
      { text: '链接', type: 'string' },
      { text: '84', type: 'number', number: 84 },
      { text: '文本!', type: 'string' },
      { text: '#N/A', type: 'string' },
      { text: '2024-06-01 08:30:00', type: 'date' },
      { text: '2020-09-01', type: 'date' },
    ];
    expect(row).toEqual(expected);
    expect(parseDate(row[4]!)).toEqual({ ok: true, value: '2024-06-01' });
  });

  it('reads all sheets in order, keeps empty rows, fills gaps, blanks merged cells after the first', async () => {
    const bytes = await workbookBytes((wb) => {
      const a = wb.addWorksheet('说明');
      a.getCell('A1').value = '导入说明';
      const b = wb.addWorksheet('名单');
      b.getCell('A1').value = '2024年招收名单';
      b.mergeCells('A1:C1');
      b.getCell('A3').value = '姓名';
      b.getCell('C3').value = '性别';
      b.getCell('A4').value = '张三';
      b.getCell('C4').value = '男';
      b.getRow(6).height = 30; // formatting only: not data
      wb.addWorksheet('空表');
    });
    const table = await readTable({ fileName: 'm.xlsx', bytes });
    expect(table.sheets.map((s) => s.name)).toEqual(['说明', '名单', '空表']);
    expect(texts(table, 1)).toEqual([['2024年招收名单'], [], ['姓名', '', '性别'], ['张三', '', '男']]);
    expect(table.sheets[1]!.rows[2]![1]).toEqual({ text: '', type: 'empty' });
    expect(table.sheets[2]!.rows).toEqual([]);
  });

  it('reads shared strings (as Excel writes them)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['重复', '重复']);
    ws.addRow(['重复', '其他']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer({ useSharedStrings: true })) as ArrayBuffer);
    expect(texts(await readTable({ fileName: 's.xlsx', bytes }))).toEqual([
      ['重复', '重复'],
      ['重复', '其他'],
    ]);
  });

  it('a renamed workbook (.csv name, xlsx content) is still read as xlsx', async () => {
    const bytes = await writeXlsx([{ 姓名: '张三' }]);
    expect((await readTable({ fileName: '名单.csv', bytes })).format).toBe('xlsx');
  });

  it('too many rows is FILE_TOO_MANY_ROWS naming the sheet', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ 序号: i + 1 }));
    const bytes = await writeXlsx(rows, { sheetName: '名单' });
    await expect(readTable({ fileName: 'r.xlsx', bytes }, { maxRows: 10 })).rejects.toMatchObject({
      code: 'FILE_TOO_MANY_ROWS',
      details: { sheet: '名单' },
    });
    await expect(readTable({ fileName: 'r.xlsx', bytes }, { maxRows: 13 })).resolves.toBeTruthy();
  });

  it('a workbook without any value is FILE_EMPTY', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Sheet1').getCell('B2').value = '   ';
    });
    await expect(readTable({ fileName: '空.xlsx', bytes })).rejects.toMatchObject({ code: 'FILE_EMPTY' });
  });
});

describe('readTable: refusing files safely', () => {
  it('an encrypted workbook (CFB with EncryptionInfo) is FILE_ENCRYPTED', async () => {
    const bytes = buildCfb(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);
    const err = await readTable({ fileName: '加密.xlsx', bytes }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'FILE_ENCRYPTED', details: { fileName: '加密.xlsx' } });
    expect((err as Error).message).toContain('加密.xlsx');
    expect((err as Error).message).toContain('取消密码');
  });

  it('an old .xls (CFB with a Workbook stream) is FILE_UNSUPPORTED asking for .xlsx', async () => {
    for (const name of ['Workbook', 'Book']) {
      const err = await readTable({ fileName: '旧.xls', bytes: buildCfb([name]) }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'FILE_UNSUPPORTED', details: { detected: 'xls' } });
      expect((err as Error).message).toContain('.xlsx');
    }
  });

  it('a Word document is FILE_UNSUPPORTED, not called a spreadsheet', async () => {
    await expect(readTable({ fileName: '报名表.doc', bytes: buildCfb(['WordDocument']) })).rejects.toMatchObject({
      code: 'FILE_UNSUPPORTED',
      details: { detected: 'cfb' },
    });
  });

  it('stream names are matched only as directory entries, not inside data', async () => {
    const bytes = buildCfb(['Workbook']);
    const withText = new Uint8Array(bytes.length + 600);
    withText.set(bytes);
    withText.set(Buffer.from('EncryptionInfo', 'utf16le'), bytes.length + 3); // unaligned: stream content
    await expect(readTable({ fileName: 'x.xls', bytes: withText })).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED' });
  });

  it('non-zip bytes named .xlsx are FILE_CORRUPT', async () => {
    const bytes = new TextEncoder().encode('this is not a workbook');
    await expect(readTable({ fileName: '坏.xlsx', bytes })).rejects.toMatchObject({
      code: 'FILE_CORRUPT',
      message: expect.stringContaining('坏.xlsx'),
    });
  });

  it('a truncated workbook is FILE_CORRUPT', async () => {
    const bytes = await writeXlsx([{ 姓名: '张三' }]);
    await expect(readTable({ fileName: 't.xlsx', bytes: bytes.slice(0, bytes.length - 200) })).rejects.toMatchObject({
      code: 'FILE_CORRUPT',
    });
  });

  it('a zip with a broken workbook part is FILE_CORRUPT', async () => {
    const bytes = await buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<<<not xml') },
    ]);
    await expect(readTable({ fileName: 'b.xlsx', bytes })).rejects.toMatchObject({ code: 'FILE_CORRUPT' });
  });

  it('a zip that is not a workbook is FILE_UNSUPPORTED', async () => {
    const bytes = await buildZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]);
    await expect(readTable({ fileName: 'a.zip', bytes })).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED' });
    const xlsb = await buildZip([{ name: 'xl/workbook.bin', data: Buffer.from([1, 2, 3]) }]);
    await expect(readTable({ fileName: 'a.xlsb', bytes: xlsb })).rejects.toMatchObject({
      code: 'FILE_UNSUPPORTED',
      details: { detected: 'xlsb' },
    });
  });

  it('a zip bomb over the uncompressed limit is FILE_ZIP_BOMB', async () => {
    const bytes = await buildZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2 * 1024 * 1024) },
    ]);
    expect(bytes.length).toBeLessThan(64 * 1024);
    await expect(readTable({ fileName: '炸弹.xlsx', bytes }, { maxUncompressedBytes: 1024 * 1024 })).rejects.toMatchObject({
      code: 'FILE_ZIP_BOMB',
      message: expect.stringContaining('炸弹.xlsx'),
    });
  });

  it('an entry with an absurd compression ratio is FILE_ZIP_BOMB even under the total limit', async () => {
    const bytes = await buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(11 * 1024 * 1024) }]);
    await expect(readTable({ fileName: 'z.xlsx', bytes })).rejects.toMatchObject({ code: 'FILE_ZIP_BOMB' });
  });

  it('a zip that understates its sizes in the directory is caught while inflating', async () => {
    const honest = await buildZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1024 * 1024) },
    ]);
    const lying = lieAboutSizes(honest, 10);
    await expect(readTable({ fileName: 'l.xlsx', bytes: lying }, { maxUncompressedBytes: 1000 })).rejects.toMatchObject({
      code: 'FILE_ZIP_BOMB',
    });
  });

  it('an HTML table saved as .xls is FILE_UNSUPPORTED with advice', async () => {
    const bytes = new TextEncoder().encode('\ufeff<html><body><table><tr><td>姓名</td></tr></table></body></html>');
    const err = await readTable({ fileName: '导出.xls', bytes }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'FILE_UNSUPPORTED', details: { detected: 'html' } });
    expect((err as Error).message).toContain('另存为');
  });

  it('unknown extension and content is FILE_UNSUPPORTED', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x00, 0x01]);
    await expect(readTable({ fileName: '扫描件.pdf', bytes })).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED' });
    await expect(readTable({ fileName: 'noext', bytes: new TextEncoder().encode('a,b') })).rejects.toMatchObject({
      code: 'FILE_UNSUPPORTED',
    });
  });

  it('0 bytes named .xlsx is FILE_EMPTY; too large is FILE_TOO_LARGE before anything else', async () => {
    await expect(readTable({ fileName: 'e.xlsx', bytes: new Uint8Array() })).rejects.toMatchObject({ code: 'FILE_EMPTY' });
    await expect(
      readTable({ fileName: 'big.xlsx', bytes: buildCfb(['EncryptionInfo']) }, { maxBytes: 100 }),
    ).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });
});
