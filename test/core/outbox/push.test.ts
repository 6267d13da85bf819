import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportMinisignPublicKey, generateSigningKey } from '../../../src/core/crypto/signing-key';
import { pushOutbox } from '../../../src/core/outbox/outbox';
import { createIntakeServer, type IntakeServer } from '../../../src/core/upload';
import { err, freshCore, ok, tempDir } from '../../helpers/core';
import { startFaultProxy } from '../upload/fault-proxy';
import { activePublicKey, outboxBase, outboxFile, protectWithPassphrase, sha512Hex } from './helpers';
import { ADMIN_ACTOR } from '../../helpers/actor';

const toClose: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (toClose.length) await toClose.pop()!();
});

async function intake(
  core: Parameters<typeof activePublicKey>[0],
  dir = tempDir('basedesk-intake-'),
  trusted?: 'other',
): Promise<IntakeServer> {
  const key = trusted === 'other' ? generateSigningKey() : await activePublicKey(core);
  const server = await createIntakeServer({ dir, trustedKeys: [key] });
  toClose.push(() => server.close());
  // The base pins this intake's receipt key, as it would the province's.
  await ok(core, 'admin-session', 'keys.setIntakeKey', {
    publicKey: exportMinisignPublicKey(server.receiptPublicKey),
    reason: '测试用接收端',
  });
  return server;
}

