import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/core/applicants/import';
import { startHttpServer } from '../../src/http/server';
import { setupBase, tempDir } from '../helpers/core';

function raw(port: number, method: string, path: string, body?: Buffer, token = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-basedesk-token': token };
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function server() {
  const { core } = await setupBase();
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>BaseDesk</title>');
  const s = await startHttpServer({ core, rendererDir });
  return { core, s, port: Number(new URL(s.origin).port) };
}

describe('HTTP transport hardening', () => {
  it('refuses to listen beyond loopback unless the LAN is explicitly allowed', async () => {
    const { core } = await setupBase();
    await expect(startHttpServer({ core, rendererDir: null, host: '0.0.0.0' })).rejects.toMatchObject({
      code: 'HTTP_HOST_NOT_LOOPBACK',
    });
    await expect(startHttpServer({ core, rendererDir: null, host: '::' })).rejects.toMatchObject({
      code: 'HTTP_HOST_NOT_LOOPBACK',
    });
    const lan = await startHttpServer({ core, rendererDir: null, host: '0.0.0.0', allowLan: true });
    await lan.close();
    const local = await startHttpServer({ core, rendererDir: null, host: 'localhost' });
    await local.close();
  });

  it('a malformed percent-escape in the path is a 400, not a 500', async () => {
    const { s, port } = await server();
    try {
      expect((await raw(port, 'GET', '/assets/%E0%A4%A')).status).toBe(400);
      expect((await raw(port, 'GET', '/%zz')).status).toBe(400);
      const api = await raw(port, 'POST', '/api/%E0%A4%A', Buffer.from('{}'), s.token);
      expect(api.status).toBe(400);
      expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'HTTP_BAD_URL' } });
    } finally {
      await s.close();
    }
  });

  it('takes a request as large as the largest file in base64, and refuses one much larger', async () => {
    const { s, port } = await server();
    try {
      const base64Size = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
      const fits = Buffer.from(`{"fileName":"a.csv","contentBase64":"${'A'.repeat(base64Size)}"}`);
      expect((await raw(port, 'POST', '/api/system.status', fits, s.token)).status).toBe(200);
      const tooBig = Buffer.alloc(base64Size + 4 * 1024 * 1024, 0x20);
      const r = await raw(port, 'POST', '/api/system.status', tooBig, s.token);
      expect(r.status).toBe(413);
    } finally {
      await s.close();
    }
  });
});
