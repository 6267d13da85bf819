/**
 * Workbooks written part by part, for the cases a spreadsheet library would not write for us: sheets of a
 * million rows generated as a stream (no big file is ever committed), hand-written styles, phonetic runs,
 * values hidden under merged cells, broken XML. Rows are XML strings produced lazily, so a 2.5-million-row
 * sheet is built in a few MB of memory.
 */
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

export type RawSheet = {
  name: string;
  /** `<row>` elements, produced lazily. */
  rows: () => Iterable<string>;
  /** XML after </sheetData>, e.g. `<mergeCells>…</mergeCells>`. */
  after?: string;
};

export type RawWorkbook = {
  sheets: RawSheet[];
  sharedStrings?: readonly string[];
  /** The whole <styleSheet> element; a minimal one when absent. */
  styles?: string;
  date1904?: boolean;
};

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'));
}

/** "A1"-style reference of a 0-based column and a 1-based row. */
export function cellRef(col: number, row: number): string {
  let s = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row}`;
}

/** An inline-string cell. */
export function textCell(col: number, row: number, text: string): string {
  return `<c r="${cellRef(col, row)}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** One row of inline-string cells starting at column A; empty strings are left out. */
export function textRow(row: number, values: readonly string[]): string {
  const cells = values.map((v, i) => (v === '' ? '' : textCell(i, row, v))).join('');
  return `<row r="${row}">${cells}</row>`;
}

export async function writeRawXlsx(wb: RawWorkbook): Promise<Uint8Array> {
  const zip = new ZipFile();
  const sheetEntries = wb.sheets.map((s, i) => ({ ...s, id: i + 1 }));
  zip.addBuffer(Buffer.from(contentTypes(sheetEntries.length)), '[Content_Types].xml');
  zip.addBuffer(
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    '_rels/.rels',
  );
  zip.addBuffer(Buffer.from(workbookXml(sheetEntries, wb.date1904 === true)), 'xl/workbook.xml');
  zip.addBuffer(Buffer.from(workbookRels(sheetEntries.length)), 'xl/_rels/workbook.xml.rels');
  zip.addBuffer(Buffer.from(wb.styles ?? minimalStyles()), 'xl/styles.xml');
  if (wb.sharedStrings) {
    const items = wb.sharedStrings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('');
    zip.addBuffer(
      Buffer.from(
        `<sst xmlns="${NS}" count="${wb.sharedStrings.length}" uniqueCount="${wb.sharedStrings.length}">${items}</sst>`,
      ),
      'xl/sharedStrings.xml',
    );
  }
  for (const s of sheetEntries) zip.addReadStream(sheetStream(s), `xl/worksheets/sheet${s.id}.xml`);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The sheet XML in chunks of about 64 KiB. */
function sheetStream(s: RawSheet): Readable {
  function* chunks(): Generator<Buffer> {
    yield Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>`,
    );
    let parts: string[] = [];
    let size = 0;
    for (const row of s.rows()) {
      parts.push(row);
      size += row.length;
      if (size >= 64 * 1024) {
        yield Buffer.from(parts.join(''));
        parts = [];
        size = 0;
      }
    }
    yield Buffer.from(`${parts.join('')}</sheetData>${s.after ?? ''}</worksheet>`);
  }
  return Readable.from(chunks());
}

function contentTypes(sheets: number): string {
  const overrides = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `${overrides}</Types>`
  );
}

function workbookXml(sheets: { name: string; id: number }[], date1904: boolean): string {
  const list = sheets.map((s) => `<sheet name="${escapeXml(s.name)}" sheetId="${s.id}" r:id="rId${s.id}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}">${
    date1904 ? '<workbookPr date1904="1"/>' : ''
  }<sheets>${list}</sheets></workbook>`;
}

function workbookRels(sheets: number): string {
  const rels = Array.from(
    { length: sheets },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  const styles = `<Relationship Id="rId${sheets + 1}" Type="${REL}/styles" Target="styles.xml"/>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${styles}</Relationships>`;
}

/** Style 0 is General; style 1 has a yellow fill (what "filling a column" leaves on every cell). */
function minimalStyles(): string {
  return (
    `<styleSheet xmlns="${NS}"><fonts count="1"><font/></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
    `<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills>` +
    `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs></styleSheet>`
  );
}

/**
 * A roster sheet as people break it: the header and data rows, then the column right of the header
 * "filled" down to Excel's last row 1,048,576: every other cell carries only the fill colour, the rest a
 * single space (what typing a space and filling down leaves). About 5 MB; the data is `rows.length - 1`
 * people.
 */
export function filledColumnSheet(name: string, rows: readonly (readonly string[])[]): RawSheet {
  const fillCol = rows[0]?.length ?? 0;
  return {
    name,
    rows: function* () {
      for (let r = 1; r <= 1_048_576; r++) {
        const data = r <= rows.length ? rows[r - 1]!.map((v, i) => (v === '' ? '' : textCell(i, r, v))).join('') : '';
        const ref = cellRef(fillCol, r);
        const fill =
          r % 2 === 0 ? `<c r="${ref}" s="1"/>` : `<c r="${ref}" s="1" t="inlineStr"><is><t xml:space="preserve"> </t></is></c>`;
        yield `<row r="${r}">${data}${fill}</row>`;
      }
    },
  };
}

/** `count` rows of one numeric cell each, the shape of the 19 MB, 2.5-million-row file. */
export function oneCellRowsSheet(name: string, count: number): RawSheet {
  return {
    name,
    rows: function* () {
      for (let r = 1; r <= count; r++) yield `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
    },
  };
}
