import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseDelimited, readTable, type Table } from '../../../src/core/tabular';
import { createRng, makeApplicants, writeCsv } from '../../../src/core/testdata';

const utf8 = (s: string) => new TextEncoder().encode(s);
const texts = (t: Table, sheet = 0) => t.sheets[sheet]!.rows.map((r) => r.map((c) => c.text));

function parse(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  parseDelimited(
    text,
    delimiter,
    (fields) => rows.push(fields),
    (row) => {
      throw new Error(`unclosed quote at row ${row}`);
    },
  );
  return rows;
}

describe('parseDelimited', () => {
  it('handles quoted fields with commas, newlines and doubled quotes', () => {
    expect(parse('a,"b,c","say ""hi""","line1\nline2",e\n')).toEqual([['a', 'b,c', 'say "hi"', 'line1\nline2', 'e']]);
  });

  it('handles CRLF, LF and lone CR line ends, and no final newline', () => {
    expect(parse('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps blank lines as empty rows and empty fields as ""', () => {
    expect(parse('a,,b\r\n\r\n,\r\nc,\n')).toEqual([['a', '', 'b'], [], ['', ''], ['c', '']]);
  });

  it('keeps a quoted newline inside one row; the next row number follows the records', () => {
    const seen: number[] = [];
    parseDelimited(
      '"x\ny",1\nz,2\n',
      ',',
      (_f, n) => seen.push(n),
      () => {
        throw new Error('no');
      },
    );
    expect(seen).toEqual([1, 2]);
  });

  it('keeps text after a closing quote, as Excel does', () => {
    expect(parse('"ab"cd,e')).toEqual([['abcd', 'e']]);
  });

  it('does not trim', () => {
    expect(parse(' a , b ')).toEqual([[' a ', ' b ']]);
  });

  it('parses tab-separated text', () => {
    expect(parse('a\tb,c\t"d\te"\n', '\t')).toEqual([['a', 'b,c', 'd\te']]);
  });

  it('reports an unclosed quote with its row number', () => {
    expect(() => parse('a,b\nc,"unclosed\nmore')).toThrow('unclosed quote at row 2');
  });

  it('stays linear on large input (many rows, long quoted fields)', () => {
    const long = '"' + 'x""'.repeat(100_000) + '"';
    const text = (long + ',1\n').repeat(5) + 'a,b\n'.repeat(200_000);
    const rows = parse(text);
    expect(rows).toHaveLength(200_005);
    expect(rows[0]![0]).toHaveLength(200_000);
  });
});

describe('decodeText / detectDelimiter', () => {
  it('UTF-8 with and without BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('姓名')]))).toEqual({ text: '姓名', encoding: 'utf-8' });
    expect(decodeText(utf8('姓名'))).toEqual({ text: '姓名', encoding: 'utf-8' });
  });

  it('GBK bytes are decoded as GB18030', () => {
    // 姓名 in GBK
    expect(decodeText(new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb]))).toEqual({ text: '姓名', encoding: 'gb18030' });
  });

  it('UTF-16LE with BOM (Excel "Unicode 文本")', () => {
    const body = Buffer.from('姓名\t性别', 'utf16le');
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...body]))).toEqual({ text: '姓名\t性别', encoding: 'utf-16le' });
  });

  it('tabs only when the first separated line has tabs and no commas', () => {
    expect(detectDelimiter('标题\n姓名\t性别\n')).toBe('\t');
    expect(detectDelimiter('姓名,性别\n')).toBe(',');
    expect(detectDelimiter('姓名\t备注,说明\n')).toBe(',');
    expect(detectDelimiter('只有一列\n')).toBe(',');
  });
});

