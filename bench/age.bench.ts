import { execFile, spawn } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { decryptFile, decryptStream, encryptFile, encryptStream, generateAgeIdentity } from '../src/core/crypto/age';

const run$ = promisify(execFile);
const MiB = 1024 * 1024;
const AGE = '/usr/bin/age';
const TIME = '/usr/bin/time';

/** Seconds, and minor page faults (null when they cannot be counted for the binary). */
type Timing = { wall: number; cpu: number; faults: number | null };
type Side = 'ours' | 'oursStream' | 'age';
type Run = [Side, () => Promise<Timing>];

/**
 * age encryption and decryption of a BENCH_AGE_MB (default 256) MiB file, file to file: ours
 * (node:crypto; the file functions, and the stream API over fs streams as the package code uses it)
 * against the `age` binary, interleaved in the same run, the median of BENCH_AGE_ROUNDS (default 3): on a
 * shared machine one run can be slowed by other load, and the median keeps that run from deciding.
 * Wall-clock and CPU seconds are both reported: on a shared machine wall-clock mostly measures the
 * wait for a core, CPU time (user + system, children's for the binary) the work done.
 *
 * `sync` and the binary run in one shell started before anything is timed. Starting a child from this
 * process forks it, and a fork write-protects every page of this process: the next run of ours then
 * takes a page fault on every page it writes to (measured: about 9,000 more per 128 MiB, and 2 to 3
 * times the CPU per megabyte), a cost of the benchmark's own process starts, not of encryption.
 */
