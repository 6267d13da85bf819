/**
 * First paint of the large screens in Chromium, each over 10,000 rows beside the same screen over 100 rows
 * measured in the same run: the app's first paint after login, then 考核成绩, 成绩排名, 报名人员, the
 * new-interview-session picker, 审计日志 and 在培学员; and scroll frame times for the lists. (The rotation
 * grid has its own benchmark, `rotation-grid`.) The built renderer (`out/`, `npx electron-vite build`, or the
 * folder in BENCH_RENDERER_DIR) is served in process by the HTTP transport; the system Chromium is driven by
 * Playwright's library. Times are taken inside the page with performance marks (see screens-page.ts).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Core } from '../src/core/context';
import { startHttpServer } from '../src/http/server';
import { login, loginPaint, openScreen, pickToRows, scrollList, type Paint, type Scroll } from './screens-page';
import { call } from './base';
import { seeded } from './screens-seed';
import { median, percentile } from './stats';

const RENDERER = process.env.BENCH_RENDERER_DIR ?? resolve(import.meta.dirname, '..', 'out', 'renderer');
const CHROMIUM = '/usr/bin/chromium';
const ROUNDS = 3;

type Screen = { key: string; label: string; nav: string; row: string };

/** The screens that list thousands: navigation label and the selector of one listed row. */
const SCREENS: Screen[] = [
  { key: 'scores', label: '考核成绩', nav: '考核成绩', row: '[data-testid="result-row"]' },
  { key: 'ranking', label: '成绩排名', nav: '成绩排名', row: '[data-testid="ranking-row"]' },
  { key: 'applicants', label: '报名人员', nav: '报名人员', row: '[data-testid="applicant-row"]' },
  { key: 'audit', label: '审计日志', nav: '审计日志', row: '[data-testid="audit-row"]' },
  { key: 'trainees', label: '在培学员', nav: '在培学员', row: '[data-testid="trainee-row"]' },
];
const PICKER_ROW = '[data-testid="picker-candidate"]';

type OpFigures = { pageMs: number; pageBytes: number; allMs: number; allBytes: number };

/** The paged op 考核成绩 calls, beside what it fetched before it was paged: every result in one answer. */
async function opFigures(core: Core): Promise<OpFigures> {
  const timed = async (op: string, input: unknown) => {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      bytes = JSON.stringify(await call(core, op, input)).length;
      times.push(performance.now() - t0);
    }
    return { ms: median(times), bytes };
  };
  const page = await timed('scores.page', { limit: 50 });
  const all = await timed('scores.results', {});
  return { pageMs: page.ms, pageBytes: page.bytes, allMs: all.ms, allBytes: all.bytes };
}

type Figures = { login: Paint[]; screens: Record<string, { paint: Paint[]; scroll: Scroll }>; picker: Paint[]; ops: OpFigures };

async function fresh(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
}

async function reopened(page: Page, url: string) {
  // A reload empties the renderer's query cache and module state, so every round loads chunks and data anew.
  await page.goto(url);
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

async function screenFigures(page: Page, url: string, s: Screen) {
  const paint: Paint[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await reopened(page, url);
    paint.push(await openScreen(page, s.nav, s.row));
  }
  return { paint, scroll: await scrollList(page, s.row) };
}

/** 面试评分 → 新建场次 → the specialty with the most confirmed applicants: the time to its list painted. */
async function pickerFigures(page: Page, url: string): Promise<Paint[]> {
  const out: Paint[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await reopened(page, url);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '面试评分' }).click();
    await page.getByRole('button', { name: '新建场次' }).click();
    await page
      .getByRole('dialog')
      .getByLabel(/^面试专业/)
      .click();
    out.push(await pickToRows(page, '内科', PICKER_ROW));
  }
  return out;
}

