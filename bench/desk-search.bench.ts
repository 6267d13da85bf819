/**
 * The desk's search by the last digits of an ID or phone number over 100,000 applicants: the one-off cost
 * of filling the keyed tail hashes after an import, then per-query latency through dispatch, beside a
 * plain `LIKE '%tail'` scan of the same table for comparison.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Core } from '../src/core/context';
import { openCore } from '../src/core/open-core';
import { createRng, makeIdNumber, makePhone } from '../src/core/testdata';
import { percentile } from './stats';
import { call, setUpBase } from './base';

const N = 100_000;

/** Rows straight into the table: this measures the search, not the import. */
async function fill(core: Core): Promise<Array<{ id: string; phone: string }>> {
  const rng = createRng(4);
  const now = new Date().toISOString();
  const people = Array.from({ length: N }, () => ({
    id: makeIdNumber(rng, { birthYear: [1975, 2001] }),
    phone: makePhone(rng),
  }));
  const unique = [...new Map(people.map((p) => [p.id, p])).values()];
  await core.db.transaction().execute(async (tx) => {
    for (let i = 0; i < unique.length; i += 500) {
      await tx
        .insertInto('applicants')
        .values(
          unique.slice(i, i + 500).map((p, k) => ({
            id: `a${i + k}`,
            cohort_year: 2024,
            id_number: p.id,
            name: `考生${i + k}`,
            phone: p.phone,
            created_at: now,
            updated_at: now,
          })) as never,
        )
        .execute();
    }
  });
  return unique;
}

export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'basedesk-bench-desk-'));
  try {
    const core = await openCore({ dataDir: join(dir, 'd'), idleMinutes: 0 });
    await setUpBase(core);
    const people = await fill(core);
    const rng = createRng(5);
    const queries = Array.from({ length: 500 }, (_, i) => {
      const p = people[rng.int(0, people.length - 1)]!;
      return i % 2 === 0 ? p.id.slice(-4 - rng.int(0, 2)) : p.phone.slice(-4);
    });

    // CPU beside wall time: on a shared machine wall time also measures other people's jobs.
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await call(core, 'applicants.search', { query: queries[0] });
    const firstMs = performance.now() - t0;
    const firstCpu = process.cpuUsage(c0);
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await call(core, 'applicants.search', { query: q });
      times.push(performance.now() - t);
    }
    const scans: number[] = [];
    for (const q of queries.slice(0, 50)) {
      const t = performance.now();
      await sql`SELECT id FROM applicants WHERE cohort_year = 2024 AND (id_number LIKE ${'%' + q} OR phone LIKE ${'%' + q}) LIMIT 20`.execute(
        core.db,
      );
      scans.push(performance.now() - t);
    }
    await core.close();
    return {
      applicants: people.length,
      'first tail search, filling the hashes (ms)': firstMs.toFixed(0),
      'first tail search, CPU (ms)': ((firstCpu.user + firstCpu.system) / 1000).toFixed(0),
      'tail search p50 (ms)': percentile(times, 50).toFixed(2),
      'tail search p95 (ms)': percentile(times, 95).toFixed(2),
      'LIKE %tail scan p50, for comparison (ms)': percentile(scans, 50).toFixed(2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
