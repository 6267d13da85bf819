/**
 * Child process of the memory bench: reads one file with readTable (the import's limits) and reports peak
 * RSS, so nothing from other benches or the parent's own heap counts. Usage: <file> <maxBytes> [upload].
 * With `upload` the file first takes the way an upload to `serve` takes: base64 inside a JSON request
 * body, parsed, then decoded by the same function the handlers use.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readTable } from '../src/core/tabular';
import { decodeFile } from '../src/core/util/file-input';

const [file, maxBytes, mode] = process.argv.slice(2) as [string, string, string | undefined];

function bytesOf(): Uint8Array {
  const raw = readFileSync(file);
  if (mode !== 'upload') return raw;
  const body = Buffer.from(JSON.stringify({ fileName: 'bench.xlsx', contentBase64: raw.toString('base64') }));
  return decodeFile(JSON.parse(body.toString('utf8')) as { fileName: string; contentBase64: string }).bytes;
}

const t0 = performance.now();
let outcome: string;
try {
  const table = await readTable({ fileName: 'bench.xlsx', bytes: bytesOf() }, { maxBytes: Number(maxBytes) });
  outcome = `${table.sheets.reduce((n, s) => n + s.rows.filter((r) => r.length > 0).length, 0)} rows`;
} catch (err) {
  outcome = (err as { code?: string }).code ?? String(err);
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, outcome }));
