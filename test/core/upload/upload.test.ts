import { createServer as createHttpServer, type Server } from 'node:http';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import { FileStore } from '@tus/file-store';
import { Upload as TusUpload } from '@tus/utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../../src/core/crypto/age';
import { AppError } from '../../../src/shared/errors';
import type { SigningKey } from '../../../src/core/crypto/signing-key';
import type { BuiltPackage } from '../../../src/core/outbox/package/build';
import { createIntakeServer, type IntakeServer } from '../../../src/core/upload/intake-server';
import { signReceipt } from '../../../src/core/upload/receipt';
import { loadOrCreateReceiptKey } from '../../../src/core/upload/receipt-key';
import { probeEndpoint } from '../../../src/core/upload/probe';
import { createMemoryResumeStore, resumeKeyFor, type ResumeStore } from '../../../src/core/upload/resume-store';
import { uploadPackage, type UploadOutcome, type UploadPackageOptions } from '../../../src/core/upload/upload';
import { buildSample, fixedKey, mulberry32, sha512, tempDir, UUID_A } from '../outbox/package/fixtures';
import { startFaultProxy } from './fault-proxy';

let dir: string;
let cleanup: () => Promise<void>;
let key: SigningKey;
let pkg: BuiltPackage;
let intakeDir: string;
let intake: IntakeServer;
const toClose: Array<() => Promise<void>> = [];

/** A package with a few MB of incompressible attachment, so uploads take several requests' worth of bytes. */
async function bigSample(name: string, mb: number, overrides: Parameters<typeof buildSample>[1] = {}): Promise<BuiltPackage> {
  const rnd = mulberry32(mb * 1000 + name.length);
  const bytes = Buffer.alloc(mb * 1024 * 1024);
  for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE((rnd() * 0x100000000) >>> 0, i);
  const file = join(dir, `${name}.bin`);
  await writeFile(file, bytes);
  const { built } = await buildSample(
    dir,
    { payload: [{ path: 'data/attachments/big.bin', filePath: file }], ...overrides },
    name,
  );
  return built;
}

async function startIntake(port = 0): Promise<IntakeServer> {
  return createIntakeServer({ dir: intakeDir, port, trustedKeys: [{ keyId: key.keyId, publicKey: key.publicKey }] });
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('basedesk-upload-'));
  key = fixedKey(1);
  pkg = await bigSample('pkg.zip', 3);
  intakeDir = join(dir, 'intake');
  intake = await startIntake();
});

afterEach(async () => {
  for (const c of toClose.splice(0)) await c();
  await intake.close();
  await cleanup();
});

function opts(endpoint: string, store: ResumeStore, extra: Partial<UploadPackageOptions> = {}): UploadPackageOptions {
  return {
    endpoint,
    filePath: pkg.filePath,
    sha512: pkg.sha512,
    uuid: pkg.uuid,
    receiptKeys: [intake.receiptPublicKey],
    resumeStore: store,
    retryDelays: [0, 100, 200],
    ...extra,
  };
}

async function acceptedCopies(): Promise<Array<{ file: string; sha512: string }>> {
  const files = await readdir(intake.acceptedDir);
  return Promise.all(files.map(async (file) => ({ file, sha512: sha512(await readFile(join(intake.acceptedDir, file))) })));
}

async function tusUploadsCreated(): Promise<number> {
  return (await readdir(join(intakeDir, 'uploads'))).filter((f) => f.endsWith('.json')).length;
}

/** Size of the one unfinished tus upload on the intake's disk, or -1. */
async function partialBytes(): Promise<number> {
  for (const f of await readdir(join(intakeDir, 'uploads'))) {
    if (!f.endsWith('.json')) return (await stat(join(intakeDir, 'uploads', f))).size;
  }
  return -1;
}

