import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'out', 'main', 'cli.js');
const RENDERER = join(ROOT, 'out', 'renderer', 'index.html');
const START_TIMEOUT_MS = 20_000;

export const PLANS = join(ROOT, 'test', 'fixtures', 'plans');
/** The same fixed, strong test passphrase the CLI tests use (test/helpers/cli.ts). */
export const E2E_DB_PASSPHRASE = 'test db passphrase: 7 blue herons';
export const ADMIN = { username: 'admin', displayName: '王老师', password: 'correct horse 1' };

export type Server = {
  /** The address printed by `serve`, with the per-run token. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Calls the API directly (for arranging state the test is not about). */
  api: <T = unknown>(op: string, input: unknown, session?: string) => Promise<T>;
};

/** Starts `node out/main/cli.js serve` on a fresh data folder and resolves with the URL line it prints. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(CLI) || !existsSync(RENDERER)) {
    throw new Error('找不到构建输出（out/main/cli.js、out/renderer）：请先运行 npx electron-vite build。');
  }
  const child = spawn(process.execPath, [CLI, 'serve', '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Data folders are encrypted: serve takes the database passphrase from the environment (no TTY here).
    env: { ...process.env, NO_COLOR: '1', BASEDESK_DB_PASSPHRASE: E2E_DB_PASSPHRASE },
  });
  let out = '';
  let err = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`serve did not print its URL within ${START_TIMEOUT_MS} ms.\nstdout: ${out}\nstderr: ${err}`)),
      START_TIMEOUT_MS,
    );
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`serve exited early (code ${code}).\nstdout: ${out}\nstderr: ${err}`));
    });
  });
  return { child, url };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ server: Server }>({
  // Playwright requires an object pattern here even when no other fixture is used.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'basedesk-e2e-'));
    const { child, url } = await startServer(dataDir);
    const parsed = new URL(url);
    const token = parsed.searchParams.get('token')!;
    const api = async <T>(op: string, input: unknown, session = 'e2e-arrange'): Promise<T> => {
      const res = await fetch(`${parsed.origin}/api/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-basedesk-token': token, 'x-basedesk-session': session },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
      if (!body.ok) throw new Error(`${op} failed: ${body.error?.code} ${body.error?.message}`);
      return body.value as T;
    };
    try {
      await use({ url, origin: parsed.origin, token, dataDir, api });
    } finally {
      await stopServer(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

/** First-run setup through the API, for tests about something else. */
export async function initializeBase(
  server: Server,
  options: { baseName?: string; presetId?: string; cohortYear?: number } = {},
): Promise<void> {
  await server.api('setup.initialize', {
    baseName: options.baseName ?? '吉林大学第一医院',
    baseCode: 'E2E01',
    presetId: options.presetId ?? 'jilin-2024',
    cohortYear: options.cohortYear ?? 2024,
    admin: ADMIN,
  });
}

/** Mantine marks required labels with an aria-hidden " *", so labels are matched from the start. */
export function field(page: Page | Locator, label: string) {
  return page.getByLabel(new RegExp(`^${label}`));
}

export async function login(page: Page, username = ADMIN.username, password = ADMIN.password): Promise<void> {
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await field(page, '用户名').fill(username);
  await field(page, '密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function openAsAdmin(page: Page, server: Server): Promise<void> {
  await page.goto(server.url);
  await login(page);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
}

export async function goTo(page: Page, nav: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: nav }).click();
  await expect(page.getByRole('heading', { level: 2, name: nav })).toBeVisible();
}

/**
 * A screenshot for people to look at, written only when BASEDESK_SHOTS names a folder: screenshots are
 * not assertions, and a normal test run leaves nothing behind.
 */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.BASEDESK_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), ...options });
}
