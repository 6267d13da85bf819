import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_ERROR, decryptFile, generateAgeIdentity, openAge } from '../../../../src/core/crypto/age';
import { isAppError } from '../../../../src/shared/errors';

/**
 * The C2SP CCTV age vectors (format: shared/testvectors/README.md), kept beside the repository in
 * ../shared. Every vector with an X25519 identity runs; the others need features BaseDesk does not
 * offer and are counted below, each with its reason.
 */
const DIR = fileURLToPath(new URL('../../../../../shared/testvectors/age/', import.meta.url));
const HAVE_VECTORS = existsSync(DIR);

type Vector = {
  name: string;
  expect: string;
  payload?: string;
  identities: string[];
  armored: boolean;
  passphrase: boolean;
  otherIdentities: boolean;
  file: Buffer;
};

function loadVector(name: string): Vector {
  const raw = readFileSync(join(DIR, name));
  const split = raw.indexOf('\n\n');
  const meta = new Map<string, string[]>();
  for (const line of raw.subarray(0, split).toString('utf8').split('\n')) {
    const i = line.indexOf(': ');
    meta.set(line.slice(0, i), [...(meta.get(line.slice(0, i)) ?? []), line.slice(i + 2)]);
  }
  const body = raw.subarray(split + 2);
  const identities = meta.get('identity') ?? [];
  return {
    name,
    expect: meta.get('expect')![0]!,
    ...(meta.has('payload') ? { payload: meta.get('payload')![0]! } : {}),
    identities: identities.filter((i) => i.startsWith('AGE-SECRET-KEY-1')),
    armored: meta.get('armored')?.[0] === 'yes',
    passphrase: meta.has('passphrase'),
    otherIdentities: identities.some((i) => !i.startsWith('AGE-SECRET-KEY-1')),
    file: meta.get('compressed')?.[0] === 'zlib' ? inflateSync(body) : body,
  };
}

/** Why a vector is not run, or null when it is. */
function skipReason(v: Vector): string | null {
  if (v.armored) return 'armor: packages are binary age files; the verifier refuses ASCII armor on purpose';
  if (v.identities.length > 0) return null;
  if (v.passphrase) return 'scrypt: BaseDesk never encrypts to or decrypts with a passphrase';
  if (v.otherIdentities) return 'post-quantum: ML-KEM hybrid keys are not in node:crypto 20 nor in Debian age 1.1';
  return null;
}

const KIND: Record<string, string> = {
  [AGE_ERROR.headerInvalid]: 'header failure',
  [AGE_ERROR.noMatch]: 'no match',
  [AGE_ERROR.headerMacInvalid]: 'HMAC failure',
  [AGE_ERROR.payloadTruncated]: 'payload failure',
  [AGE_ERROR.payloadCorrupt]: 'payload failure',
};

function kindOf(e: unknown): string {
  if (isAppError(e) && KIND[e.code]) return KIND[e.code]!;
  throw e;
}

/** Small, uneven pieces, so header and chunk boundaries fall inside source pieces. */
async function* pieces(bytes: Buffer, size = 1000): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const vectors = HAVE_VECTORS ? readdirSync(DIR).sort().map(loadVector) : [];
const runnable = vectors.filter((v) => skipReason(v) === null);

describe.skipIf(!HAVE_VECTORS)(
  `age test vectors (skipped when ${DIR} is missing; CI has ../shared beside the repository)`,
  () => {
    let spare: string;
    let dir: string;
    beforeAll(async () => {
      // Vectors without any identity (a bare header) still need one to try.
      spare = (await generateAgeIdentity()).identity;
      dir = await mkdtemp(join(tmpdir(), 'basedesk-age-vectors-'));
    });
    afterAll(async () => rm(dir, { recursive: true, force: true }));

    it('runs every X25519 vector and skips the rest for a stated reason', () => {
      const skipped = new Map<string, string[]>();
      for (const v of vectors) {
        const why = skipReason(v);
        if (why) skipped.set(why, [...(skipped.get(why) ?? []), v.name]);
      }
      const counts = Object.fromEntries([...skipped].map(([why, names]) => [why.split(':')[0], names.length]));
      expect(counts).toEqual({ armor: 33, scrypt: 24, 'post-quantum': 17 });
      expect(runnable).toHaveLength(69);
      expect(vectors).toHaveLength(143);
      // Nothing with an X25519 identity is left out.
      expect(vectors.filter((v) => v.identities.length > 0 && !v.armored).every((v) => runnable.includes(v))).toBe(true);
    });

    it.each(runnable.map((v) => [v.name, v] as const))('%s (streaming)', async (_name, v) => {
      const released = createHash('sha256');
      let got = 'success';
      try {
        for await (const piece of await openAge(pieces(v.file), v.identities.length ? v.identities : [spare]))
          released.update(piece);
      } catch (e) {
        got = kindOf(e);
      }
      expect(got).toBe(v.expect);
      // Including what was released before a payload failure.
      if (v.payload) expect(released.digest('hex')).toBe(v.payload);
    });

    it.each(runnable.map((v) => [v.name, v] as const))('%s (file to file)', async (name, v) => {
      const src = join(dir, `${name}.age`);
      const dst = join(dir, `${name}.out`);
      await writeFile(src, v.file);
      let got = 'success';
      try {
        await decryptFile(src, dst, v.identities.length ? v.identities : [spare]);
      } catch (e) {
        got = kindOf(e);
      }
      expect(got).toBe(v.expect);
      if (got === 'success') expect(createHash('sha256').update(readFileSync(dst)).digest('hex')).toBe(v.payload);
      // A failed decryption leaves no plaintext behind.
      else expect(existsSync(dst)).toBe(false);
    });
  },
);