async function figuresOf(n: number, root: string): Promise<Figures> {
  const core: Core = await seeded(join(root, String(n)), n);
  const server = await startHttpServer({ core, rendererDir: RENDERER });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const loginPaints: Paint[] = [];
    for (let i = 0; i < ROUNDS; i++) loginPaints.push(await loginPaint(await fresh(browser), server.url));
    const page = await fresh(browser);
    await login(page, server.url);
    const screens: Figures['screens'] = {};
    for (const s of SCREENS) screens[s.key] = await screenFigures(page, server.url, s);
    return { login: loginPaints, screens, picker: await pickerFigures(page, server.url), ops: await opFigures(core) };
  } finally {
    await browser.close();
    await server.close();
    await core.close();
  }
}

const ms = (p: Paint[]) => median(p.map((x) => x.ms));
const paintText = (p: Paint[]) =>
  `${ms(p).toFixed(0)} ms (median of ${p.length}), ${p[0]!.rows} rows in the DOM, page ${p[0]!.heightPx} px tall`;
const scrollText = (s: Scroll) =>
  s.steps === 0
    ? 'nothing to scroll (the list fits its box)'
    : `${s.steps} steps of 280 px: median ${median(s.frames).toFixed(1)} ms, p95 ${percentile(s.frames, 95).toFixed(1)} ms, ` +
      `max ${Math.max(...s.frames).toFixed(1)} ms to the second frame; at most ${s.maxRows} rows in the DOM`;
const ratio = (a: Paint[], b: Paint[]) => `${(ms(a) / ms(b)).toFixed(2)}x`;

/** The entry chunk and what index.html preloads with it: the JavaScript loaded before the first paint. */
function bundleText(): string {
  const assets = join(RENDERER, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const size = (f: string) => statSync(join(assets, f)).size;
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const atStart = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const entry = js.filter((f) => f.startsWith('index-'));
  const kib = (files: string[]) => `${(files.reduce((a, f) => a + size(f), 0) / 1024).toFixed(0)} KiB`;
  return `entry ${kib(entry)}; loaded at start (entry and its preloads) ${kib(atStart)}; all JS ${kib(js)} in ${js.length} chunks`;
}

function report(large: Figures, small: Figures): Record<string, string> {
  const out: Record<string, string> = {
    'renderer bundle': bundleText(),
    'first paint after login (home), 10,000 of everything': paintText(large.login),
    'first paint after login (home), 100 (reference)': paintText(small.login),
  };
  for (const s of SCREENS) {
    const [l, r] = [large.screens[s.key]!, small.screens[s.key]!];
    out[`${s.label}, 10,000 rows: first paint`] = paintText(l.paint);
    out[`${s.label}, 100 rows (reference): first paint`] = paintText(r.paint);
    out[`${s.label} ratio 10,000 / 100`] = ratio(l.paint, r.paint);
    out[`${s.label}, 10,000 rows: scroll`] = scrollText(l.scroll);
  }
  out['新建面试场次 picker, 内科 of 10,000 applicants: first paint'] = paintText(large.picker);
  out['新建面试场次 picker, 内科 of 100 (reference): first paint'] = paintText(small.picker);
  out['新建面试场次 picker ratio'] = ratio(large.picker, small.picker);
  const kib = (chars: number) => `${(chars / 1024).toFixed(0)} KiB of JSON`;
  out['scores.page, 10,000 candidates, one page of 50, in process'] =
    `${large.ops.pageMs.toFixed(0)} ms, ${kib(large.ops.pageBytes)}`;
  out['scores.results, all 10,000 rows (what 考核成绩 fetched before paging), in process'] =
    `${large.ops.allMs.toFixed(0)} ms, ${kib(large.ops.allBytes)}`;
  return out;
}

export async function run(): Promise<Record<string, string | number>> {
  if (!existsSync(join(RENDERER, 'index.html')))
    return { skipped: 'no build in out/renderer: run npx electron-vite build first' };
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not installed` };
  const root = mkdtempSync(join(tmpdir(), 'basedesk-bench-screens-'));
  try {
    const t0 = performance.now();
    const small = await figuresOf(100, root);
    const large = await figuresOf(10_000, root);
    return { ...report(large, small), 'bench wall time': `${((performance.now() - t0) / 1000).toFixed(0)} s` };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
