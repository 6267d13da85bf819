import { execFile } from 'node:child_process';
import { scrypt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEFAULT_SCRYPT } from '../src/core/crypto/key-envelope';
import { median } from './stats';

const run$ = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// BENCH_STARTUP_CLI: another build of the CLI bundle (e.g. one built with --outDir), measured in place of out/.
const CLI = process.env.BENCH_STARTUP_CLI ?? join(ROOT, 'bin', 'basedesk.js');
const BUILT = process.env.BENCH_STARTUP_CLI ?? join(ROOT, 'out', 'main', 'cli.js');

type Timing = { wall: number; cpu: number };
type Case = { label: string; argv: (i: number) => string[] };

/**
 * CLI start-up against `node -e 0`, every case a fresh process, interleaved round by round,
 * BENCH_STARTUP_RUNS (default 7) each, medians. CPU seconds (user + system of the child, from bash's
 * `times`) are reported beside wall-clock because on a shared machine the wall-clock of a short process is
 * mostly the wait for a core. Cases: `--version` and `--help` (no data folder opened), `status` on a new
 * folder (the key is made and sealed, the database created and migrated) and on an existing empty one (the
 * key unsealed, the schema checked). Opening a folder runs the passphrase's scrypt once, a fixed cost that
 * is reported on its own line, with the status CPU without it and the status wall-clock beyond it. Runs the
 * built CLI (out/main/cli.js): build first.
 */
export async function run(): Promise<Record<string, string | number>> {
  if (!existsSync(BUILT)) return { 'status vs node -e 0': `skipped: ${BUILT} missing (npm run build)` };
  const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 7);
  const dir = await mkdtemp(join(tmpdir(), 'basedesk-bench-startup-'));
  const existing = join(dir, 'existing');
  const cases: Case[] = [
    { label: 'basedesk --version', argv: () => [CLI, '--version'] },
    { label: 'basedesk --help', argv: () => [CLI, '--help'] },
    // A new empty folder each time: the first-run path (key sealed, database created) is the one measured.
    { label: 'basedesk status, new data folder', argv: (i) => [CLI, 'status', '--data-dir', join(dir, `new-${i}`)] },
    { label: 'basedesk status, existing empty folder', argv: () => [CLI, 'status', '--data-dir', existing] },
  ];
  try {
    await timedChild([process.execPath, CLI, 'status', '--data-dir', existing]); // creates the existing folder
    const bare: Timing[] = [];
    const ours = cases.map(() => [] as Timing[]);
    for (let i = 0; i < runs; i++) {
      bare.push(await timedChild([process.execPath, '-e', '0']));
      for (const [k, c] of cases.entries()) ours[k]!.push(await timedChild([process.execPath, ...c.argv(i)]));
    }
    const out: Record<string, string | number> = {};
    for (const [k, c] of cases.entries()) {
      for (const what of ['cpu', 'wall'] as const) {
        out[`${c.label}, ${what === 'cpu' ? 'CPU' : 'wall'} (median of ${runs})`] = vsBare(ours[k]!, bare, what);
      }
    }
    const kdf = await scryptTimes(runs);
    const bareCpu = median(bare.map((t) => t.cpu));
    const bareWall = median(bare.map((t) => t.wall));
    out[`of which scrypt (logN ${DEFAULT_SCRYPT.logN}, r ${DEFAULT_SCRYPT.r}, p ${DEFAULT_SCRYPT.p}) per folder opened, CPU`] =
      `${ms(kdf.cpu)} ms = ${(kdf.cpu / bareCpu).toFixed(1)}x node -e 0`;
    for (const [k, c] of cases.entries()) {
      if (!c.label.startsWith('basedesk status')) continue;
      // The CLI's own cost: the passphrase's scrypt is kept on purpose, so it is taken out here to show the rest.
      const cpu = median(ours[k]!.map((t) => t.cpu)) - kdf.cpu;
      out[`${c.label}, CPU without the scrypt`] =
        `ours ${ms(cpu)} ms vs node -e 0 ${ms(bareCpu)} ms = ${(cpu / bareCpu).toFixed(1)}x`;
      // The scrypt runs on libuv's pool while the command's code loads: what the wall-clock shows beyond it is
      // the start-up that does not overlap the key derivation.
      const beyond = median(ours[k]!.map((t) => t.wall)) - kdf.wall;
      out[`${c.label}, wall beyond the scrypt`] =
        `ours ${ms(beyond)} ms (scrypt alone ${ms(kdf.wall)} ms) vs node -e 0 ${ms(bareWall)} ms = ${(beyond / bareWall).toFixed(1)}x`;
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function ms(seconds: number): string {
  return (seconds * 1000).toFixed(0);
}

function vsBare(ours: Timing[], bare: Timing[], k: keyof Timing): string {
  const a = median(ours.map((t) => t[k]));
  const b = median(bare.map((t) => t[k]));
  return `ours ${ms(a)} ms vs node -e 0 ${ms(b)} ms = ${(a / b).toFixed(1)}x`;
}

/** The key derivation every folder open pays, in this process: median CPU and wall seconds of one scrypt. */
async function scryptTimes(runs: number): Promise<Timing> {
  const N = 2 ** DEFAULT_SCRYPT.logN;
  const options = { N, r: DEFAULT_SCRYPT.r, p: DEFAULT_SCRYPT.p, maxmem: 256 * N * DEFAULT_SCRYPT.r + 16 * 1024 * 1024 };
  const derive = promisify((cb: (e: Error | null, k: Buffer) => void) =>
    scrypt('bench passphrase', 'bench-salt-16byt', 32, options, cb),
  );
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    const t0 = performance.now();
    await derive();
    wall.push((performance.now() - t0) / 1000);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1e6);
  }
  return { cpu: median(cpu), wall: median(wall) };
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
