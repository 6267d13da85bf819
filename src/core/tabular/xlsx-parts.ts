/**
 * The workbook-level parts of an .xlsx: which sheets there are (tab order, names, where they live), which
 * cell styles show numbers as dates, and the shared strings table. Each is read as a stream of XML events.
 */
import type { XlsxParts } from './xlsx-zip';
import { NO_TEXT, type XmlHandler, type XmlScanner } from './xml-scan';

export type SheetRef = { name: string; path: string };
/** `valid` is false when the part has no <workbook> root at all (not XML we know). */
export type WorkbookInfo = { sheets: SheetRef[]; date1904: boolean; valid: boolean };

/** A handler that reads no text: for parts made only of attributes. */
function attributesOnly(open: (name: string, scan: XmlScanner) => void): XmlHandler {
  return { open, close: () => {}, text: () => {}, wantText: () => false };
}

export async function readWorkbook(parts: XlsxParts): Promise<WorkbookInfo> {
  const declared: { name: string; rid: string }[] = [];
  let date1904 = false;
  let valid = false;
  await parts.scan(
    'xl/workbook.xml',
    attributesOnly((name, scan) => {
      if (name === 'workbook') valid = true;
      else if (name === 'sheet') declared.push({ name: scan.attr('name') ?? '', rid: scan.attr('id') ?? '' });
      else if (name === 'workbookPr') date1904 = isTrue(scan.attr('date1904'));
    }),
    NO_TEXT,
  );
  const targets = new Map<string, string>();
  await parts.scan(
    'xl/_rels/workbook.xml.rels',
    attributesOnly((name, scan) => {
      // Chart sheets and dialog sheets hold no cells: only worksheets are read.
      if (name === 'Relationship' && (scan.attr('Type') ?? '').endsWith('/worksheet')) {
        targets.set(scan.attr('Id') ?? '', resolveTarget(scan.attr('Target') ?? ''));
      }
    }),
    NO_TEXT,
  );
  const sheets = declared.flatMap((s) => {
    const path = targets.get(s.rid);
    return path === undefined ? [] : [{ name: s.name, path }];
  });
  return { sheets, date1904, valid };
}

/** Targets are relative to xl/ or absolute from the package root. */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts: string[] = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

/**
 * Built-in number formats that show a date or time: 14-22 everywhere, 27-36 and 50-58 in the Chinese,
 * Japanese and Korean versions of Excel (27 is "yyyy年m月", 31 "yyyy年m月d日"), 45-47 are times.
 */
function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A format code shows a date when, outside quoted text and [colour]/[locale] brackets, it has date or time letters. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** For each cell style index (the `s` of a cell), whether numbers in it are dates. */
export async function readDateStyles(parts: XlsxParts): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await parts.scan(
    'xl/styles.xml',
    {
      open: (name, scan) => {
        if (name === 'numFmt') custom.set(Number(scan.attr('numFmtId')), scan.attr('formatCode') ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfFormats.push(Number(scan.attr('numFmtId') ?? 0));
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text: () => {},
      wantText: () => false,
    },
    NO_TEXT,
  );
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : isBuiltinDateFormat(id);
  });
}

/** Excel escapes characters XML cannot carry as _xHHHH_ inside text. */
export function decodeOoxmlEscapes(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

export type SharedStringLimits = { maxStrings: number; maxChars: number; onTooMuch: () => never };

/**
 * The shared strings table: one string per <si>, the text of its runs joined. Phonetic guides (<rPh>, the
 * pinyin or furigana shown above a name) are not part of what the cell says and are left out.
 */
export async function readSharedStrings(parts: XlsxParts, lim: SharedStringLimits): Promise<string[]> {
  const strings: string[] = [];
  let chars = 0;
  let inSi = false;
  let phonetic = 0;
  let inT = false;
  let pieces: string[] = [];
  await parts.scan(
    'xl/sharedStrings.xml',
    {
      open: (name) => {
        if (name === 'si') {
          inSi = true;
          pieces = [];
        } else if (name === 'rPh') phonetic++;
        else if (name === 't' && inSi && phonetic === 0) inT = true;
      },
      close: (name) => {
        if (name === 't') inT = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') {
          inSi = false;
          const s = decodeOoxmlEscapes(pieces.length === 1 ? pieces[0]! : pieces.join(''));
          chars += s.length;
          if (strings.length >= lim.maxStrings || chars > lim.maxChars) lim.onTooMuch();
          strings.push(s);
        }
      },
      text: (t) => void pieces.push(t),
      wantText: () => inT,
    },
    { maxBytes: lim.maxChars * 3 + 64, onTooLong: lim.onTooMuch },
  );
  return strings;
}
