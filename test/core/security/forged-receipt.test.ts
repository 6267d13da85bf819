import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { exportMinisignPublicKey, generateSigningKey } from '../../../src/core/crypto/signing-key';
import { signReceipt } from '../../../src/core/upload/receipt';
import { err, ok } from '../../helpers/core';
import { outboxBase } from '../outbox/helpers';

const toClose: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (toClose.length) await toClose.pop()!();
});

type Answer = (uuid: string, sha512: string) => unknown;

/**
 * Something that looks like an intake from the outside (health check, tus endpoint that swallows the
 * bytes) but answers every receipt request with whatever `answer` builds from the query.
 */
async function fakeIntake(answer: Answer): Promise<string> {
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/health') return send(200, { service: 'basedesk-intake', version: 1 });
    const m = /^\/receipts\/([^/]+)$/.exec(url.pathname);
    if (m) return send(200, answer(decodeURIComponent(m[1]!), url.searchParams.get('sha512') ?? ''));
    res.writeHead(204, { 'tus-resumable': '1.0.0' });
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  toClose.push(() => new Promise((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('receipts are signed by the pinned intake key', () => {
  it('an endpoint echoing uuid and sha512 with status accepted does not deliver anything', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    const item = await ok(core, session, 'package.build', { kind: 'confirmations' });
    const intakeKey = generateSigningKey();
    await ok(core, session, 'keys.setIntakeKey', { publicKey: exportMinisignPublicKey(intakeKey) });
    const url = await fakeIntake((uuid, sha512) => ({
      receipt: 'basedesk-intake/2',
      uuid,
      sha512,
      bytes: item.bytes,
      receivedAt: '2025-07-01T08:00:00.000Z',
      status: 'accepted',
    }));
    await ok(core, session, 'outbox.setEndpoint', { url });
    const r = await ok(core, session, 'outbox.push');
    expect(r.results).toEqual([
      expect.objectContaining({ uuid: item.uuid, state: 'failed', errorCode: 'UPLOAD_RECEIPT_UNSIGNED' }),
    ]);
    expect((await ok(core, session, 'outbox.list'))[0]).toMatchObject({ state: 'failed', receivedAt: null });
  });

  it('a receipt signed by another key, or a signed receipt for other bytes, does not deliver', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    const item = await ok(core, session, 'package.build', { kind: 'confirmations' });
    const pinned = generateSigningKey();
    const forger = generateSigningKey();
    await ok(core, session, 'keys.setIntakeKey', { publicKey: exportMinisignPublicKey(pinned) });
    const fields = (uuid: string, sha512: string, bytes: number) => ({
      uuid,
      sha512,
      bytes,
      receivedAt: '2025-07-01T08:00:00.000Z',
      status: 'accepted' as const,
    });
    await ok(core, session, 'outbox.setEndpoint', {
      url: await fakeIntake((uuid, sha512) => signReceipt(fields(uuid, sha512, item.bytes), forger)),
    });
    expect((await ok(core, session, 'outbox.push')).results[0]).toMatchObject({
      state: 'failed',
      errorCode: 'UPLOAD_RECEIPT_SIGNATURE',
    });

    // Signed by the right key, but for a size the base never sent: the receipt is not about these bytes.
    await ok(core, session, 'outbox.setEndpoint', {
      url: await fakeIntake((uuid, sha512) => signReceipt(fields(uuid, sha512, item.bytes + 1), pinned)),
    });
    expect((await ok(core, session, 'outbox.push')).results[0]).toMatchObject({
      state: 'failed',
      errorCode: 'UPLOAD_RECEIPT_MISMATCH',
    });

    // A signed receipt whose body was edited after signing (rejected -> accepted).
    const honest = signReceipt({ ...fields(item.uuid, item.sha512, item.bytes), status: 'rejected' }, pinned);
    await ok(core, session, 'outbox.setEndpoint', { url: await fakeIntake(() => ({ ...honest, status: 'accepted' })) });
    expect((await ok(core, session, 'outbox.push')).results[0]).toMatchObject({
      state: 'failed',
      errorCode: 'UPLOAD_RECEIPT_SIGNATURE',
    });
    expect((await ok(core, session, 'outbox.list'))[0]).toMatchObject({ state: 'failed', receivedAt: null });
  });

  it('push refuses to send before an intake key is pinned', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    await ok(core, session, 'package.build', { kind: 'confirmations' });
    await ok(core, session, 'outbox.setEndpoint', { url: await fakeIntake(() => ({})) });
    expect((await err(core, session, 'outbox.push')).code).toBe('OUTBOX_NO_INTAKE_KEY');
  });

  it('plain http to another machine is refused unless explicitly allowed', async () => {
    const { core, session } = await outboxBase({ applicants: 1 });
    expect((await err(core, session, 'outbox.setEndpoint', { url: 'http://intake.example.cn/basedesk' })).code).toBe(
      'OUTBOX_ENDPOINT_INSECURE',
    );
    await ok(core, session, 'outbox.setEndpoint', { url: 'https://intake.example.cn/basedesk' });
    await ok(core, session, 'outbox.setEndpoint', { url: 'http://localhost:8080' });
    await ok(core, session, 'outbox.setEndpoint', { url: 'http://[::1]:8080' });
    const allowed = await ok(core, session, 'outbox.setEndpoint', { url: 'http://10.0.0.5:8080', allowHttp: true });
    expect(allowed.endpoint).toBe('http://10.0.0.5:8080');
  });
});
