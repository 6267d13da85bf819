/**
 * 确认统计 over 100,000 applicants: the dashboard (two aggregate queries, per specialty and per day × clerk)
 * and the XLSX export, through dispatch. Rows go straight into the table with decisions spread over four
 * days and five clerks, so the measurement is of the statistics, not of an import.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Core } from '../src/core/context';
import { openCore } from '../src/core/open-core';
import { createRng } from '../src/core/testdata';
import { median } from './stats';
import { call, setUpBase } from './base';

const N = 100_000;
const CLERKS = ['clerk1', 'clerk2', 'clerk3', 'clerk4', 'admin'];
const STATUSES = ['pending', 'confirmed', 'confirmed', 'confirmed', 'returned', 'rejected'] as const;
const SPECIALTIES = ['0100', '0200', '0300', '0400', '0500', '0700', '0900', '1100'];

async function fill(core: Core): Promise<void> {
  const rng = createRng(13);
  const now = new Date().toISOString();
  await core.db.transaction().execute(async (tx) => {
    for (let i = 0; i < N; i += 500) {
      const rows = Array.from({ length: Math.min(500, N - i) }, (_, k) => {
        const status = STATUSES[rng.int(0, STATUSES.length - 1)]!;
        const decided = status !== 'pending';
        return {
          id: `a${i + k}`,
          cohort_year: 2024,
          id_number: `ID${i + k}`,
          name: `考生${i + k}`,
          choices_json: JSON.stringify([SPECIALTIES[rng.int(0, SPECIALTIES.length - 1)]]),
          confirmation_status: status,
          decided_at: decided ? `2024-07-0${rng.int(1, 4)}T0${rng.int(1, 9)}:00:00.000Z` : null,
          decided_by: decided ? CLERKS[rng.int(0, CLERKS.length - 1)] : null,
          created_at: now,
          updated_at: now,
        };
      });
      await tx
        .insertInto('applicants')
        .values(rows as never)
        .execute();
    }
  });
}

async function timed(core: Core, op: string, runs: number): Promise<{ ms: number; cpuMs: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await call(core, op, {});
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu) };
}

export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'basedesk-bench-stats-'));
  try {
    const core = await openCore({ dataDir: join(dir, 'd'), idleMinutes: 0 });
    await setUpBase(core);
    await fill(core);
    const dash = await timed(core, 'confirm.dashboard', 7);
    const xlsx = await timed(core, 'confirm.statsExport', 3);
    const d = (await call(core, 'confirm.dashboard', {})) as { total: number; perClerk: unknown[] };
    await core.close();
    return {
      applicants: d.total,
      perClerkRows: d.perClerk.length,
      'confirm.dashboard median ms': dash.ms.toFixed(1),
      'confirm.dashboard median cpu ms': dash.cpuMs.toFixed(1),
      'confirm.statsExport median ms': xlsx.ms.toFixed(1),
      'confirm.statsExport median cpu ms': xlsx.cpuMs.toFixed(1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
