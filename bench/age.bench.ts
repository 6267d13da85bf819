import { execFile } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { decryptFile, decryptStream, encryptFile, encryptStream, generateAgeIdentity } from '../src/core/crypto/age';

const run$ = promisify(execFile);
const MiB = 1024 * 1024;
const AGE = '/usr/bin/age';

type Timing = { wall: number; cpu: number };
type Side = 'ours' | 'oursStream' | 'age';
type Run = [Side, () => Promise<Timing>];

/**
 * age encryption and decryption of a BENCH_AGE_MB (default 256) MiB file, file to file: ours
 * (node:crypto; the file functions, and the stream API over fs streams as the package code uses it)
 * against the `age` binary, interleaved in the same run, the median of BENCH_AGE_ROUNDS (default 3): on a
 * shared machine one run can be slowed by other load, and the median keeps that run from deciding.
 * Wall-clock and CPU seconds are both reported: on a shared machine wall-clock mostly measures the
 * wait for a core, CPU time (user + system, children's for the binary) the work done.
 */
export async function run(): Promise<Record<string, string | number>> {
  const mb = Number(process.env.BENCH_AGE_MB ?? 256);
  const rounds = Number(process.env.BENCH_AGE_ROUNDS ?? 3);
  const dir = await mkdtemp(join(tmpdir(), 'basedesk-bench-age-'));
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
    const settle = () => run$('sync');
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
      encRuns.push(['age', () => timedChild(['-r', recipient, '-o', at('bin.age'), plain])]);
      decRuns.push(['age', () => timedChild(['-d', '-i', idFile, '-o', at('bin.out'), toDecrypt])]);
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
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function median(ts: Timing[], key: keyof Timing): number {
  const sorted = ts.map((t) => t[key]).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function compare(mb: number, ours: number, ref: number | null): string {
  const rate = (s: number) => (mb * MiB) / 1e6 / s;
  if (ref === null) return `ours ${rate(ours).toFixed(0)} (no ${AGE} to compare)`;
  return `ours ${rate(ours).toFixed(0)} vs age binary ${rate(ref).toFixed(0)} = ${(ref / ours).toFixed(2)}x`;
}

async function timed(fn: () => Promise<unknown>): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

/** Runs the binary under bash so the `times` builtin reports the child's CPU seconds. */
async function timedChild(args: string[]): Promise<Timing> {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const t0 = performance.now();
  const { stdout } = await run$('bash', ['-c', `${AGE} ${quoted} && times`]);
  const wall = (performance.now() - t0) / 1000;
  const children = stdout.trim().split('\n').at(-1)!;
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((s, m) => s + Number(m[1]) * 60 + Number(m[2]), 0);
  return { wall, cpu };
}

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
