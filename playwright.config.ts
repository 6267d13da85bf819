import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built renderer through the local HTTP transport (`basedesk serve`), one fresh
 * data folder and server per test (see test/e2e/fixtures.ts). Build first: `npx electron-vite build`.
 * The system Chromium is used; Playwright's own browser downloads are never needed.
 */
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
