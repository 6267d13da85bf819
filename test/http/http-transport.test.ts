import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src/http/server';
import { ADMIN, setupBase, tempDir } from '../helpers/core';

async function post(origin: string, op: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${origin}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } } };
}

function rawGet(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function server() {
  const { core } = await setupBase();
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>BaseDesk</title>');
  mkdirSync(join(rendererDir, 'assets'));
  const s = await startHttpServer({ core, rendererDir });
  return { core, s, port: Number(new URL(s.origin).port) };
}

describe('local HTTP transport', () => {
  it('serves the same contract behind the per-run token, on loopback only', async () => {
    const { s } = await server();
    try {
      expect(new URL(s.origin).hostname).toBe('127.0.0.1');
      const session = { 'x-basedesk-token': s.token, 'x-basedesk-session': 'tab-1' };
      expect((await post(s.origin, 'auth.login', { username: ADMIN.username, password: ADMIN.password }, session)).body.ok).toBe(
        true,
      );
      const plan = await post(s.origin, 'plan.show', {}, session);
      expect(plan.body).toMatchObject({ ok: true, value: { total: 0 } });
      // another tab with the same token is a different session: not logged in
      expect((await post(s.origin, 'plan.show', {}, { ...session, 'x-basedesk-session': 'tab-2' })).body.error?.code).toBe(
        'AUTH_REQUIRED',
      );
    } finally {
      await s.close();
    }
  });

  it('refuses calls without the token, with a wrong Host header, and paths outside the renderer', async () => {
    const { s, port } = await server();
    try {
      const noToken = await post(s.origin, 'system.status', {}, {});
      expect(noToken.status).toBe(401);
      expect(noToken.body.error?.code).toBe('HTTP_TOKEN');
      expect((await rawGet(port, '/', `evil.example:${port}`)).status).toBe(421);
      for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
        const r = await rawGet(port, path, `127.0.0.1:${port}`);
        expect(r.body).not.toContain('root:');
        expect([200, 403]).toContain(r.status);
      }
      const bad = await fetch(`${s.origin}/api/system.status`, {
        method: 'POST',
        headers: { 'x-basedesk-token': s.token },
        body: '{not json',
      });
      expect(bad.status).toBe(400);
    } finally {
      await s.close();
    }
  });
});
