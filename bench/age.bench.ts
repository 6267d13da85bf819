import { execFile } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { decryptStream, encryptStream, generateAgeIdentity } from '../src/core/crypto/age';

const run$ = promisify(execFile);
const MiB = 1024 * 1024;
const AGE = '/usr/bin/age';

/**
 * age encryption and decryption of a BENCH_AGE_MB (default 256) MiB file, file to file: ours (node:crypto)
 * against the `age` binary on the same file in the same run, interleaved, best of BENCH_AGE_ROUNDS
 * (default 3) so a busy machine's pauses fall on both sides alike. Decryption reads the binary's output.
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
    const best = { oursEnc: Infinity, ageEnc: Infinity, oursDec: Infinity, ageDec: Infinity };
    const time = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return (performance.now() - t) / 1000;
    };
    for (let r = 0; r < rounds; r++) {
      best.oursEnc = Math.min(best.oursEnc, await time(() => encryptFile(plain, join(dir, 'ours.age'), recipient)));
      if (hasAge) {
        best.ageEnc = Math.min(best.ageEnc, await time(() => run$(AGE, ['-r', recipient, '-o', join(dir, 'bin.age'), plain])));
      }
      // Both sides decrypt the same file: the binary's output when there is one (interoperability too).
      const sealed = hasAge ? join(dir, 'bin.age') : join(dir, 'ours.age');
      best.oursDec = Math.min(best.oursDec, await time(() => decryptFile(sealed, join(dir, 'ours.out'), identity)));
      if (hasAge) {
        best.ageDec = Math.min(best.ageDec, await time(() => run$(AGE, ['-d', '-i', idFile, '-o', join(dir, 'bin.out'), sealed])));
      }
    }
    if ((await sha256File(join(dir, 'ours.out'))) !== plainHash) throw new Error('ours: decrypted bytes differ');
    if (hasAge) {
      await run$(AGE, ['-d', '-i', idFile, '-o', join(dir, 'check.out'), join(dir, 'ours.age')]);
      if ((await sha256File(join(dir, 'check.out'))) !== plainHash) throw new Error('age binary cannot read ours');
    }
    const rate = (s: number) => (mb * MiB) / 1e6 / s;
    const line = (ours: number, ref: number) =>
      hasAge
        ? `ours ${rate(ours).toFixed(0)} MB/s vs age ${rate(ref).toFixed(0)} MB/s = ${(rate(ours) / rate(ref)).toFixed(2)}x`
        : `ours ${rate(ours).toFixed(0)} MB/s (no ${AGE} to compare)`;
    return {
      [`encrypt ${mb} MiB, best of ${rounds}`]: line(best.oursEnc, best.ageEnc),
      [`decrypt ${mb} MiB, best of ${rounds}`]: line(best.oursDec, best.ageDec),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function encryptFile(src: string, dst: string, recipient: string): Promise<void> {
  await pipeline(await encryptStream(createReadStream(src), [recipient]), createWriteStream(dst));
}

async function decryptFile(src: string, dst: string, identity: string): Promise<void> {
  await pipeline(await decryptStream(createReadStream(src), [identity]), createWriteStream(dst));
}

async function writeRandomFile(path: string, mb: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  const block = Buffer.alloc(MiB);
  for (let i = 0; i < mb; i++) {
    const piece = Buffer.from(randomFillSync(block));
    hash.update(piece);
    if (!out.write(piece)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return hash.digest('hex');
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path)) hash.update(piece as Buffer);
  return hash.digest('hex');
}

