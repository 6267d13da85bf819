import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { percentile } from './stats';

const run$ = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin', 'basedesk.js');
const BUILT = join(ROOT, 'out', 'main', 'cli.js');

type Timing = { wall: number; cpu: number };

/**
 * CLI start-up: `basedesk status` on an empty data folder against `node -e 0`, both as fresh processes,
 * interleaved, BENCH_STARTUP_RUNS (default 7) each, medians. CPU seconds (user + system of the child, from
 * bash's `times`) are reported beside wall-clock because on a shared machine the wall-clock of a short
 * process is mostly the wait for a core. Runs the built CLI (out/main/cli.js): build first.
 */
export async function run(): Promise<Record<string, string | number>> {
  if (!existsSync(BUILT)) return { 'status vs node -e 0': `skipped: ${BUILT} missing (npm run build)` };
  const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 7);
  const dir = await mkdtemp(join(tmpdir(), 'basedesk-bench-startup-'));
  try {
    const status: Timing[] = [];
    const bare: Timing[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(await timedChild([process.execPath, '-e', '0']));
      // A new empty folder each time: the first-run path (database created) is the one measured.
      status.push(await timedChild([process.execPath, CLI, 'status', '--data-dir', join(dir, `empty-${i}`)]));
    }
    const med = (ts: Timing[], k: keyof Timing) =>
      percentile(
        ts.map((t) => t[k]),
        50,
      );
    const line = (k: keyof Timing) =>
      `ours ${(med(status, k) * 1000).toFixed(0)} ms vs node -e 0 ${(med(bare, k) * 1000).toFixed(0)} ms = ${(med(status, k) / med(bare, k)).toFixed(1)}x`;
    return {
      [`basedesk status, empty data folder, wall (median of ${runs})`]: line('wall'),
      [`basedesk status, empty data folder, CPU (median of ${runs})`]: line('cpu'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a command under bash so the `times` builtin reports the child's CPU seconds. */
async function timedChild(argv: string[]): Promise<Timing> {
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const t0 = performance.now();
  // The database is encrypted: the CLI unseals its key with this passphrase (one scrypt per command).
  const env = { ...process.env, BASEDESK_DB_PASSPHRASE: 'bench-startup-Passphrase-7f3k' };
  const { stdout } = await run$('bash', ['-c', `${quoted} > /dev/null && times`], { env });
  const wall = (performance.now() - t0) / 1000;
  const children = stdout.trim().split('\n').at(-1)!;
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((s, m) => s + Number(m[1]) * 60 + Number(m[2]), 0);
  return { wall, cpu };
}
