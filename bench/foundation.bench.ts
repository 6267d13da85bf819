import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../src/core/api/dispatch';
import { openDatabase } from '../src/core/db/open';
import { openCore } from '../src/core/open-core';
import { startHttpServer } from '../src/http/server';
import { percentile } from './stats';

/** Opening a database and applying every migration; an API call's round trip through the HTTP transport. */
export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'basedesk-bench-'));
  try {
    const openTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const db = await openDatabase({ file: join(dir, `open-${i}.sqlite`) });
      openTimes.push(performance.now() - t0);
      await db.close();
    }
    const reopen: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const db = await openDatabase({ file: join(dir, 'open-0.sqlite') });
      reopen.push(performance.now() - t0);
      await db.close();
    }

    const core = await openCore({ dataDir: join(dir, 'api') });
    await dispatch(core, 's', 'setup.initialize', {
      baseName: '基准测试医院',
      baseCode: 'B1',
      presetId: 'jilin-2024',
      cohortYear: 2024,
      admin: { username: 'admin', displayName: '管理员', password: 'bench-pass-123' },
    });
    const server = await startHttpServer({ core, rendererDir: null });
    const headers = { 'content-type': 'application/json', 'x-basedesk-token': server.token, 'x-basedesk-session': 'bench' };
    const callHttp = async (op: string, body: unknown) =>
      (await fetch(`${server.origin}/api/${op}`, { method: 'POST', headers, body: JSON.stringify(body) })).json();
    await callHttp('auth.login', { username: 'admin', password: 'bench-pass-123' });
    const rtt: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t0 = performance.now();
      const r = (await callHttp('plan.show', {})) as { ok: boolean };
      if (!r.ok) throw new Error('plan.show failed over HTTP');
      rtt.push(performance.now() - t0);
    }
    const login = await dispatch(core, 'bench-inproc', 'auth.login', { username: 'admin', password: 'bench-pass-123' });
    if (!login.ok) throw new Error(login.error.message);
    const inproc: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t0 = performance.now();
      const r = await dispatch(core, 'bench-inproc', 'plan.show', {});
      if (!r.ok) throw new Error(r.error.message);
      inproc.push(performance.now() - t0);
    }
    await server.close();
    await core.close();
    return {
      'db open + all migrations (new file), median ms': percentile(openTimes, 50).toFixed(2),
      'db open, already migrated, median ms': percentile(reopen, 50).toFixed(2),
      'HTTP round trip plan.show p50 ms': percentile(rtt, 50).toFixed(3),
      'HTTP round trip plan.show p95 ms': percentile(rtt, 95).toFixed(3),
      'in-process dispatch plan.show p50 ms': percentile(inproc, 50).toFixed(3),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await run());
