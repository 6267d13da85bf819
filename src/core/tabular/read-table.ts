import type { ReadLimits, ResolvedLimits, Table } from './types';
import { DEFAULT_LIMITS } from './types';
import { fileErrors } from './file-errors';
import { classifyCfb, isCfb } from './cfb';
import { checkZip } from './zip-guard';
import { readCsv } from './csv';
import { readXlsxSheets } from './xlsx';

const XLSX_EXT = new Set(['xlsx', 'xlsm', 'xltx', 'xltm']);
const TEXT_EXT = new Set(['csv', 'tsv', 'txt']);
/** Formats people pick by mistake: sniffing decides what to tell them. */
const OLD_SHEET_EXT = new Set(['xls', 'xlt', 'et', 'ett', 'xlsb']);

/**
 * Read a spreadsheet a user brought, deciding the format from the content first (a renamed file still
 * reads) and the extension second. Throws AppError with FILE_* codes; every message names the file.
 */
export async function readTable(input: { fileName: string; bytes: Uint8Array }, limits?: ReadLimits): Promise<Table> {
  const lim = { ...DEFAULT_LIMITS, ...stripUndefined(limits ?? {}) };
  const { fileName, bytes } = input;
  const ext = extensionOf(fileName);

  if (bytes.length > lim.maxBytes) throw fileErrors.tooLarge(fileName, bytes.length, lim.maxBytes);
  if (bytes.length === 0) throw fileErrors.empty(fileName);

  if (isZip(bytes)) return readXlsx(fileName, bytes, lim);
  if (isCfb(bytes)) {
    const kind = classifyCfb(bytes);
    if (kind === 'encrypted-ooxml') throw fileErrors.encrypted(fileName);
    if (kind === 'xls') throw fileErrors.oldXls(fileName);
    throw XLSX_EXT.has(ext) || OLD_SHEET_EXT.has(ext) ? fileErrors.oldXls(fileName) : fileErrors.otherOffice(fileName);
  }
  if (isBlankText(bytes)) throw fileErrors.empty(fileName);
  if (XLSX_EXT.has(ext)) throw fileErrors.corrupt(fileName, '文件开头不是 Excel 工作簿应有的 ZIP 标记');

  const textual = looksLikeText(bytes);
  if (textual && looksLikeMarkup(bytes)) {
    // Many web platforms export an HTML table or SpreadsheetML with an .xls name.
    if (OLD_SHEET_EXT.has(ext) || TEXT_EXT.has(ext)) throw fileErrors.html(fileName);
    throw fileErrors.unsupported(fileName);
  }
  // A text ".xls" is a platform's tab-separated export; read it like a .txt.
  if (textual && (TEXT_EXT.has(ext) || ext === 'xls')) {
    const table = readCsv(fileName, bytes, lim, ext === 'tsv' ? '\t' : undefined);
    if (!table.hasContent) throw fileErrors.empty(fileName);
    return { format: table.format, encoding: table.encoding, sheets: table.sheets };
  }
  if (OLD_SHEET_EXT.has(ext)) throw fileErrors.corrupt(fileName, '无法识别的旧版表格内容');
  throw fileErrors.unsupported(fileName);
}

async function readXlsx(fileName: string, bytes: Uint8Array, lim: ResolvedLimits): Promise<Table> {
  const { entryNames } = await checkZip(fileName, bytes, lim.maxUncompressedBytes);
  const names = new Set(entryNames);
  if (!names.has('xl/workbook.xml')) {
    throw fileErrors.notWorkbook(fileName, names.has('xl/workbook.bin') ? 'xlsb' : 'zip');
  }
  const sheets = await readXlsxSheets(fileName, bytes, lim);
  const hasContent = sheets.some((s) => s.rows.some((r) => r.some((c) => c.text.trim() !== '')));
  if (!hasContent) throw fileErrors.empty(fileName);
  return { format: 'xlsx', sheets };
}

function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function isZip(b: Uint8Array): boolean {
  // Local file header, or the end-of-central-directory record of an empty archive.
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

/** Only whitespace and/or a BOM (UTF-8 or UTF-16): a saved-but-empty file. */
function isBlankText(b: Uint8Array): boolean {
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  else if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) i = 2;
  for (; i < b.length; i++) {
    const c = b[i]!;
    // NUL counts as blank here only for UTF-16 whitespace (e.g. "\r\0\n\0").
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x00) return false;
  }
  return true;
}

/** No NUL bytes near the start, unless it is UTF-16 (which has a BOM). */
function looksLikeText(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  const end = Math.min(b.length, 8192);
  for (let i = 0; i < end; i++) if (b[i] === 0) return false;
  return true;
}

function looksLikeMarkup(b: Uint8Array): boolean {
  const head = new TextDecoder('utf-8')
    .decode(b.subarray(0, 1024))
    .replace(/^[\s\uFEFF]+/, '')
    .toLowerCase();
  return /^<(\?xml|!doctype html|html|table|meta|head|body)\b/.test(head);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
