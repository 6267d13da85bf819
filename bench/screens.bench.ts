/**
 * First paint of the large screens in Chromium: 考核成绩 and 报名人员 over 10,000 generated applicants with
 * scores, beside the same screens over 100 applicants measured in the same run. The built renderer (`out/`,
 * `npx electron-vite build`) is served in process by the HTTP transport; the system Chromium is driven by
 * Playwright's library. The time is taken inside the page: from the navigation click to the first animation
 * frame after the table's first row exists, so it covers the route, the data call and React's render.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { dispatch } from '../src/core/api/dispatch';
import type { Core } from '../src/core/context';
import { openCore } from '../src/core/open-core';
import { pinyinInitials } from '../src/core/identity';
import { createRng, makeApplicants } from '../src/core/testdata';
import { startHttpServer } from '../src/http/server';
import { median } from './stats';

const RENDERER = resolve(import.meta.dirname, '..', 'out', 'renderer');
const CHROMIUM = '/usr/bin/chromium';
const PASSWORD = 'bench-pass-123';
const ROUNDS = 3;
const SPECIALTIES = ['内科', '外科', '儿科', '全科', '妇产科', '急诊科', '麻醉科', '放射科', '骨科', '眼科'];

const kb = (chars: number) => `${(chars / 1024).toFixed(0)} KiB of JSON`;

async function call(core: Core, op: string, input: unknown) {
  const r = await dispatch(core, 's', op, input);
  if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
  return r.value as Record<string, unknown>;
}

/**
 * A data folder with n generated applicants (one choice each, a third of them confirmed) and written +
 * interview scores for all, inserted directly: the imports have their own benchmark, and going through
 * them would make this one take minutes.
 */
export async function seeded(dir: string, n: number): Promise<Core> {
  const core = await openCore({ dataDir: dir, idleMinutes: 0, scryptCost: 2 ** 10 });
  await call(core, 'setup.initialize', {
    baseName: '基准测试医院',
    baseCode: 'B1',
    presetId: 'jilin-2024',
    cohortYear: 2024,
    admin: { username: 'admin', displayName: '管理员', password: PASSWORD },
  });
  await call(core, 'auth.login', { username: 'admin', password: PASSWORD });
  const codes = new Map(
    (await core.db.selectFrom('specialties').select(['code', 'name']).execute()).map((s) => [s.name, s.code]),
  );
  const people = makeApplicants(createRng(n), n, { specialties: SPECIALTIES, categories: ['单位人', '社会人'], choices: 1 });
  const rng = createRng(n + 1);
  const now = new Date(0).toISOString();
  const applicants = people.map((p, i) => ({
    id: `B${String(i).padStart(6, '0')}`,
    cohort_year: 2024,
    id_number: p.证件号码,
    name: p.姓名,
    name_initials: pinyinInitials(p.姓名),
    sex: p.性别,
    phone: p.手机号码,
    category: p.人员类型,
    choices_json: JSON.stringify([codes.get(p.第一志愿) ?? '0100']),
    confirmation_status: i % 3 === 0 ? 'confirmed' : 'pending',
    content_hash: `bench-${i}`,
    created_at: now,
    updated_at: now,
  }));
  const scores = applicants.flatMap((a) =>
    (
      [
        ['written', 4000 + rng.int(0, 6000)],
        ['interview', 5000 + rng.int(0, 5000)],
      ] as const
    ).map(([component, value]) => ({
      applicant_id: a.id,
      component,
      cohort_year: 2024,
      value,
      absent: 0,
      source: 'import',
      event_id: 'bench',
      updated_at: now,
    })),
  );
  await core.db.transaction().execute(async (tx) => {
    for (let i = 0; i < applicants.length; i += 500)
      await tx
        .insertInto('applicants')
        .values(applicants.slice(i, i + 500) as never)
        .execute();
    for (let i = 0; i < scores.length; i += 500)
      await tx
        .insertInto('component_scores')
        .values(scores.slice(i, i + 500) as never)
        .execute();
  });
  return core;
}

type Paint = { ms: number; rows: number; heightPx: number };