describe('readTable: CSV', () => {
  it('round-trips generated applicants through a GB18030 CSV', async () => {
    const people = makeApplicants(createRng(11), 30);
    const bytes = writeCsv(people, { encoding: 'gb18030' });
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const table = await readTable({ fileName: '报名名单.csv', bytes });
    expect(table.format).toBe('csv');
    expect(table.encoding).toBe('gb18030');
    expect(table.sheets).toHaveLength(1);
    expect(table.sheets[0]!.name).toBe('报名名单');
    const rows = texts(table);
    expect(rows[0]).toEqual(Object.keys(people[0]!));
    expect(rows.slice(1)).toEqual(people.map((p) => Object.values(p)));
  });

  it('reads UTF-8 with BOM and strips the BOM from the first header', async () => {
    const bytes = writeCsv([{ 姓名: '张三', 证件号码: '11010519491231002X' }], { encoding: 'utf-8', bom: true });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = await readTable({ fileName: 'a.csv', bytes });
    expect(table.encoding).toBe('utf-8');
    expect(texts(table)).toEqual([
      ['姓名', '证件号码'],
      ['张三', '11010519491231002X'],
    ]);
  });

  it('round-trips quoted fields written by writeCsv', async () => {
    const rows = [
      ['姓名', '备注'],
      ['张三', '含,逗号'],
      ['李四', '含"引号"'],
      ['王五', '两行\r\n内容'],
      ['赵六', ' 前后空格 '],
    ];
    const table = await readTable({ fileName: 'q.csv', bytes: writeCsv(rows, { encoding: 'gb18030' }) });
    expect(texts(table)).toEqual(rows);
  });

  it('marks cells as string or empty, and keeps empty rows so row numbers stay true', async () => {
    const table = await readTable({ fileName: 'a.csv', bytes: utf8('标题\n\n姓名,性别\n张三,\n') });
    const rows = table.sheets[0]!.rows;
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([]);
    expect(rows[3]).toEqual([
      { text: '张三', type: 'string' },
      { text: '', type: 'empty' },
    ]);
  });

  it('reads tab-separated .txt and .tsv', async () => {
    const t1 = await readTable({ fileName: 'a.txt', bytes: utf8('姓名\t性别\r\n张三\t男\r\n') });
    expect(texts(t1)).toEqual([
      ['姓名', '性别'],
      ['张三', '男'],
    ]);
    const t2 = await readTable({ fileName: 'a.tsv', bytes: utf8('姓名,甲\t性别\n') });
    expect(texts(t2)).toEqual([['姓名,甲', '性别']]);
  });

  it('reads a text file that a platform exported with an .xls name', async () => {
    const t = await readTable({ fileName: 'export.xls', bytes: utf8('姓名\t性别\n张三\t男\n') });
    expect(t.format).toBe('csv');
    expect(texts(t)[1]).toEqual(['张三', '男']);
  });

  it('an unclosed quote is FILE_CORRUPT naming the row', async () => {
    await expect(readTable({ fileName: 'bad.csv', bytes: utf8('a,b\n"c,d\n') })).rejects.toMatchObject({
      code: 'FILE_CORRUPT',
      details: { row: 2 },
    });
  });

  it.each([
    ['0 bytes', new Uint8Array()],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['only whitespace', utf8('  \r\n\t\n')],
    ['BOM + newlines', new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a])],
    ['only separators and blanks', utf8(',,,\n , ,\n')],
  ])('%s is FILE_EMPTY', async (_l, bytes) => {
    await expect(readTable({ fileName: '空.csv', bytes })).rejects.toMatchObject({
      code: 'FILE_EMPTY',
      message: expect.stringContaining('空.csv'),
    });
  });

  it('too many rows is FILE_TOO_MANY_ROWS', async () => {
    const bytes = utf8('a\n'.repeat(11));
    await expect(readTable({ fileName: 'a.csv', bytes }, { maxRows: 10 })).rejects.toMatchObject({
      code: 'FILE_TOO_MANY_ROWS',
    });
    await expect(readTable({ fileName: 'a.csv', bytes }, { maxRows: 11 })).resolves.toMatchObject({ format: 'csv' });
  });

  it('too many bytes is FILE_TOO_LARGE', async () => {
    await expect(readTable({ fileName: '大.csv', bytes: utf8('a,b,c\n') }, { maxBytes: 5 })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: expect.stringContaining('大.csv'),
    });
  });
});