async function waitFor(cond: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (let i = 0; i < 10_000 && Date.now() < until; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('waitFor: timed out');
}

/** Retry as the outbox would: bounded by attempts and time; only connection-type errors are retried. */
async function uploadUntilDelivered(
  make: () => UploadPackageOptions,
  maxAttempts: number,
  maxMs: number,
): Promise<{ outcome: UploadOutcome; attempts: number }> {
  const until = Date.now() + maxMs;
  let last: unknown;
  for (let attempt = 1; attempt <= maxAttempts && Date.now() < until; attempt++) {
    try {
      return { outcome: await uploadPackage(make()), attempts: attempt };
    } catch (e) {
      last = e;
      if (!(e instanceof AppError) || !/^UPLOAD_(OFFLINE|NO_RECEIPT|HTTP_5\d\d)$/.test(e.code)) throw e;
    }
  }
  throw last;
}

function htmlServer(getStatus = 200): Promise<{ url: string; server: Server }> {
  const server = createHttpServer((req, res) => {
    req.resume();
    res.writeHead(req.method === 'GET' ? getStatus : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html><body>请先登录 Wi-Fi</body></html>');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })),
  );
}

async function closedPort(): Promise<number> {
  const s = createHttpServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('probeEndpoint', () => {
  it('tells online, offline and not-an-intake apart', async () => {
    expect(await probeEndpoint(intake.url)).toBe('online');
    expect(await probeEndpoint(`http://127.0.0.1:${await closedPort()}`)).toBe('offline');
    const html = await htmlServer();
    toClose.push(() => new Promise((r) => html.server.close(() => r())));
    expect(await probeEndpoint(html.url)).toBe('not-intake');
  });
});

describe('uploadPackage against the reference intake', () => {
  it('delivers, with a receipt naming exactly this package; asking again sends nothing', async () => {
    const store = createMemoryResumeStore();
    const progress: number[] = [];
    const r = await uploadPackage(opts(intake.url, store, { onProgress: (sent) => progress.push(sent) }));
    expect(r).toMatchObject({
      status: 'delivered',
      receipt: { receipt: 'basedesk-intake/2', uuid: UUID_A, sha512: pkg.sha512, bytes: pkg.bytes, status: 'accepted' },
    });
    expect(progress.at(-1)).toBe(pkg.bytes);
    expect(store.snapshot()).toEqual({}); // resume info dropped once delivered
    expect(await acceptedCopies()).toEqual([{ file: `${UUID_A}.zip`, sha512: pkg.sha512 }]);

    const again = await uploadPackage(opts(intake.url, createMemoryResumeStore()));
    expect(again).toEqual(r);
    expect(await tusUploadsCreated()).toBe(1);
  });

  it('an endpoint answering HTML (captive portal) -> UPLOAD_NO_RECEIPT, nothing delivered', async () => {
    const html = await htmlServer();
    toClose.push(() => new Promise((r) => html.server.close(() => r())));
    const store = createMemoryResumeStore();
    await expect(uploadPackage(opts(html.url, store))).rejects.toMatchObject({ code: 'UPLOAD_NO_RECEIPT' });
    expect(store.snapshot()).toEqual({});
    expect(await acceptedCopies()).toEqual([]);
  });

  it('a portal that lets the upload "succeed" with HTML -> UPLOAD_NO_RECEIPT', async () => {
    const html = await htmlServer(404);
    toClose.push(() => new Promise((r) => html.server.close(() => r())));
    await expect(uploadPackage(opts(html.url, createMemoryResumeStore()))).rejects.toMatchObject({ code: 'UPLOAD_NO_RECEIPT' });
  });

  it('a receipt signed by the intake but for other bytes -> UPLOAD_RECEIPT_MISMATCH', async () => {
    const intakeKey = await loadOrCreateReceiptKey(intakeDir);
    const about = { uuid: UUID_A, receivedAt: '2025-07-01T00:00:00Z', status: 'accepted' as const };
    const answer = (body: unknown) => async (): Promise<Response> =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    for (const other of [
      { sha512: 'f'.repeat(128), bytes: pkg.bytes },
      { sha512: pkg.sha512, bytes: pkg.bytes - 1 },
    ]) {
      const fetchImpl = answer(signReceipt({ ...about, ...other }, intakeKey));
      await expect(uploadPackage(opts(intake.url, createMemoryResumeStore(), { fetchImpl }))).rejects.toMatchObject({
        code: 'UPLOAD_RECEIPT_MISMATCH',
      });
    }
  });

  it('an unsigned or wrongly signed receipt for exactly this package proves nothing', async () => {
    const about = {
      uuid: UUID_A,
      sha512: pkg.sha512,
      bytes: pkg.bytes,
      receivedAt: '2025-07-01T00:00:00Z',
      status: 'accepted' as const,
    };
    const answer = (body: unknown) => async (): Promise<Response> =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const { signature: _s, ...unsigned } = signReceipt(about, fixedKey(8));
    void _s;
    await expect(
      uploadPackage(opts(intake.url, createMemoryResumeStore(), { fetchImpl: answer(unsigned) })),
    ).rejects.toMatchObject({ code: 'UPLOAD_RECEIPT_UNSIGNED' });
    await expect(
      uploadPackage(opts(intake.url, createMemoryResumeStore(), { fetchImpl: answer(signReceipt(about, fixedKey(8))) })),
    ).rejects.toMatchObject({ code: 'UPLOAD_RECEIPT_SIGNATURE' });
    await expect(uploadPackage(opts(intake.url, createMemoryResumeStore(), { receiptKeys: [] }))).rejects.toMatchObject({
      code: 'OUTBOX_NO_INTAKE_KEY',
    });
    expect(await acceptedCopies()).toEqual([]);
  });

  it('no server -> UPLOAD_OFFLINE', async () => {
    await expect(uploadPackage(opts(`http://127.0.0.1:${await closedPort()}`, createMemoryResumeStore()))).rejects.toMatchObject({
      code: 'UPLOAD_OFFLINE',
    });
  });

  it('announced hash differs from the bytes -> UPLOAD_HASH_MISMATCH, nothing accepted', async () => {
    const other = await bigSample('other.zip', 1, { sequence: 9 });
    await expect(uploadPackage(opts(intake.url, createMemoryResumeStore(), { sha512: other.sha512 }))).rejects.toMatchObject({
      code: 'UPLOAD_HASH_MISMATCH',
    });
    expect(await acceptedCopies()).toEqual([]);
  });

  it('the same uuid with other bytes is rejected with PKG_REPLAY_DIFFERENT; the first stays the only copy', async () => {
    await uploadPackage(opts(intake.url, createMemoryResumeStore()));
    const changed = await bigSample('changed.zip', 1, { sequence: 8 });
    const r = await uploadPackage({
      ...opts(intake.url, createMemoryResumeStore()),
      filePath: changed.filePath,
      sha512: changed.sha512,
    });
    expect(r).toMatchObject({
      status: 'rejected',
      receipt: { status: 'rejected', sha512: changed.sha512, errors: [{ code: 'PKG_REPLAY_DIFFERENT' }] },
    });
    expect(await acceptedCopies()).toEqual([{ file: `${UUID_A}.zip`, sha512: pkg.sha512 }]);
  });

  it('a package signed by an unpinned key gets a rejected receipt (not a delivery)', async () => {
    const stranger = await bigSample('stranger.zip', 1, { signingKey: fixedKey(7) });
    const r = await uploadPackage({
      ...opts(intake.url, createMemoryResumeStore()),
      filePath: stranger.filePath,
      sha512: stranger.sha512,
    });
    expect(r).toMatchObject({
      status: 'rejected',
      receipt: { errors: [{ code: 'SIG_UNKNOWN_KEY', file: 'tagmanifest-sha512.txt.minisig' }] },
    });
    expect(await acceptedCopies()).toEqual([]);
  });

  it('a restarted intake remembers what it accepted and answers with the same receipt', async () => {
    const first = await uploadPackage(opts(intake.url, createMemoryResumeStore()));
    const port = intake.port;
    await intake.close();
    intake = await startIntake(port);
    expect(await uploadPackage(opts(intake.url, createMemoryResumeStore()))).toEqual(first);
    expect(intake.snapshot().packages[UUID_A]).toMatchObject({ sha512: pkg.sha512 });
  });
});

describe('reference intake', () => {
  it('accepts a package encrypted to its age identity and keeps it encrypted', async () => {
    const pair = await generateAgeIdentity();
    await intake.close();
    intake = await createIntakeServer({ dir: intakeDir, trustedKeys: [key], identities: [pair.identity] });
    const enc = await bigSample('enc.zip.age', 1, { encryptTo: pair.recipient });
    const r = await uploadPackage({ ...opts(intake.url, createMemoryResumeStore()), filePath: enc.filePath, sha512: enc.sha512 });
    expect(r).toMatchObject({ status: 'delivered', receipt: { sha512: enc.sha512 } });
    expect(await acceptedCopies()).toEqual([{ file: `${UUID_A}.zip.age`, sha512: enc.sha512 }]);
    expect(intake.snapshot().packages[UUID_A]).toMatchObject({ sha512: enc.sha512, bagSha512: enc.bagSha512 });
  });

  it('checks, at start, a complete upload whose check was interrupted (crash before the receipt)', async () => {
    await intake.close();
    // What a crash leaves: the bytes fully written by tus, no verdict in the index.
    const store = new FileStore({ directory: join(intakeDir, 'uploads') });
    await store.create(
      new TusUpload({
        id: 'crashed',
        size: pkg.bytes,
        offset: 0,
        metadata: { uuid: pkg.uuid, sha512: pkg.sha512, filename: 'x' },
      }),
    );
    await store.write(createReadStream(pkg.filePath), 'crashed', 0);
    intake = await startIntake();
    expect(await acceptedCopies()).toEqual([{ file: `${UUID_A}.zip`, sha512: pkg.sha512 }]);
    const r = await uploadPackage(opts(intake.url, createMemoryResumeStore()));
    expect(r).toMatchObject({ status: 'delivered' });
    expect(await tusUploadsCreated()).toBe(1); // answered from the receipt, nothing re-sent
  });

  it('refuses uploads without uuid and sha512 metadata', async () => {
    const res = await fetch(`${intake.url}/files/`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': `filename ${Buffer.from('x').toString('base64')}`,
      },
    });
    expect(res.status).toBe(400);
  });
});

describe('uploads under faults', () => {
  it.each([11, 23, 37])(
    'connections cut after random byte counts (seed %i): retried until delivered, one accepted copy',
    async (seed) => {
      const proxy = await startFaultProxy(intake.port, { seed, cutAfter: [16 * 1024, 512 * 1024], maxCuts: 40 });
      toClose.push(proxy.close);
      const store = createMemoryResumeStore();
      const { outcome } = await uploadUntilDelivered(() => opts(proxy.url, store, { retryDelays: [0, 20, 50] }), 60, 60_000);
      expect(outcome).toMatchObject({ status: 'delivered', receipt: { sha512: pkg.sha512 } });
      expect(proxy.stats.cuts).toBeGreaterThan(0);
      // Resumed, not restarted: far fewer bytes went up than (cuts + 1) whole packages.
      expect(proxy.stats.bytesUp).toBeLessThan(pkg.bytes * 3);
      expect(await acceptedCopies()).toEqual([{ file: `${UUID_A}.zip`, sha512: pkg.sha512 }]);
      expect(Object.keys(intake.snapshot().packages)).toEqual([UUID_A]);
    },
    90_000,
  );

  it('the intake restarted mid-upload: the upload resumes and ends delivered exactly once', async () => {
    const port = intake.port;
    const proxy = await startFaultProxy(port, { seed: 5, bytesPerSecond: 3 * 1024 * 1024 });
    toClose.push(proxy.close);
    const store = createMemoryResumeStore();
    const running = uploadUntilDelivered(() => opts(proxy.url, store, { retryDelays: [100, 200, 400, 800, 1600] }), 20, 60_000);
    await waitFor(async () => {
      const n = await partialBytes();
      return n > 256 * 1024 && n < pkg.bytes;
    }, 20_000);
    const before = await partialBytes();
    await intake.close();
    intake = await startIntake(port);
    const { outcome } = await running;
    expect(before).toBeLessThan(pkg.bytes);
    expect(outcome).toMatchObject({ status: 'delivered', receipt: { sha512: pkg.sha512 } });
    expect(await tusUploadsCreated()).toBe(1);
    expect(await acceptedCopies()).toEqual([{ file: `${UUID_A}.zip`, sha512: pkg.sha512 }]);
  }, 90_000);

  it('an app restart: a new upload with the same resume store continues where the last one stopped', async () => {
    const proxy = await startFaultProxy(intake.port, { seed: 9, bytesPerSecond: 3 * 1024 * 1024 });
    toClose.push(proxy.close);
    const store = createMemoryResumeStore();
    const ac = new AbortController();
    const first = uploadPackage(opts(proxy.url, store, { signal: ac.signal }));
    await waitFor(async () => (await partialBytes()) > 512 * 1024, 20_000);
    ac.abort();
    await expect(first).rejects.toMatchObject({ code: 'UPLOAD_ABORTED' });
    expect(Object.keys(store.snapshot())).toEqual([resumeKeyFor(pkg.sha512)]);
    await new Promise((r) => setTimeout(r, 200)); // let the intake write what reached it
    const kept = await partialBytes();
    expect(kept).toBeGreaterThan(0);

    // "Restart": a fresh call, same persisted store.
    const upBefore = proxy.stats.bytesUp;
    const progress: number[] = [];
    const { outcome } = await uploadUntilDelivered(
      () => opts(proxy.url, store, { onProgress: (s) => progress.push(s) }),
      5,
      60_000,
    );
    expect(outcome).toMatchObject({ status: 'delivered' });
    expect(progress[0]).toBeGreaterThanOrEqual(kept);
    expect(proxy.stats.bytesUp - upBefore).toBeLessThan(pkg.bytes - kept + 64 * 1024);
    expect(await tusUploadsCreated()).toBe(1);
    expect(await acceptedCopies()).toEqual([{ file: `${UUID_A}.zip`, sha512: pkg.sha512 }]);
  }, 90_000);
});