/**
 * Clicks a navigation link inside the page and resolves at the first frame after `rowSelector` exists.
 * Written as page source (the bench is compiled without the DOM's types).
 */
function openScreenScript(label: string, selector: string): string {
  return `new Promise((done, fail) => {
    const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === ${JSON.stringify(label)});
    if (!link) return fail(new Error('no link'));
    performance.mark('screen-start');
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${JSON.stringify(selector)})) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        performance.mark('screen-painted');
        const m = performance.measure('screen', 'screen-start', 'screen-painted');
        done({
          ms: m.duration,
          rows: document.querySelectorAll('tbody tr').length,
          heightPx: document.documentElement.scrollHeight,
        });
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    link.click();
  })`;
}

async function openScreen(page: Page, nav: string, rowSelector: string): Promise<Paint> {
  return (await page.evaluate(openScreenScript(nav, rowSelector))) as Paint;
}

async function measure(page: Page, url: string, nav: string, row: string): Promise<Paint[]> {
  const out: Paint[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // A reload empties the renderer's query cache, so every round fetches its data; the session stays.
    await page.goto(url);
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    out.push(await openScreen(page, nav, row));
  }
  return out;
}

async function login(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel(/^用户名/).fill('admin');
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

const fmt = (p: Paint[]) => {
  const ms = median(p.map((x) => x.ms));
  return `${ms.toFixed(0)} ms (median of ${p.length}), ${p[0]!.rows} table rows in the DOM, page ${p[0]!.heightPx} px tall`;
};

type OpFigures = { pageMs: number; pageBytes: number; allMs: number; allBytes: number };

/** The paged op the screen calls, beside what it fetched before it was paged: every result in one answer. */
async function opFigures(core: Core): Promise<OpFigures> {
  const timed = async (op: string, input: unknown) => {
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      bytes = JSON.stringify(await call(core, op, input)).length;
      ms.push(performance.now() - t0);
    }
    return { ms: median(ms), bytes };
  };
  const page = await timed('scores.page', { limit: 50 });
  const all = await timed('scores.results', {});
  return { pageMs: page.ms, pageBytes: page.bytes, allMs: all.ms, allBytes: all.bytes };
}

async function screensOf(n: number, root: string): Promise<{ scores: Paint[]; applicants: Paint[]; ops: OpFigures }> {
  const core = await seeded(join(root, String(n)), n);
  const server = await startHttpServer({ core, rendererDir: RENDERER });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
    await login(page, server.url);
    const scores = await measure(page, server.url, '考核成绩', '[data-testid="result-row"]');
    const applicants = await measure(page, server.url, '报名人员', '[data-testid="applicant-row"]');
    return { scores, applicants, ops: await opFigures(core) };
  } finally {
    await browser.close();
    await server.close();
    await core.close();
  }
}

export async function run(): Promise<Record<string, string | number>> {
  if (!existsSync(join(RENDERER, 'index.html')))
    return { skipped: 'no build in out/renderer: run npx electron-vite build first' };
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not installed` };
  const root = mkdtempSync(join(tmpdir(), 'basedesk-bench-screens-'));
  try {
    const small = await screensOf(100, root);
    const large = await screensOf(10_000, root);
    const ratio = (a: Paint[], b: Paint[]) => `${(median(a.map((x) => x.ms)) / median(b.map((x) => x.ms))).toFixed(2)}x`;
    return {
      '考核成绩, 10,000 candidates: first paint': fmt(large.scores),
      '考核成绩, 100 candidates (reference): first paint': fmt(small.scores),
      '考核成绩 ratio 10,000 / 100': ratio(large.scores, small.scores),
      '报名人员, 10,000 applicants: first paint': fmt(large.applicants),
      '报名人员, 100 applicants (reference): first paint': fmt(small.applicants),
      '报名人员 ratio 10,000 / 100': ratio(large.applicants, small.applicants),
      'scores.page, 10,000 candidates, one page of 50, in process': `${large.ops.pageMs.toFixed(0)} ms, ${kb(large.ops.pageBytes)}`,
      'scores.results, all 10,000 rows (what the screen fetched before paging), in process': `${large.ops.allMs.toFixed(0)} ms, ${kb(large.ops.allBytes)}`,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