async function htmlPortal(): Promise<string> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><body>请登录 Wi-Fi</body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  toClose.push(() => new Promise((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/portal`;
}

const FAST = { retryDelays: [50, 100, 200], receiptTimeoutMs: 20_000, requestTimeoutMs: 5000 };

describe('outbox push', () => {
  it('delivers to a real intake and marks delivered only with its receipt; nothing is deleted', async () => {
    const { core, session } = await outboxBase({ applicants: 4, attachmentBytes: [3000] });
    const item = await ok(core, session, 'package.build', { kind: 'confirmations' });
    expect((await err(core, session, 'outbox.push')).code).toBe('OUTBOX_NO_ENDPOINT');
    const server = await intake(core);
    expect((await err(core, session, 'outbox.setEndpoint', { url: 'ftp://x' })).code).toBe('OUTBOX_ENDPOINT_INVALID');
    await ok(core, session, 'outbox.setEndpoint', { url: `${server.url}/` });
    const r = await ok(core, session, 'outbox.push');
    expect(r).toEqual({
      connectivity: 'online',
      results: [{ uuid: item.uuid, state: 'delivered', errorCode: null, message: null }],
    });
    const [after] = await ok(core, session, 'outbox.list');
    expect(after).toMatchObject({ state: 'delivered', attempts: 1, lastError: null });
    expect(after!.receivedAt).toEqual(expect.any(String));
    expect(after!.history.map((h) => h.to)).toEqual(['queued', 'uploading', 'delivered']);
    expect(server.snapshot().packages[item.uuid]).toMatchObject({ sha512: item.sha512 });
    expect(existsSync(outboxFile(core, item.fileName))).toBe(true);
    // Delivered packages are not sent again; the resume entry is gone.
    expect((await ok(core, session, 'outbox.push')).results).toEqual([]);
    expect(await core.db.selectFrom('outbox_resume').selectAll().execute()).toEqual([]);
    const status = await ok(core, session, 'outbox.status');
    expect(status).toMatchObject({ connectivity: 'online', pushing: false, counts: { delivered: 1, queued: 0 } });
  });

  it('an endpoint answering HTML (captive portal) is not a receipt: failed, retryable, file kept', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    const item = await ok(core, session, 'package.build', { kind: 'confirmations' });
    await ok(core, session, 'keys.setIntakeKey', { publicKey: exportMinisignPublicKey(generateSigningKey()) });
    await ok(core, session, 'outbox.setEndpoint', { url: await htmlPortal() });
    expect((await ok(core, session, 'outbox.status')).connectivity).toBe('not-intake');
    const r = await ok(core, session, 'outbox.push');
    expect(r.connectivity).toBe('not-intake');
    expect(r.results).toEqual([expect.objectContaining({ uuid: item.uuid, state: 'failed', errorCode: 'UPLOAD_NO_RECEIPT' })]);
    const [failed] = await ok(core, session, 'outbox.list');
    expect(failed).toMatchObject({ state: 'failed', lastError: { code: 'UPLOAD_NO_RECEIPT' } });
    expect(failed!.history.at(-1)).toMatchObject({ from: 'uploading', to: 'failed', errorCode: 'UPLOAD_NO_RECEIPT' });
    expect(sha512Hex(readFileSync(outboxFile(core, item.fileName)))).toBe(item.sha512);

    // Back on the real network: the same package goes through.
    const server = await intake(core);
    await ok(core, session, 'outbox.setEndpoint', { url: server.url });
    expect((await ok(core, session, 'outbox.push')).results[0]).toMatchObject({ state: 'delivered' });
    expect((await ok(core, session, 'outbox.list'))[0]).toMatchObject({ state: 'delivered', attempts: 2, lastError: null });
  });

  it('offline: every item stays failed with UPLOAD_OFFLINE and can be exported to a folder meanwhile', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    const item = await ok(core, session, 'package.build', { kind: 'confirmations' });
    await ok(core, session, 'keys.setIntakeKey', { publicKey: exportMinisignPublicKey(generateSigningKey()) });
    await ok(core, session, 'outbox.setEndpoint', { url: 'http://127.0.0.1:9' });
    const r = await ok(core, session, 'outbox.push');
    expect(r).toMatchObject({ connectivity: 'offline', results: [{ state: 'failed', errorCode: 'UPLOAD_OFFLINE' }] });
    expect((await ok(core, session, 'outbox.status')).connectivity).toBe('offline');

    const usb = tempDir('basedesk-usb-');
    const exported = await ok(core, session, 'outbox.export', { uuid: item.uuid, dir: usb });
    expect(exported.files).toEqual([item.fileName, `${item.fileName}.sha512`, `README-${item.uuid}.txt`]);
    execFileSync('sha512sum', ['--quiet', '-c', `${item.fileName}.sha512`], { cwd: usb });
    expect(readFileSync(join(usb, `README-${item.uuid}.txt`), 'utf8')).toContain('minisign -Vm tagmanifest-sha512.txt');
    // Exporting again is harmless; the outbox item is unchanged.
    await ok(core, session, 'outbox.export', { uuid: item.uuid, dir: usb });
    expect((await ok(core, session, 'outbox.list'))[0]).toMatchObject({ state: 'failed' });
    const dl = await ok(core, session, 'outbox.download', { uuid: item.uuid });
    expect(sha512Hex(Buffer.from(dl.contentBase64, 'base64'))).toBe(item.sha512);
  });

  it('a package the intake rejects (unknown key) is rejected, not re-sent until re-queued', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    const item = await ok(core, session, 'package.build', { kind: 'confirmations' });
    const server = await intake(core, undefined, 'other');
    await ok(core, session, 'outbox.setEndpoint', { url: server.url });
    const r = await ok(core, session, 'outbox.push');
    expect(r.results).toEqual([expect.objectContaining({ state: 'rejected', errorCode: 'SIG_UNKNOWN_KEY' })]);
    expect((await ok(core, session, 'outbox.push')).results).toEqual([]);
    expect((await err(core, session, 'outbox.push', { uuid: item.uuid })).code).toBe('OUTBOX_NOT_SENDABLE');
    const requeued = await ok(core, session, 'outbox.requeue', { uuid: item.uuid, reason: '省里已登记本基地公钥' });
    expect(requeued.state).toBe('queued');
    expect(existsSync(outboxFile(core, item.fileName))).toBe(true);
  });

  it('an app restart mid-upload resumes from the SQLite resume store and delivers exactly once', async () => {
    const dataDir = tempDir('basedesk-restart-');
    const { core } = await outboxBase({ applicants: 3, attachmentBytes: [2 * 1024 * 1024, 2 * 1024 * 1024], dataDir });
    const { session } = { session: 'admin-session' };
    const item = await ok(core, session, 'package.build', { kind: 'confirmations' });
    const intakeDir = tempDir('basedesk-intake-');
    const server = await intake(core, intakeDir);
    const proxy = await startFaultProxy(server.port, { seed: 3, bytesPerSecond: 1024 * 1024 });
    toClose.push(proxy.close);
    await ok(core, session, 'outbox.setEndpoint', { url: proxy.url });

    const ac = new AbortController();
    const first = pushOutbox(core, ADMIN_ACTOR, { signal: ac.signal, upload: FAST });
    const partial = (): number =>
      readdirSync(join(intakeDir, 'uploads'))
        .filter((f) => !f.endsWith('.json'))
        .reduce((n, f) => n + statSync(join(intakeDir, 'uploads', f)).size, 0);
    for (let i = 0; i < 200 && partial() < 512 * 1024; i++) await new Promise((r) => setTimeout(r, 50));
    expect(partial()).toBeGreaterThan(0);
    expect((await ok(core, session, 'outbox.status')).items[0]!.progress).toMatchObject({ total: item.bytes });
    ac.abort();
    expect((await first).results).toEqual([expect.objectContaining({ state: 'failed', errorCode: 'UPLOAD_ABORTED' })]);
    const resume = await core.db.selectFrom('outbox_resume').selectAll().execute();
    expect(resume.map((r) => r.key)).toEqual([`tus::basedesk-${item.sha512}`]);
    // What a crash leaves behind: the row still says uploading.
    await core.db.updateTable('outbox').set({ state: 'uploading' }).where('uuid', '=', item.uuid).execute();
    await new Promise((r) => setTimeout(r, 200));
    const kept = partial();
    await core.close();

    const reopened = await freshCore({ dataDir });
    protectWithPassphrase(reopened);
    const upBefore = proxy.stats.bytesUp;
    const r = await pushOutbox(reopened, ADMIN_ACTOR, { upload: FAST });
    expect(r.results).toEqual([expect.objectContaining({ uuid: item.uuid, state: 'delivered' })]);
    // Resumed: what went up after the restart is about the rest of the file, not the whole file again.
    expect(proxy.stats.bytesUp - upBefore).toBeLessThan(item.bytes - kept + 256 * 1024);
    expect(Object.keys(server.snapshot().packages)).toEqual([item.uuid]);
    expect(readdirSync(join(intakeDir, 'accepted'))).toEqual([item.fileName]);
    const row = await reopened.db
      .selectFrom('outbox_history')
      .select(['from_state', 'to_state', 'reason'])
      .where('uuid', '=', item.uuid)
      .orderBy('id')
      .execute();
    expect(row.map((h) => h.to_state)).toEqual(['queued', 'uploading', 'failed', 'uploading', 'delivered']);
    expect(row[3]).toMatchObject({ from_state: 'uploading', reason: '上次发送中断，从断点继续' });
  }, 60_000);
});
