import { describe, expect, it } from 'vitest';
import { readTable, type Table } from '../../../src/core/tabular';
import { cellRef, filledColumnSheet, textRow, writeRawXlsx, type RawSheet } from '../../../src/core/testdata';

const texts = (t: Table, sheet = 0) => t.sheets[sheet]!.rows.map((r) => r.map((c) => c.text));
const trimmed = (t: Table) => texts(t).map((r) => r.map((s) => s.trim()).filter((s, i, a) => s !== '' || i < a.length - 1));

function sheetOf(rows: string[], after?: string): RawSheet {
  return { name: 'Sheet1', rows: () => rows, ...(after === undefined ? {} : { after }) };
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Styles: 0 General, 1 builtin 14, 2 builtin 31 (yyyy年m月d日), 3 custom yyyy/m/d, 4 custom 0.00 "天". */
const DATE_STYLES =
  `<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy/m/d"/>` +
  `<numFmt numFmtId="177" formatCode="0.00&quot;天&quot;"/></numFmts>` +
  `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
  `<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs></styleSheet>`;

describe('readTable: XLSX read as a stream', () => {
  it('a column filled down to row 1,048,576 beside 2 people gives the header and the 2 rows', async () => {
    const bytes = await writeRawXlsx({
      sheets: [
        filledColumnSheet('名单', [
          ['姓名', '证件号码'],
          ['张三', '110101199003071234'],
          ['李四', '110101199003075678'],
        ]),
      ],
    });
    const table = await readTable({ fileName: '名单.xlsx', bytes });
    expect(trimmed(table)).toEqual([
      ['姓名', '证件号码'],
      ['张三', '110101199003071234'],
      ['李四', '110101199003075678'],
    ]);
    // A million rows are generated and read: generous for a shared, busy machine (this is not a speed test).
  }, 120_000);

  it('the row limit stops the read as soon as it is passed (the rest of the sheet is never read)', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => textRow(i + 1, [`第${i + 1}行`]));
    // Broken XML after row 30: reaching it would be FILE_CORRUPT.
    const bytes = await writeRawXlsx({ sheets: [sheetOf([...rows, '<row r="31"><c r="A31"><<<'])] });
    await expect(readTable({ fileName: 'r.xlsx', bytes }, { maxRows: 10 })).rejects.toMatchObject({
      code: 'FILE_TOO_MANY_ROWS',
      details: { sheet: 'Sheet1', maxRows: 10 },
    });
    await expect(readTable({ fileName: 'r.xlsx', bytes }, { maxRows: 100 })).rejects.toMatchObject({ code: 'FILE_CORRUPT' });
  });

  it('only rows that show something count toward the limit; row numbers stay true', async () => {
    const blanks = Array.from(
      { length: 500 },
      (_, i) => `<row r="${i + 10}"><c r="B${i + 10}" s="0" t="inlineStr"><is><t xml:space="preserve">   </t></is></c></row>`,
    );
    const bytes = await writeRawXlsx({
      sheets: [sheetOf([textRow(1, ['姓名', '性别']), textRow(2, ['张三', '男']), ...blanks, textRow(1000, ['李四', '女'])])],
    });
    const table = await readTable({ fileName: 'b.xlsx', bytes }, { maxRows: 3 });
    const rows = table.sheets[0]!.rows;
    expect(rows).toHaveLength(1000);
    expect(rows[1]!.map((c) => c.text)).toEqual(['张三', '男']);
    expect(rows[9]).toEqual([]);
    expect(rows[999]!.map((c) => c.text)).toEqual(['李四', '女']);
    await expect(readTable({ fileName: 'b.xlsx', bytes }, { maxRows: 2 })).rejects.toMatchObject({ code: 'FILE_TOO_MANY_ROWS' });
  });

  it('cells and text are charged to a budget: a value at column XFD on every row is refused, not built', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `<row r="${i + 1}"><c r="${cellRef(16_383, i + 1)}"><v>1</v></c></row>`);
    const bytes = await writeRawXlsx({ sheets: [sheetOf(rows)] });
    await expect(readTable({ fileName: 'w.xlsx', bytes }, { maxCells: 100_000 })).rejects.toMatchObject({
      code: 'FILE_TOO_MANY_CELLS',
      message: expect.stringContaining('w.xlsx'),
    });
    const one = await writeRawXlsx({ sheets: [sheetOf(rows.slice(0, 1))] });
    expect((await readTable({ fileName: 'w.xlsx', bytes: one }, { maxCells: 100_000 })).sheets[0]!.rows[0]).toHaveLength(16_384);

    const text = await writeRawXlsx({ sheets: [sheetOf([textRow(1, ['x'.repeat(5000)])])], sharedStrings: ['y'.repeat(5000)] });
    await expect(readTable({ fileName: 't.xlsx', bytes: text }, { maxTextChars: 6000 })).rejects.toMatchObject({
      code: 'FILE_TOO_MANY_CELLS',
    });
    await expect(readTable({ fileName: 't.xlsx', bytes: text }, { maxTextChars: 10_000 })).resolves.toBeTruthy();
  });

  it('numbers in date styles are dates, including the Chinese built-in formats; 1904 workbooks too', async () => {
    const row =
      `<row r="1"><c r="A1" s="1"><v>45444</v></c><c r="B1" s="2"><v>33239</v></c><c r="C1" s="3"><v>45444.5</v></c>` +
      `<c r="D1" s="4"><v>3</v></c><c r="E1"><v>45444</v></c><c r="F1" t="b"><v>0</v></c><c r="G1" t="e"><v>#DIV/0!</v></c>` +
      `<c r="H1" t="str"><f>A1&amp;""</f><v>公式结果</v></c><c r="I1" s="1"><f>A1</f><v>45445</v></c></row>`;
    const table = await readTable({
      fileName: 'd.xlsx',
      bytes: await writeRawXlsx({ sheets: [sheetOf([row])], styles: DATE_STYLES }),
    });
    expect(table.sheets[0]!.rows[0]).toEqual([
      { text: '2024-06-01', type: 'date' },
      { text: '1991-01-01', type: 'date' },
      { text: '2024-06-01 12:00:00', type: 'date' },
      { text: '3', type: 'number', number: 3 },
      { text: '45444', type: 'number', number: 45444 },
      { text: 'FALSE', type: 'boolean' },
      { text: '#DIV/0!', type: 'string' },
      { text: '公式结果', type: 'string' },
      { text: '2024-06-02', type: 'date' },
    ]);
    const t1904 = await writeRawXlsx({
      sheets: [sheetOf(['<row r="1"><c r="A1" s="1"><v>43982</v></c></row>'])],
      styles: DATE_STYLES,
      date1904: true,
    });
    expect(texts(await readTable({ fileName: 'e.xlsx', bytes: t1904 }))).toEqual([['2024-06-01']]);
  });

  it('text: phonetic guides are left out, _xHHHH_ escapes, entities, CDATA and CRLF are decoded as Excel shows them', async () => {
    const ss = [
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh sb="0" eb="1"><t>zhang</t></rPh></is></c>',
      '<c r="B1" t="inlineStr"><is><t>A&amp;B &lt;&#x4E00;&#20108;&gt;</t></is></c>',
      '<c r="C1" t="inlineStr"><is><t>第一行_x000D_\r\n第二行</t></is></c>',
      '<c r="D1" t="inlineStr"><is><t><![CDATA[a<b & c]]></t></is></c></row>',
    ];
    const table = await readTable({ fileName: 'x.xlsx', bytes: await writeRawXlsx({ sheets: [sheetOf(ss)] }) });
    expect(texts(table)).toEqual([['张三', 'A&B <一二>', '第一行\r\n第二行', 'a<b & c']]);
  });

  it('a DOCTYPE (entity declarations: XXE, billion laughs) or an undeclared entity is FILE_CORRUPT', async () => {
    const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>';
    for (const body of [
      `${laughs}<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>`,
      '<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>',
    ]) {
      const bytes = await writeRawXlsx({ sheets: [sheetOf([body])] });
      await expect(readTable({ fileName: 'x.xlsx', bytes })).rejects.toMatchObject({ code: 'FILE_CORRUPT' });
    }
  });

  it('values hidden under a merged range read as empty; the top-left keeps its value', async () => {
    const rows = [textRow(1, ['标题', '藏起来的', '也藏起来']), textRow(2, ['姓名', '性别']), textRow(3, ['合并', '隐藏值'])];
    const bytes = await writeRawXlsx({
      sheets: [sheetOf(rows, '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B3:B4"/></mergeCells>')],
    });
    const table = await readTable({ fileName: 'm.xlsx', bytes });
    expect(texts(table)).toEqual([['标题'], ['姓名', '性别'], ['合并', '隐藏值']]);
  });

  it('row numbers out of order or past row 1,048,576 are FILE_CORRUPT', async () => {
    for (const rows of [[textRow(5, ['a']), textRow(3, ['b'])], [textRow(1_048_577, ['a'])]]) {
      const bytes = await writeRawXlsx({ sheets: [sheetOf(rows)] });
      await expect(readTable({ fileName: 'o.xlsx', bytes })).rejects.toMatchObject({ code: 'FILE_CORRUPT' });
    }
  });
});

describe('readTable: CSV budgets', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it('lines of separators and spaces do not count toward the row limit and read as []', async () => {
    const table = await readTable({ fileName: 'a.csv', bytes: utf8('姓名,性别\n,,,\n , \n张三,男\n') }, { maxRows: 2 });
    expect(texts(table)).toEqual([['姓名', '性别'], [], [], ['张三', '男']]);
  });

  it('a line with more fields than Excel has columns is refused before it is built', async () => {
    await expect(readTable({ fileName: 'w.csv', bytes: utf8(`a${','.repeat(20_000)}\n`) })).rejects.toMatchObject({
      code: 'FILE_TOO_MANY_CELLS',
    });
  });
});
