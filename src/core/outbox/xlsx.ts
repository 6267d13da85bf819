import { loadExcelJS } from '../tabular/xlsx';
import yauzl from 'yauzl';
import { neutraliseFormula } from '../tabular/cell-safety';
import { zipStream, type ZipDay, type ZipSource } from './package/zip-write';

/** `numFmt` for number columns (scores: '0.00', so 85.5 reads 85.50 as on paper, and stays a number). */
export type SheetColumn<T> = { header: string; width?: number; numFmt?: string; value: (row: T) => string | number | null };

/**
 * A one-sheet XLSX whose bytes depend only on the rows and the day: exceljs stamps the workbook and
 * every ZIP entry with the current time, so the document dates are pinned and the ZIP is re-packed
 * with fixed entry dates (stored, no zlib dependence). Needed for reproducible packages.
 */
export async function deterministicXlsx<T>(
  sheetName: string,
  columns: SheetColumn<T>[],
  rows: readonly T[],
  day: ZipDay,
): Promise<Uint8Array> {
  const wb = new (await loadExcelJS()).Workbook();
  const fixed = new Date(Date.UTC(day.year, day.month - 1, day.day));
  wb.created = fixed;
  wb.modified = fixed;
  wb.creator = 'BaseDesk';
  wb.lastModifiedBy = 'BaseDesk';
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? 14,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  // Text cells for ID numbers and phones: a number cell would lose digits past the 15th.
  for (const r of rows) ws.addRow(columns.map((c) => neutraliseFormula(c.value(r))));
  ws.getRow(1).font = { bold: true };
  const raw = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const entries = await readEntries(raw);
  const sources: ZipSource[] = entries.map((e) => ({ name: e.name, compress: false, bytes: e.bytes }));
  const chunks: Buffer[] = [];
  for await (const c of zipStream(sources, day)) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function readEntries(buf: Buffer): Promise<Array<{ name: string; bytes: Buffer }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('xlsx: no zip'));
      const out: Array<{ name: string; bytes: Buffer }> = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, rs) => {
          if (e || !rs) return reject(e ?? new Error('xlsx: no stream'));
          const parts: Buffer[] = [];
          rs.on('data', (d: Buffer) => parts.push(d));
          rs.on('error', reject);
          rs.on('end', () => {
            out.push({ name: entry.fileName, bytes: Buffer.concat(parts) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
