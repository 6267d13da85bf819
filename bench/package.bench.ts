import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { hashFile } from '../src/core/crypto/hash-file';
import { generateSigningKey, publicKeyOf } from '../src/core/crypto/signing-key';
import { attachmentEntry } from '../src/core/outbox/package/attachments';
import { buildPackage, type PayloadEntry } from '../src/core/outbox/package/build';
import { verifyPackage } from '../src/core/outbox/package/verify';
import { median } from './stats';

const run$ = promisify(execFile);
const MiB = 1024 * 1024;

/**
 * Signed package of 1,000 applicants plus BENCH_ATTACH_MB of attachments (default 2048): build and
 * verify time, our streaming SHA-512 against `sha512sum` on the same files (median of 3 alternating rounds), and peak RSS (which must
 * stay well under 300 MB however large the attachments are).
 */
export async function run(): Promise<Record<string, string | number>> {
  const attachMb = Number(process.env.BENCH_ATTACH_MB ?? 2048);
  const dir = await mkdtemp(join(tmpdir(), 'basedesk-bench-pkg-'));
  try {
    const files = await writeAttachments(dir, attachMb);
    const key = generateSigningKey();

    let t = performance.now();
    const payload: PayloadEntry[] = [];
    for (const f of files) payload.push(await attachmentEntry(f, 'pdf'));
    const namingSeconds = (performance.now() - t) / 1000;

    t = performance.now();
    const built = await buildPackage({
      outPath: join(dir, 'package.zip'),
      uuid: '0190a0b0-c0d0-7e0f-8a1b-2c3d4e5f6a7b',
      baseCode: 'BENCH-01',
      baseName: '基准测试基地',
      kind: 'enrolment',
      cohortYear: 2025,
      schemaVersion: 1,
      sequence: 1,
      baggingDate: '2025-07-01',
      records: { applicants: fakeApplicants(1000) },
      payload,
      signingKey: key,
    });
    const buildSeconds = (performance.now() - t) / 1000;

    t = performance.now();
    const verified = await verifyPackage(built.filePath, { trustedKeys: [publicKeyOf(key)] });
    const verifySeconds = (performance.now() - t) / 1000;
    if (!verified.ok) throw new Error(`bench package did not verify: ${JSON.stringify(verified.errors)}`);

    // Same files, warm cache, both sides single-threaded; three rounds in alternating order, medians: one
    // pass of each was at the mercy of whatever else ran on the machine during it.
    const ours: number[] = [];
    const coreutils: number[] = [];
    const hashOurs = async () => {
      const t0 = performance.now();
      for (const f of files) await hashFile(f, 'sha512');
      ours.push((performance.now() - t0) / 1000);
    };
    const hashCoreutils = async () => {
      const t0 = performance.now();
      await run$('/usr/bin/sha512sum', files, { maxBuffer: 64 * MiB });
      coreutils.push((performance.now() - t0) / 1000);
    };
    for (let round = 0; round < 3; round++) {
      if (round % 2 === 0) await hashOurs().then(hashCoreutils);
      else await hashCoreutils().then(hashOurs);
    }
    const oursSeconds = median(ours);
    const coreutilsSeconds = median(coreutils);

    const totalMb = built.bytes / MiB;
    return {
      'attachments MB': attachMb,
      'attachment files': files.length,
      'applicant records': 1000,
      'package MB': totalMb.toFixed(1),
      'attachment naming (sha256) s': namingSeconds.toFixed(2),
      'build s': buildSeconds.toFixed(2),
      'build MB/s': (totalMb / buildSeconds).toFixed(0),
      'verify s': verifySeconds.toFixed(2),
      'verify MB/s': (totalMb / verifySeconds).toFixed(0),
      'sha512 ours MB/s': (attachMb / oursSeconds).toFixed(0),
      'sha512 sha512sum MB/s': (attachMb / coreutilsSeconds).toFixed(0),
      'peak RSS MB': (process.resourceUsage().maxRSS / 1024).toFixed(0),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** 32 MB files of pseudo-random bytes (incompressible, like scans), written from one 4 MB block. */
async function writeAttachments(dir: string, totalMb: number): Promise<string[]> {
  const block = randomBytes(4 * MiB);
  const files: string[] = [];
  let remaining = totalMb * MiB;
  for (let i = 0; remaining > 0; i++) {
    const size = Math.min(32 * MiB, remaining);
    remaining -= size;
    const path = join(dir, `scan-${String(i).padStart(4, '0')}.pdf`);
    const ws = createWriteStream(path);
    for (let off = 0; off < size; off += block.length) {
      const chunk = Buffer.from(block.subarray(0, Math.min(block.length, size - off)));
      chunk.writeUInt32LE(i, 0); // files differ, so names (sha256) differ
      if (!ws.write(chunk)) await new Promise<void>((r) => ws.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => ws.end((e?: Error | null) => (e ? reject(e) : resolve())));
    files.push(path);
  }
  return files;
}

function fakeApplicants(n: number): Array<Record<string, unknown>> {
  return Array.from({ length: n }, (_, i) => ({
    applicantNo: `B${String(i + 1).padStart(5, '0')}`,
    name: `基准考生${i + 1}`,
    specialty: ['内科', '外科', '儿科', '全科'][i % 4],
    score: ((i * 37) % 1000) / 10,
    confirmed: i % 3 === 0,
  }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (figures) => {
      for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${v}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
