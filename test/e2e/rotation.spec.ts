import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { makeTrainees, traineesCsv } from '../../src/core/testdata/trainees';
import { ADMIN, expect, goTo, initializeBase, login, test, type Server } from './fixtures';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'resources', 'rotation');
const SHOTS = join(ROOT, 'test-results', 'shots');

/** Half months since year 0 (1st-15th, 16th-end): the rotation unit, as the grid counts them. */
function halfOf(date: string): number {
  return Number(date.slice(0, 4)) * 24 + (Number(date.slice(5, 7)) - 1) * 2 + (Number(date.slice(8, 10)) >= 16 ? 1 : 0);
}

// `basedesk serve` (spawned by the fixture with this environment) seals the signing key with this passphrase.
process.env['BASEDESK_KEY_PASSPHRASE'] = 'e2e 签名口令';

test.use({ viewport: { width: 1366, height: 768 } });

/** Screenshots only when asked for (BASEDESK_SHOTS=1): they are for people to look at, not assertions. */
async function shot(page: Page, name: string): Promise<void> {
  if (!process.env['BASEDESK_SHOTS']) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `rotation-${name}.png`) });
}

/** A base whose 2027 cohort starts in the future (blocks that have begun cannot be moved). */
async function arrange(server: Server): Promise<string> {
  await initializeBase(server, { cohortYear: 2027 });
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await server.api('keys.init', {});
  const rows = makeTrainees(20270901, 6, { specialties: ['内科'], cohorts: [2027, 2027] }).map((r) => ({
    ...r,
    培训年限: '3',
    协同单位: '',
  }));
  const dir = mkdtempSync(join(tmpdir(), 'basedesk-e2e-rotation-'));
  const path = join(dir, '在培学员.csv');
  writeFileSync(path, traineesCsv(rows));
  return path;
}

/** The first row with two adjacent blocks of equal length: the row, the first block's index, its length in half months. */
async function equalNeighbours(grid: Locator): Promise<{ row: Locator; index: number; steps: number }> {
  const rows = grid.getByRole('row');
  for (let r = 0; r < (await rows.count()); r++) {
    const row = rows.nth(r);
    const spans = await row
      .getByRole('gridcell')
      .evaluateAll((cells) => cells.map((c) => [c.getAttribute('data-start')!, c.getAttribute('data-end')!] as const));
    for (let i = 0; i + 1 < spans.length; i++) {
      const [aStart, aEnd] = spans[i]!;
      const [bStart, bEnd] = spans[i + 1]!;
      const a = halfOf(aEnd) - halfOf(aStart) + 1;
      if (a === halfOf(bEnd) - halfOf(bStart) + 1 && halfOf(bStart) === halfOf(aEnd) + 1) return { row, index: i, steps: a };
    }
  }
  throw new Error('no two adjacent blocks of equal length in the plan');
}

