import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createRng, encodeGb18030, makeApplicants, SURNAMES, writeCsv, writeXlsx } from '../../../src/core/testdata';

const gbDecode = (b: Uint8Array) => new TextDecoder('gb18030').decode(b);

describe('encodeGb18030', () => {
  it('encodes as Excel on Chinese Windows does (GBK two-byte codes)', () => {
    expect([...encodeGb18030('张三')]).toEqual([0xd5, 0xc5, 0xc8, 0xfd]);
    expect([...encodeGb18030('a,1')]).toEqual([0x61, 0x2c, 0x31]);
  });

  it('round-trips names, punctuation and full-width forms', () => {
    const text = `${SURNAMES.join('')}欧阳买买提·艾力，（）：“”、。１２Ａ\r\n`;
    expect(gbDecode(encodeGb18030(text))).toBe(text);
  });

  it('refuses characters that need four-byte codes', () => {
    expect(() => encodeGb18030('😀')).toThrow(/GBK/);
  });
});

describe('writeCsv', () => {
  it('writes a header from object keys, CRLF, and quotes only when needed', () => {
    const bytes = writeCsv(
      [
        { 姓名: '张三', 备注: 'a,b' },
        { 姓名: '李"四', 备注: '两\n行' },
        { 姓名: ' 王五', 备注: null },
      ],
      { encoding: 'utf-8', bom: false },
    );
    expect(new TextDecoder().decode(bytes)).toBe('姓名,备注\r\n张三,"a,b"\r\n"李""四","两\n行"\r\n" 王五",\r\n');
  });

  it('UTF-8 has a BOM by default; GB18030 never', () => {
    expect([...writeCsv([['a']], { encoding: 'utf-8' }).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...writeCsv([['张']], { encoding: 'gb18030' })]).toEqual([0xd5, 0xc5, 0x0d, 0x0a]);
  });

  it('writes nothing for no rows', () => {
    expect(writeCsv([], { encoding: 'gb18030' })).toHaveLength(0);
  });
});

describe('writeXlsx', () => {
  it('writes IDs as text, or as damaged numbers with idAsNumber', async () => {
    const people = makeApplicants(createRng(1), 3).map((p) => ({ ...p, 证件号码: p.证件号码.replace(/X$/, '0') }));
    const read = async (bytes: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
      return wb.worksheets[0]!;
    };
    const col = Object.keys(people[0]!).indexOf('证件号码') + 1;
    const asText = await read(await writeXlsx(people, { sheetName: '报名' }));
    expect(asText.name).toBe('报名');
    expect(asText.getRow(2).getCell(col).value).toBe(people[0]!.证件号码);
    const asNumber = await read(await writeXlsx(people, { idAsNumber: true }));
    const v = asNumber.getRow(2).getCell(col).value;
    expect(typeof v).toBe('number');
    // Excel keeps 15 significant digits: the last three digits are gone (rounded away).
    expect(v).toBe(Number(Number(people[0]!.证件号码).toPrecision(15)));
    expect(String(v)).toMatch(/^\d{15}000$/);
    expect(asNumber.getRow(1).getCell(col).value).toBe('证件号码');
  });
});
