/**
 * The rotation plan grid in Chromium at a large base's size: one cohort of 600 trainees × 72 half months
 * (3 years), planned by the scheduler on the example scheme, and one of 2,000 (a base whose cohort is in the
 * thousands), beside the same screen over 60 trainees measured in the same run. The built renderer (`out/`,
 * `npx electron-vite build`) is served in process by the HTTP transport; the system Chromium is driven by
 * Playwright's library. Figures:
 * - time to grid visible: from the navigation click to the first animation frame after the first block bar
 *   exists (the route, the cohort's first rows read and React's render);
 * - time to the whole page: to the first frame after the department load (heatmap) exists, which is read
 *   once all the cohort's rows are;
 * - scroll: the grid scrolled from top to bottom in steps of ten rows, the time from each step to the second
 *   animation frame after it (the windowed rows re-rendered and painted); and how many rows are in the DOM.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import type { Core } from '../src/core/context';
import { openCore } from '../src/core/open-core';
import { makeTrainees, traineesCsv } from '../src/core/testdata/trainees';
import { startHttpServer } from '../src/http/server';
import { median, percentile } from './stats';
import { ADMIN_PASSWORD, call, setUpBase } from './base';

const ROOT = resolve(import.meta.dirname, '..');
const RENDERER = process.env.BENCH_RENDERER_DIR ?? join(ROOT, 'out', 'renderer');
const EXAMPLES = join(ROOT, 'resources', 'rotation');
const CHROMIUM = '/usr/bin/chromium';
const ROUNDS = 3;
const COHORT = 2027;

const csv = (text: string | Uint8Array, name: string) => ({
  fileName: name,
  contentBase64: Buffer.from(text).toString('base64'),
});

/** The example departments with capacities scaled so `n` trainees at once fit (the scheme is the example one). */
function departmentsCsv(n: number): string {
  const lines = readFileSync(join(EXAMPLES, '示例-科室.csv'), 'utf8').trim().split('\n');
  // A whole cohort serves the three 4-month first-year rows at once: a third of it in each, 消化内科 (4 places) the tightest.
  const factor = Math.max(1, Math.ceil(n / 10));
  return [
    lines[0],
    ...lines.slice(1).map((l) => {
      const cells = l.split(',');
      cells[2] = String(Number(cells[2]) * factor);
      return cells.join(',');
    }),
  ].join('\n');
}

/** A data folder with one cohort of n 内科 trainees, every one planned by the scheduler. */
async function seeded(dir: string, n: number): Promise<{ core: Core; planMs: number }> {
  const core = await openCore({ dataDir: dir, idleMinutes: 0, scryptCost: 2 ** 10 });
  await setUpBase(core, { cohortYear: COHORT });
  await call(core, 'rotation.importDepartments', csv(departmentsCsv(n), '科室.csv'));
  await call(core, 'rotation.importSchemes', {
    fileName: '示例-轮转方案.csv',
    contentBase64: readFileSync(join(EXAMPLES, '示例-轮转方案.csv')).toString('base64'),
    example: true,
  });
  const rows = makeTrainees(n, n, { specialties: ['内科'], cohorts: [COHORT, COHORT] }).map((r) => ({
    ...r,
    培训年限: '3',
    协同单位: '',
  }));
  await call(core, 'trainees.commitImport', csv(traineesCsv(rows), '在培学员.csv'));
  const t0 = performance.now();
  const planned = await call(core, 'rotation.plan', { cohortYear: COHORT });
  if (planned['planned'] !== n)
    throw new Error(`planned ${String(planned['planned'])} of ${n}: ${JSON.stringify(planned['infeasible'])}`);
  return { core, planMs: performance.now() - t0 };
}

type Visible = { ms: number; rows: number; bars: number; heatmapMs: number };

/** Written as page source (the bench is compiled without the DOM's types). */
const OPEN_GRID = `new Promise((done, fail) => {
  const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === '轮转计划');
  if (!link) return fail(new Error('no link'));
  performance.mark('grid-start');
  const ready = () => document.querySelector('[data-testid="plan-grid"] [role="gridcell"]');
  const heatmap = () => document.querySelector('[data-testid="heatmap"]');
  let grid = null;
  const observer = new MutationObserver(() => {
    if (!grid && ready()) {
      grid = {
        rows: document.querySelectorAll('[data-testid="plan-grid"] [role="row"]').length,
        bars: document.querySelectorAll('[data-testid="plan-grid"] [role="gridcell"]').length,
      };
      requestAnimationFrame(() => (grid.ms = performance.measure('grid', 'grid-start').duration));
    }
    if (!grid || !heatmap()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const m = performance.measure('heatmap', 'grid-start');
      const finish = () => (grid.ms === undefined ? requestAnimationFrame(finish) : done({ ...grid, heatmapMs: m.duration }));
      finish();
    });
  });
  observer.observe(document.body, { childList: true, subtree: true });
  link.click();
})`;