test('departments and an example scheme, trainees imported, a cohort planned, a block moved by keyboard, approved, packaged', async ({
  page,
  server,
}) => {
  // One long story on a shared, slow machine: more than the default minute.
  test.setTimeout(180_000);
  const traineeFile = await arrange(server);
  await page.goto(server.url);
  await login(page);

  // Navigation is grouped by the phases of the year; rotation lives under 在培与轮转.
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('button', { name: '在培与轮转' })).toBeVisible();

  // Departments and the shipped example scheme, each previewed before it is written.
  await goTo(page, '科室与轮转方案');
  await page.getByRole('button', { name: '导入科室' }).click();
  let dialog = page.getByRole('dialog', { name: '导入科室' });
  await dialog.getByTestId('departments-file-input').setInputFiles(join(EXAMPLES, '示例-科室.csv'));
  await expect(dialog.getByTestId('departments-preview')).toContainText('0 处问题');
  await dialog.getByRole('button', { name: /^导入（/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('departments-table')).toContainText('心血管内科一病区');

  await page.getByRole('button', { name: '导入轮转方案' }).click();
  dialog = page.getByRole('dialog', { name: '导入轮转方案' });
  await dialog.getByTestId('schemes-file-input').setInputFiles(join(EXAMPLES, '示例-轮转方案.csv'));
  await expect(dialog.getByTestId('schemes-preview')).toContainText('0 处问题');
  await dialog.getByRole('button', { name: /^导入（/ }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: '轮转方案' }).click();
  await expect(page.getByTestId('scheme-0100').getByTestId('example-badge')).toHaveText('示例');
  await shot(page, '1-schemes');

  // Trainees: the provincial export, previewed, then written; ID numbers masked in the list.
  await goTo(page, '在培学员');
  await page.getByRole('button', { name: '导入学员名单' }).click();
  dialog = page.getByRole('dialog', { name: '导入在培学员' });
  await dialog.getByTestId('trainees-file-input').setInputFiles(traineeFile);
  await expect(dialog.getByTestId('trainees-import-summary')).toContainText('新增 6');
  await dialog.getByRole('button', { name: '导入 6 条记录' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('trainees-total')).toHaveText('共 6 人');
  await expect(page.getByTestId('trainee-row').first()).toContainText('********');
  await expect(page.getByTestId('trainee-row').first()).toContainText('2027年9月1日');
  // A search that matches nobody says so, rather than leaving the page blank.
  await page.getByPlaceholder('姓名、拼音首字母或证件号码末几位').fill('zzzz');
  await expect(page.getByTestId('trainees-no-match')).toHaveText(/没有符合查找内容或筛选条件的记录/);
  await page.getByPlaceholder('姓名、拼音首字母或证件号码末几位').fill('');
  await expect(page.getByTestId('trainee-row')).toHaveCount(6);
  await shot(page, '2-trainees');

  // The plan: none yet (so nothing to approve), and the cohort starts in the future.
  await goTo(page, '轮转计划');
  await expect(page.getByTestId('unplanned')).toHaveText(/^6 名学员还没有轮转计划；培训于 2027年9月1日 开始/);
  await expect(page.getByRole('button', { name: '审核通过' })).toBeDisabled();
  await page.getByRole('button', { name: '一键排班' }).click();
  const grid = page.getByTestId('plan-grid');
  await expect(grid.getByRole('gridcell').first()).toBeVisible();
  await expect(page.getByTestId('approval-banner')).toContainText('6 名学员的轮转计划尚未审核通过');
  await expect(page.getByTestId('approval-banner')).toContainText('2027年9月1日');
  await expect(page.getByTestId('unplanned')).toBeHidden();
  await expect(page.getByTestId('example-badge').first()).toBeVisible();
  await shot(page, '3-planned');

  // Move a block past its neighbour with the keyboard: the two trade places (a plan has no gaps), and the
  // department load map follows. The core swaps only blocks of the same length, so the pair is chosen so.
  const { row, index, steps } = await equalNeighbours(grid);
  const blocks = row.getByRole('gridcell');
  const moving = blocks.nth(index);
  const movingId = (await moving.getAttribute('data-testid'))!;
  const start = (await moving.getAttribute('data-start'))!;
  const department = (await moving.getAttribute('data-department'))!;
  const load = () =>
    page
      .locator(`[data-testid^="heat-${department}-"]`)
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-peak')).join(','));
  const before = await load();
  await moving.click();
  for (let i = 0; i < steps; i++) await grid.press('ArrowRight');
  await expect(page.getByTestId('move-status')).toContainText('回车保存');
  await shot(page, '4-moving');
  await grid.press('Enter');
  await expect(grid.getByTestId(movingId)).not.toHaveAttribute('data-start', start);
  await expect.poll(load).not.toBe(before);
  await shot(page, '5-moved');

  // An edit that breaks a rule is refused with the server's own words, and nothing moves.
  const first = blocks.first();
  const firstStart = (await first.getAttribute('data-start'))!;
  await first.click();
  await grid.press('ArrowLeft');
  await grid.press('Enter');
  await expect(page.getByTestId('move-refused')).toContainText('未保存');
  await expect(page.getByTestId('move-refused')).not.toContainText('ROTATION_');
  await expect(first).toHaveAttribute('data-start', firstStart);
  await shot(page, '6-refused');

  // Approve: the banner goes.
  await page.getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByTestId('approval-banner')).toBeHidden();
  await expect(row).toContainText('基地已审核');

  // The rotation-plans package from the outbox page.
  await goTo(page, '报送与待发件箱');
  await page.getByRole('combobox', { name: '数据包种类' }).click();
  await page.getByRole('option', { name: '轮转计划' }).click();
  await page.getByRole('button', { name: '生成并放入待发件箱' }).click();
  const item = page.getByTestId('outbox-row-1');
  await expect(item.getByTestId('state')).toHaveText('待发送');
  await expect(item).toContainText('轮转计划');
  await shot(page, '7-outbox');
});
