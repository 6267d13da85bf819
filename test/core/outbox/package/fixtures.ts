import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { parseMinisignSignature, signMinisign } from '../../../../src/core/crypto/minisign';
import { signingKeyFromSeed, type SigningKey } from '../../../../src/core/crypto/signing-key';
import { formatManifest } from '../../../../src/core/outbox/package/bagit';
import { buildPackage, type BuildPackageInput, type BuiltPackage } from '../../../../src/core/outbox/package/build';

/** Test data only: generated, obviously fake, from a fixed seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['测', '试', '样', '例', '虚', '拟'];
const GIVEN = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'];

export function fakeApplicants(count: number, seed = 1): Array<Record<string, unknown>> {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    applicantNo: `T${String(i + 1).padStart(5, '0')}`,
    name: `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`,
    specialty: pick(['内科', '外科', '儿科', '全科']),
    score: Math.round(rnd() * 1000) / 10,
    confirmed: rnd() > 0.5,
    note: null,
  }));
}

export const UUID_A = '0190a0b0-c0d0-7e0f-8a1b-2c3d4e5f6a7b';
export const UUID_B = '0190a0b0-c0d0-7e0f-8a1b-2c3d4e5f6a7c';

/** A signing key fixed by a one-byte seed, so builds are reproducible across test runs. */
export function fixedKey(seedByte: number): SigningKey {
  const seed = createHash('sha256').update(`basedesk-test-key-${seedByte}`).digest();
  const keyId = createHash('sha256').update(`basedesk-test-keyid-${seedByte}`).digest().subarray(0, 8);
  return signingKeyFromSeed(keyId, seed);
}

export async function tempDir(prefix = 'basedesk-pkg-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export type Sample = { built: BuiltPackage; key: SigningKey; input: BuildPackageInput };

/** A small but complete package: records, an xlsx stand-in, a form, and a streamed attachment. */
export async function buildSample(dir: string, overrides: Partial<BuildPackageInput> = {}, name = 'sample.zip'): Promise<Sample> {
  const key = overrides.signingKey ?? fixedKey(1);
  const attachment = join(dir, `scan-${name}.pdf`);
  await writeFile(attachment, Buffer.from(`%PDF-1.4 fake scan for tests ${'x'.repeat(3000)}`));
  const input: BuildPackageInput = {
    outPath: join(dir, name),
    uuid: UUID_A,
    baseCode: 'GD-0102',
    baseName: '测试住培基地',
    kind: 'enrolment',
    cohortYear: 2025,
    schemaVersion: 1,
    sequence: 7,
    baggingDate: '2025-07-01',
    records: { applicants: fakeApplicants(20), interviews: [{ applicantNo: 'T00001', station: 1, score: 8.5 }] },
    payload: [
      { path: 'data/applicants.xlsx', bytes: Buffer.from('PK fake xlsx bytes') },
      { path: 'data/forms/T00001.html', bytes: Buffer.from('<!doctype html><p>报名表 T00001</p>') },
      { path: 'data/attachments/0a1b2c.pdf', filePath: attachment },
    ],
    signingKey: key,
    ...overrides,
  };
  return { built: await buildPackage(input), key, input };
}

export type ZipItem = { name: string; data: Buffer; mode?: number; compress?: boolean; dosDate?: number; dosTime?: number };

/** Reads every entry of a ZIP (test-sized archives only). */
export async function readZip(path: string): Promise<ZipItem[]> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, z) => (e || !z ? rej(e) : res(z))),
  );
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((res, rej) => {
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', res);
    zip.on('error', rej);
    zip.readEntry();
  });
  const out: ZipItem[] = [];
  for (const e of entries) {
    const s = await new Promise<NodeJS.ReadableStream>((res, rej) =>
      zip.openReadStream(e, (err, st) => (err || !st ? rej(err) : res(st))),
    );
    const parts: Buffer[] = [];
    for await (const c of s as AsyncIterable<Buffer>) parts.push(c);
    out.push({
      name: e.fileName,
      data: Buffer.concat(parts),
      mode: e.externalFileAttributes >>> 16,
      dosDate: e.lastModFileDate,
      dosTime: e.lastModFileTime,
    });
  }
  zip.close();
  return out;
}

/** Writes entries in the given order with yazl (names are validated by yazl: safe names only). */
export async function writeZip(path: string, items: readonly ZipItem[]): Promise<void> {
  const zip = new ZipFile();
  for (const it of items) {
    zip.addBuffer(it.data, it.name, {
      mtime: new Date(1980, 0, 1),
      mode: it.mode && it.mode !== 0 ? it.mode : 0o100644,
      compress: it.compress ?? false,
    });
  }
  zip.end();
  const parts: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) parts.push(c);
  await writeFile(path, Buffer.concat(parts));
}

export async function rewriteZip(src: string, dst: string, edit: (items: ZipItem[]) => ZipItem[]): Promise<void> {
  await writeZip(dst, edit(await readZip(src)));
}

/** Replaces every occurrence of `from` by `to` (same byte length) in a file's raw bytes. */
export async function patchFile(
  path: string,
  from: string | Buffer,
  to: string | Buffer,
  out = path,
  onlyFirst = false,
): Promise<number> {
  const buf = await readFile(path);
  const f = Buffer.isBuffer(from) ? from : Buffer.from(from);
  const t = Buffer.isBuffer(to) ? to : Buffer.from(to);
  if (f.length !== t.length) throw new Error('patchFile: lengths differ');
  let count = 0;
  for (let i = buf.indexOf(f); i !== -1; i = buf.indexOf(f, i + 1)) {
    t.copy(buf, i);
    count++;
    if (onlyFirst) break;
  }
  await writeFile(out, buf);
  return count;
}

/** Flips one bit of the byte at `offsetInMatch` inside the first occurrence of `marker`. */
export async function flipByteAt(path: string, marker: string, offsetInMatch: number, out = path): Promise<void> {
  const buf = await readFile(path);
  const i = buf.indexOf(Buffer.from(marker));
  if (i === -1) throw new Error(`flipByteAt: marker not found: ${marker}`);
  const j = i + offsetInMatch;
  buf[j] = buf[j]! ^ 0x01;
  await writeFile(out, buf);
}

export function sha512(b: Uint8Array | string): string {
  return createHash('sha512').update(b).digest('hex');
}

/**
 * Rebuilds the tag manifest and signature over possibly edited tag files, as a careless or hostile
 * builder holding a real key would: everything checks out except what the edit broke semantically.
 */
export function resign(items: ZipItem[], key: SigningKey, trustedComment?: string, extraTagFiles: string[] = []): ZipItem[] {
  const get = (n: string): Buffer => items.find((i) => i.name === n)!.data;
  const tagManifest = Buffer.from(
    formatManifest(
      ['bag-info.txt', 'bagit.txt', 'manifest-sha512.txt', ...extraTagFiles].map((path) => ({ path, digest: sha512(get(path)) })),
    ),
  );
  const comment = trustedComment ?? parseMinisignSignature(get('tagmanifest-sha512.txt.minisig').toString()).trustedComment;
  const sig = Buffer.from(signMinisign(tagManifest, key, { trustedComment: comment }));
  return items.map((i) =>
    i.name === 'tagmanifest-sha512.txt'
      ? { ...i, data: tagManifest }
      : i.name === 'tagmanifest-sha512.txt.minisig'
        ? { ...i, data: sig }
        : i,
  );
}