type Scroll = { frames: number[]; maxRows: number; lastRowShown: boolean };

const SCROLL_GRID = `(async () => {
  const grid = document.querySelector('[data-testid="plan-grid"]');
  const total = Number(grid.getAttribute('aria-rowcount'));
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const frames = [];
  let maxRows = 0;
  grid.scrollTop = 0;
  await frame();
  while (grid.scrollTop + grid.clientHeight < grid.scrollHeight - 1) {
    const t = performance.now();
    grid.scrollTop += 280;
    await frame();
    frames.push(performance.now() - t);
    maxRows = Math.max(maxRows, grid.querySelectorAll('[role="row"]').length);
  }
  return { frames, maxRows, lastRowShown: !!grid.querySelector('[aria-rowindex="' + total + '"]') };
})()`;

async function login(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel(/^用户名/).fill('admin');
  await page.getByLabel(/^密码/).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

async function gridOf(n: number, root: string): Promise<{ visible: Visible[]; scroll: Scroll; planMs: number }> {
  const { core, planMs } = await seeded(join(root, String(n)), n);
  const server = await startHttpServer({ core, rendererDir: RENDERER });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
    await login(page, server.url);
    const visible: Visible[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await page.goto(server.url);
      await page.getByRole('navigation', { name: '主导航' }).waitFor();
      visible.push((await page.evaluate(OPEN_GRID)) as Visible);
    }
    const scroll = (await page.evaluate(SCROLL_GRID)) as Scroll;
    return { visible, scroll, planMs };
  } finally {
    await browser.close();
    await server.close();
    await core.close();
  }
}

const visibleText = (v: Visible[]) =>
  `${median(v.map((x) => x.ms)).toFixed(0)} ms (median of ${v.length}); ${v[0]!.rows} rows and ${v[0]!.bars} bars in the DOM`;

const wholeText = (v: Visible[]) => `${median(v.map((x) => x.heatmapMs)).toFixed(0)} ms (median of ${v.length})`;

const scrollText = (s: Scroll) =>
  `${s.frames.length} steps of 10 rows: median ${median(s.frames).toFixed(1)} ms, p95 ${percentile(s.frames, 95).toFixed(1)} ms, ` +
  `max ${Math.max(...s.frames).toFixed(1)} ms to the second frame; at most ${s.maxRows} rows in the DOM; last row reached: ${s.lastRowShown ? 'yes' : 'NO'}`;

export async function run(): Promise<Record<string, string | number>> {
  if (!existsSync(join(RENDERER, 'index.html')))
    return { skipped: 'no build in out/renderer: run npx electron-vite build first' };
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not installed` };
  const root = mkdtempSync(join(tmpdir(), 'basedesk-bench-rotation-grid-'));
  try {
    const small = await gridOf(60, root);
    const large = await gridOf(600, root);
    const huge = await gridOf(2000, root);
    const ratio = (x: typeof large) => (median(x.visible.map((v) => v.ms)) / median(small.visible.map((v) => v.ms))).toFixed(2);
    return {
      '轮转计划, 2000 trainees × 72 half months: time to grid visible': visibleText(huge.visible),
      '轮转计划, 600 trainees × 72 half months: time to grid visible': visibleText(large.visible),
      '轮转计划, 60 trainees (reference): time to grid visible': visibleText(small.visible),
      'time to grid visible, ratio 2000 / 60 and 600 / 60': `${ratio(huge)}x, ${ratio(large)}x`,
      '轮转计划, 2000 / 600 / 60 trainees: time to the whole page (every row read, the load shown)': [huge, large, small]
        .map((x) => wholeText(x.visible))
        .join('; '),
      '轮转计划, 2000 trainees: scroll': scrollText(huge.scroll),
      '轮转计划, 600 trainees: scroll': scrollText(large.scroll),
      '轮转计划, 60 trainees (reference): scroll': scrollText(small.scroll),
      'rotation.plan for the 600 and the 2000 (setup, in process)': `${(large.planMs / 1000).toFixed(1)} s, ${(huge.planMs / 1000).toFixed(1)} s`,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
