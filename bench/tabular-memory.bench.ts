import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_IMPORT_BYTES } from '../src/core/applicants/import';
import {
  cellRef,
  createRng,
  filledColumnSheet,
  makeApplicants,
  oneCellRowsSheet,
  writeRawXlsx,
  writeXlsx,
  type RawSheet,
} from '../src/core/testdata';

const BOUND_MB = 300;
const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'tabular-memory.child.ts');

type ChildResult = { ms: number; maxRssMb: number; outcome: string };

/** Read one file in a fresh process (tsx, like `npm run bench`), so its peak RSS is that read's alone. */
function readInChild(file: string, upload = false): ChildResult {
  const args = ['--import', 'tsx', CHILD, file, String(MAX_IMPORT_BYTES), ...(upload ? ['upload'] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  return JSON.parse(out) as ChildResult;
}

function figure(r: ChildResult): string {
  const verdict = r.maxRssMb <= BOUND_MB ? 'within' : 'OVER';
  return `${r.outcome} in ${Math.round(r.ms)} ms, peak RSS ${Math.round(r.maxRssMb)} MB vs ${BOUND_MB} MB bound (${verdict})`;
}

/** `rows` rows of `cols` distinct numbers: the most cells the budget lets through, each its own object. */
function numberGrid(rows: number, cols: number): RawSheet {
  return {
    name: 'Sheet1',
    rows: function* () {
      for (let r = 1; r <= rows; r++) {
        let cells = '';
        for (let c = 0; c < cols; c++) cells += `<c r="${cellRef(c, r)}"><v>${r * cols + c + 0.5}</v></c>`;
        yield `<row r="${r}">${cells}</row>`;
      }
    },
  };
}

/**
 * Peak memory of reading hostile-but-plausible spreadsheets with the roster import's limits, each in its own
 * process: the 19 MB file of 2.5 million one-cell rows and the 5.4 MB sheet with one column filled down to
 * row 1,048,576 beside 2 people. The reference is the same child reading a 3-row file (Node, tsx and the
 * reader loaded, nothing read): the difference is what the file costs. The upload-path figure adds what a
 * request to `serve` costs before the reader starts (the body, its base64 and the decoded bytes are all
 * alive at once). Files are generated here, never committed.
 */
export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'basedesk-bench-tabular-'));
  try {
    const files = {
      tiny: await writeXlsx([{ 姓名: '张三', 证件号码: '110101199003071234' }]),
      rows: await writeRawXlsx({ sheets: [oneCellRowsSheet('Sheet1', 2_500_000)] }),
      filled: await writeRawXlsx({
        sheets: [
          filledColumnSheet('名单', [
            ['姓名', '证件号码'],
            ['张三', '110101199003071234'],
            ['李四', '110101199003075678'],
          ]),
        ],
      }),
      roster: await writeXlsx(makeApplicants(createRng(1), 10_000)),
      budget: await writeRawXlsx({ sheets: [numberGrid(100_000, 10)] }),
    };
    const results: Record<string, ChildResult> = {};
    for (const [name, bytes] of Object.entries(files)) {
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, bytes);
      results[name] = readInChild(path);
    }
    const uploaded = readInChild(join(dir, 'rows.xlsx'), true);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
      'reference: same process reading a 3-row file, peak RSS (MB)': Math.round(results.tiny!.maxRssMb),
      [`2,500,000 one-cell rows (${mb(files.rows.length)})`]: figure(results.rows!),
      '2,500,000 one-cell rows through the upload path (base64 JSON body, parse, decode, read)': figure(uploaded),
      [`column filled to row 1,048,576 + 2 people (${mb(files.filled.length)})`]: figure(results.filled!),
      [`10,000-row roster (${mb(files.roster.length)})`]: figure(results.roster!),
      [`1,000,000 numeric cells, the whole cell budget (${mb(files.budget.length)})`]: figure(results.budget!),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
