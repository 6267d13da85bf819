import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { OpName, OpResult } from '../../src/shared/contract';
import { dispatch } from '../../src/core/api/dispatch';
import type { Core } from '../../src/core/context';
import { openCore, type OpenCoreOptions } from '../../src/core/open-core';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export function tempDir(prefix = 'basedesk-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Cheap scrypt for test accounts: every setup hashes a password, and production cost is pinned elsewhere. */
export const TEST_SCRYPT_COST = 2 ** 10;

/** A fixed raw database key: core tests run on encrypted databases, as the app does. */
export const TEST_DB_KEY: Uint8Array = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);

export async function freshCore(options: Partial<OpenCoreOptions> = {}): Promise<Core> {
  const core = await openCore({
    dataDir: options.dataDir ?? tempDir(),
    scryptCost: TEST_SCRYPT_COST,
    dbKey: { key: TEST_DB_KEY },
    ...options,
  });
  cleanups.push(() => core.close());
  return core;
}

export const ADMIN = { username: 'admin', password: 'correct horse 1', displayName: '系统管理员' };

/** Call an op and fail the test with the coded error if it did not succeed. */
export async function ok<K extends OpName>(core: Core, session: string, name: K, input: unknown = {}): Promise<OpResult<K>> {
  const r = await dispatch(core, session, name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.value as OpResult<K>;
}

export async function err(core: Core, session: string, name: OpName | (string & {}), input: unknown = {}) {
  const r = await dispatch(core, session, name, input);
  if (r.ok) throw new Error(`${name} unexpectedly succeeded`);
  return r.error;
}

/** A base set up with the given preset and an admin logged in on session 'admin-session'. */
export async function setupBase(presetId = 'jilin-2024', baseName = '吉林大学第一医院', options: Partial<OpenCoreOptions> = {}) {
  const core = await freshCore(options);
  await ok(core, 'setup', 'setup.initialize', {
    baseName,
    baseCode: 'JL001',
    presetId,
    cohortYear: 2024,
    admin: ADMIN,
  });
  await ok(core, 'admin-session', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  return { core, session: 'admin-session' };
}

export async function addUserAndLogin(core: Core, adminSession: string, username: string, role: string) {
  await ok(core, adminSession, 'users.add', { username, displayName: username, role, password: 'password-' + username });
  const session = `${username}-session`;
  await ok(core, session, 'auth.login', { username, password: 'password-' + username });
  return session;
}
