/**
 * What encryption at rest costs: the 10,000-row roster import and the desk's tail search, on a plain and an
 * encrypted database in the same run (alternating, two rounds each, so machine load hits both alike).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Core } from '../src/core/context';
import { openCore } from '../src/core/open-core';
import { createRng, makeApplicants, writeCsv } from '../src/core/testdata';
import { percentile } from './stats';
import { call, setUpBase } from './base';

const ROUNDS = 2;
const QUERIES = 200;
const KEY = new Uint8Array(32).map((_, i) => (i * 29 + 3) & 0xff);

async function freshBase(dataDir: string, encrypted: boolean): Promise<Core> {
  const core = await openCore({ dataDir, idleMinutes: 0, scryptCost: 2 ** 10, ...(encrypted ? { dbKey: { key: KEY } } : {}) });
  if (core.encrypted !== encrypted) throw new Error('encryption state not as asked');
  await setUpBase(core);
  return core;
}

type Round = { importMs: number; importCpuMs: number; searchP50: number };

async function round(dataDir: string, encrypted: boolean, csv: string, queries: string[]): Promise<Round> {
  const core = await freshBase(dataDir, encrypted);
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await call(core, 'applicants.commitImport', { fileName: 'bench.csv', contentBase64: csv });
    const importMs = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (result.imported !== 10_000) throw new Error(`imported ${String(result.imported)}`);
    await call(core, 'applicants.search', { query: queries[0] }); // fills the tail hashes once
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await call(core, 'applicants.search', { query: q });
      times.push(performance.now() - t);
    }
    return { importMs, importCpuMs: (c.user + c.system) / 1000, searchP50: percentile(times, 50) };
  } finally {
    await core.close();
  }
}

const median = (xs: number[]) => percentile(xs, 50);

export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'basedesk-bench-encryption-'));
  try {
    const rows = makeApplicants(createRng(11), 10_000, {
      specialties: ['内科', '外科', '儿科'],
      categories: ['社会人'],
      choices: 1,
    });
    const csv = Buffer.from(writeCsv(rows, { encoding: 'utf-8' })).toString('base64');
    const rng = createRng(12);
    const queries = Array.from({ length: QUERIES }, (_, i) => {
      const r = rows[rng.int(0, rows.length - 1)]!;
      return i % 2 === 0 ? r['证件号码'].slice(-4) : r['手机号码'].slice(-4);
    });
    const plain: Round[] = [];
    const encrypted: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      plain.push(await round(join(dir, `plain-${i}`), false, csv, queries));
      encrypted.push(await round(join(dir, `enc-${i}`), true, csv, queries));
    }
    const f = (xs: Round[], k: keyof Round) => median(xs.map((x) => x[k]));
    return {
      'import 10,000 rows, plain (ms)': f(plain, 'importMs').toFixed(0),
      'import 10,000 rows, encrypted (ms)': f(encrypted, 'importMs').toFixed(0),
      'import CPU ratio encrypted/plain': (f(encrypted, 'importCpuMs') / f(plain, 'importCpuMs')).toFixed(2),
      'import wall ratio encrypted/plain': (f(encrypted, 'importMs') / f(plain, 'importMs')).toFixed(2),
      'tail search p50, plain (ms)': f(plain, 'searchP50').toFixed(2),
      'tail search p50, encrypted (ms)': f(encrypted, 'searchP50').toFixed(2),
      'tail search ratio encrypted/plain': (f(encrypted, 'searchP50') / f(plain, 'searchP50')).toFixed(2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
