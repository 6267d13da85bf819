import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, initBase } from '../helpers/cli';
import { tempDir } from '../helpers/core';

const PLAN = join(import.meta.dirname, '../fixtures/plans/jilin-2024-residency-plan.csv');
const env = { BASEDESK_PASSWORD: 'admin-pass-123' };

async function initialised(): Promise<string> {
  const dir = tempDir();
  const r = await initBase(dir, env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return dir;
}

describe('basedesk CLI', () => {
  it('init, plan import, plan show --json in the documented shape', async () => {
    const dir = await initialised();
    expect((await cli(['--data-dir', dir, 'plan', 'import', PLAN], { env })).code).toBe(0);
    const show = await cli(['--data-dir', dir, 'plan', 'show', '--json'], { env });
    const plan = show.json<{
      total: number;
      rows: Array<{ specialtyCode: string | null; specialtyName: string; category: string | null; quota: number }>;
    }>();
    expect(plan.total).toBe(90);
    expect(plan.rows).toContainEqual(
      expect.objectContaining({ specialtyCode: '0700', specialtyName: '全科', category: null, quota: 30 }),
    );
  });

  it('takes the password from stdin when the environment has none', async () => {
    const dir = tempDir();
    const r = await cli(
      [
        '--data-dir',
        dir,
        'init',
        '--base-name',
        'X医院',
        '--base-code',
        'X',
        '--preset',
        'beijing-2023',
        '--year',
        '2023',
        '--admin',
        'boss',
      ],
      {
        stdin: 'stdin-pass-123\n',
      },
    );
    expect(r.code).toBe(0);
    expect((await cli(['--data-dir', dir, 'users', 'list', '--json'], { stdin: 'stdin-pass-123\n' })).json()).toMatchObject({
      users: [{ username: 'boss', role: 'admin' }],
    });
  });

  it('fails with a coded error on stderr and a non-zero exit for a wrong password', async () => {
    const dir = await initialised();
    const r = await cli(['--data-dir', dir, 'plan', 'show'], { env: { BASEDESK_PASSWORD: 'wrong-password' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('AUTH_FAILED');
    const j = await cli(['--data-dir', dir, '--json', 'plan', 'show'], { env: { BASEDESK_PASSWORD: 'wrong-password' } });
    expect(JSON.parse(j.stderr)).toMatchObject({ error: { code: 'AUTH_FAILED' } });
  });

  it('acts as the user named by --user, with that user’s permissions', async () => {
    const dir = await initialised();
    const add = await cli(['--data-dir', dir, 'users', 'add', '--username', 'clerk1', '--role', 'clerk'], {
      env: { ...env, BASEDESK_NEW_PASSWORD: 'clerk-pass-1' },
    });
    expect(add.code).toBe(0);
    const r = await cli(['--data-dir', dir, '--user', 'clerk1', 'plan', 'import', PLAN], {
      env: { BASEDESK_PASSWORD: 'clerk-pass-1' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('FORBIDDEN');
  });

  it('audit verify and db check pass on a healthy database; a usage error exits 2', async () => {
    const dir = await initialised();
    expect((await cli(['--data-dir', dir, 'audit', 'verify', '--json'], { env })).json()).toMatchObject({ ok: true });
    expect((await cli(['--data-dir', dir, 'db', 'check', '--json'], { env })).json()).toMatchObject({ ok: true });
    expect((await cli(['--data-dir', dir, 'plan', 'import'], { env })).code).toBe(2);
  });

  it('makes the base signing key at init when a key passphrase is given', async () => {
    const dir = tempDir();
    const r = await cli(
      [
        '--data-dir',
        dir,
        '--json',
        'init',
        '--base-name',
        'K医院',
        '--base-code',
        'K',
        '--preset',
        'jilin-2024',
        '--year',
        '2024',
        '--admin',
        'admin',
      ],
      { env: { ...env, BASEDESK_KEY_PASSPHRASE: 'key-pass-1234' } },
    );
    expect(r.code).toBe(0);
    expect(r.json<{ signingKey: { fingerprint: string } }>().signingKey.fingerprint).toMatch(/^[0-9A-F]{16}$/);
    const plain = await cli(
      [
        '--data-dir',
        tempDir(),
        '--json',
        'init',
        '--base-name',
        'L医院',
        '--base-code',
        'L',
        '--preset',
        'jilin-2024',
        '--year',
        '2024',
        '--admin',
        'admin',
      ],
      { env },
    );
    expect(plain.json<{ signingKey: null }>().signingKey).toBeNull();
  });

  it('refuses to run commands before init with SETUP_REQUIRED', async () => {
    const r = await cli(['--data-dir', tempDir(), 'plan', 'show'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SETUP_REQUIRED');
  });
});