export async function run(): Promise<Record<string, string | number>> {
  const mb = Number(process.env.BENCH_AGE_MB ?? 256);
  const rounds = Number(process.env.BENCH_AGE_ROUNDS ?? 3);
  const dir = await mkdtemp(join(tmpdir(), 'basedesk-bench-age-'));
  const shell = new Shell();
  try {
    const plain = join(dir, 'plain.bin');
    const plainHash = await writeRandomFile(plain, mb);
    const { identity, recipient } = await generateAgeIdentity();
    const idFile = join(dir, 'id.txt');
    await writeFile(idFile, `${identity}\n`);
    const hasAge = existsSync(AGE);
    const at = (name: string) => join(dir, name);
    const enc: Record<Side, Timing[]> = { ours: [], oursStream: [], age: [] };
    const dec: Record<Side, Timing[]> = { ours: [], oursStream: [], age: [] };
    // Each run writes 256 MiB: flushing it before the next run keeps one side's dirty pages from
    // throttling the other's writes, and the order alternates so neither always goes first.
    const settle = () => shell.run('sync');
    // Every side decrypts the same file: the binary's output when there is one (interoperability too).
    const toDecrypt = hasAge ? at('bin.age') : at('ours.age');
    const encRuns: Run[] = [
      ['ours', () => timed(() => encryptFile(plain, at('ours.age'), [recipient]))],
      ['oursStream', () => timed(() => streamEncrypt(plain, at('stream.age'), recipient))],
    ];
    const decRuns: Run[] = [
      ['ours', () => timed(() => decryptFile(toDecrypt, at('ours.out'), [identity]))],
      ['oursStream', () => timed(() => streamDecrypt(toDecrypt, at('stream.out'), identity))],
    ];
    if (hasAge) {
      const child = (args: string[]) => timedChild(shell, at('faults'), args);
      encRuns.push(['age', () => child(['-r', recipient, '-o', at('bin.age'), plain])]);
      decRuns.push(['age', () => child(['-d', '-i', idFile, '-o', at('bin.out'), toDecrypt])]);
    }
    for (let r = 0; r < rounds; r++) {
      for (const [runs, into] of [
        [encRuns, enc],
        [decRuns, dec],
      ] as const) {
        for (const [side, once] of r % 2 === 0 ? runs : [...runs].reverse()) {
          await settle();
          into[side].push(await once());
        }
      }
    }
    for (const out of ['ours.out', 'stream.out']) {
      if ((await sha256File(at(out))) !== plainHash) throw new Error(`${out}: decrypted bytes differ`);
    }
    if (hasAge) {
      for (const sealed of ['ours.age', 'stream.age']) {
        await run$(AGE, ['-d', '-i', idFile, '-o', at('check.out'), at(sealed)]);
        if ((await sha256File(at('check.out'))) !== plainHash) throw new Error(`age binary cannot read ${sealed}`);
      }
    }
    const figures: Record<string, string> = {};
    for (const [what, t] of [
      ['encrypt', enc],
      ['decrypt', dec],
    ] as const) {
      for (const side of ['ours', 'oursStream'] as const) {
        const label = side === 'ours' ? 'file functions' : 'stream API over fs streams';
        figures[`${what} ${mb} MiB, ${label}, wall (MB/s)`] = compare(
          mb,
          median(t[side], 'wall'),
          hasAge ? median(t.age, 'wall') : null,
        );
        figures[`${what} ${mb} MiB, ${label}, per CPU second (MB)`] = compare(
          mb,
          median(t[side], 'cpu'),
          hasAge ? median(t.age, 'cpu') : null,
        );
      }
      const ageFaults = hasAge && t.age[0]?.faults !== null ? ` vs age binary ${median(t.age, 'faults')}` : '';
      figures[`${what} ${mb} MiB, file functions, minor page faults`] = `ours ${median(t.ours, 'faults')}${ageFaults}`;
    }
    return figures;
  } finally {
    shell.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function median(ts: Timing[], key: keyof Timing): number {
  const sorted = ts.map((t) => t[key] ?? 0).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function compare(mb: number, ours: number, ref: number | null): string {
  const rate = (s: number) => (mb * MiB) / 1e6 / s;
  if (ref === null) return `ours ${rate(ours).toFixed(0)} (no ${AGE} to compare)`;
  return `ours ${rate(ours).toFixed(0)} vs age binary ${rate(ref).toFixed(0)} = ${(ref / ours).toFixed(2)}x`;
}

async function timed(fn: () => Promise<unknown>): Promise<Timing> {
  const r0 = process.resourceUsage();
  const t0 = performance.now();
  await fn();
  const r = process.resourceUsage();
  const cpu = (r.userCPUTime - r0.userCPUTime + r.systemCPUTime - r0.systemCPUTime) / 1e6;
  return { wall: (performance.now() - t0) / 1000, cpu, faults: r.minorPageFault - r0.minorPageFault };
}

/** The binary, in the shell; its CPU seconds from the shell's `times` (children's), before and after. */
async function timedChild(shell: Shell, faultsFile: string, args: string[]): Promise<Timing> {
  const quoted = [AGE, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const countFaults = existsSync(TIME);
  const before = childCpu(await shell.run('times'));
  const t0 = performance.now();
  await shell.run(countFaults ? `${TIME} -f %R -o '${faultsFile}' ${quoted}` : quoted);
  const wall = (performance.now() - t0) / 1000;
  const cpu = childCpu(await shell.run('times')) - before;
  const faults = countFaults ? Number((await readFile(faultsFile, 'utf8')).trim()) : null;
  return { wall, cpu, faults };
}

/** The children's user + system seconds from the second line of `times`. */
function childCpu(times: string): number {
  const children = times.trim().split('\n').at(-1)!;
  return [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((s, m) => s + Number(m[1]) * 60 + Number(m[2]), 0);
}

/** A long-lived bash reading commands from its stdin, one at a time (why: see the comment on `run`). */
class Shell {
  private readonly proc = spawn('bash', [], { stdio: ['pipe', 'pipe', 'inherit'] });
  private out = '';
  private waiting: ((out: string) => void) | null = null;

  constructor() {
    this.proc.stdout.setEncoding('utf8');
    this.proc.stdout.on('data', (d: string) => {
      this.out += d;
      const end = this.out.indexOf(DONE);
      if (end >= 0 && this.out.indexOf('\n', end) >= 0) this.waiting?.(this.out);
    });
  }

  /** Runs one command line; resolves with its output, rejects when it exits non-zero. */
  async run(command: string): Promise<string> {
    const text = await new Promise<string>((resolve) => {
      this.waiting = resolve;
      this.proc.stdin.write(`${command}\necho "${DONE} $?"\n`);
    });
    this.waiting = null;
    this.out = '';
    const end = text.indexOf(DONE);
    const status = Number(text.slice(end + DONE.length).trim());
    if (status !== 0) throw new Error(`${command}: exit ${status}`);
    return text.slice(0, end);
  }

  close(): void {
    this.proc.stdin.end();
  }
}

const DONE = '__age_bench_done__';

async function streamEncrypt(src: string, dst: string, recipient: string): Promise<void> {
  await pipeline(await encryptStream(createReadStream(src, { highWaterMark: MiB }), [recipient]), createWriteStream(dst));
}

async function streamDecrypt(src: string, dst: string, identity: string): Promise<void> {
  await pipeline(await decryptStream(createReadStream(src, { highWaterMark: MiB }), [identity]), createWriteStream(dst));
}

async function writeRandomFile(path: string, mb: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let i = 0; i < mb; i++) {
    const piece = randomFillSync(Buffer.alloc(MiB));
    hash.update(piece);
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return hash.digest('hex');
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path)) hash.update(piece as Buffer);
  return hash.digest('hex');
}
