import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { makeTrainees, traineesCsv } from '../../src/core/testdata/trainees';
import { ADMIN, expect, goTo, initializeBase, login, shot, test, type Server } from './fixtures';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'resources', 'rotation');

/** Rows of the example 内科 scheme with no stage year: two of them may trade places anywhere in years 2-3. */
const ANY_YEAR = new Set(['感染科', '风湿免疫科', '急诊科', '老年医学科', '神经内科', '重症医学科', '医学影像科']);

test.use({ viewport: { width: 1366, height: 768 } });

const file = (path: string) => ({
  fileName: path.split('/').at(-1)!,
  contentBase64: readFileSync(path).toString('base64'),
});

/** A base with the example departments and scheme and six 2027 trainees, planned (the cohort starts in the future). */
async function arrange(server: Server): Promise<void> {
  await initializeBase(server, { cohortYear: 2027 });
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await server.api('rotation.importDepartments', file(join(EXAMPLES, '示例-科室.csv')));
  await server.api('rotation.importSchemes', { ...file(join(EXAMPLES, '示例-轮转方案.csv')), example: true });
  const rows = makeTrainees(20270901, 6, { specialties: ['内科'], cohorts: [2027, 2027] }).map((r) => ({
    ...r,
    培训年限: '3',
    协同单位: '',
  }));
  await server.api('trainees.commitImport', {
    fileName: '在培学员.csv',
    contentBase64: Buffer.from(traineesCsv(rows)).toString('base64'),
  });
  await server.api('rotation.plan', { cohortYear: 2027 });
}

function halfOf(date: string): number {
  return Number(date.slice(0, 4)) * 24 + (Number(date.slice(5, 7)) - 1) * 2 + (Number(date.slice(8, 10)) >= 16 ? 1 : 0);
}

type Bar = { id: string; start: string; end: string; std: string; halves: number };

async function bars(row: Locator): Promise<Bar[]> {
  const raw = await row.getByRole('gridcell').evaluateAll((cells) =>
    cells.map((c) => ({
      id: c.getAttribute('data-testid')!,
      start: c.getAttribute('data-start')!,
      end: c.getAttribute('data-end')!,
      std: c.getAttribute('data-std')!,
    })),
  );
  return raw.map((b) => ({ ...b, halves: halfOf(b.end) - halfOf(b.start) + 1 }));
}

/** The first row (index) with two adjacent blocks of different lengths that may go in any year. */
async function unequalPair(grid: Locator): Promise<{ rowIndex: number; index: number; a: Bar; b: Bar }> {
  const rows = grid.getByRole('row');
  for (let r = 0; r < (await rows.count()); r++) {
    const list = await bars(rows.nth(r));
    for (let i = 0; i + 1 < list.length; i++) {
      const [a, b] = [list[i]!, list[i + 1]!];
      if (a.halves !== b.halves && ANY_YEAR.has(a.std) && ANY_YEAR.has(b.std)) return { rowIndex: r, index: i, a, b };
    }
  }
  throw new Error('no two adjacent any-year blocks of different lengths in the plan');
}

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test('the plan printed through the preview (cohort and one trainee), and a block shifted, pushed and undone by keys', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await arrange(server);
  await page.goto(server.url);
  await login(page);
  await goTo(page, '轮转计划');
  const grid = page.getByTestId('plan-grid');
  await expect(grid.getByRole('gridcell').first()).toBeVisible();
  await expect(page.getByTestId('grid-keys-help')).toContainText('Ctrl + Z 撤销');

  // The cohort's 轮转安排计划 in the in-app print preview (never a new window).
  await page.getByRole('button', { name: '打印轮转安排计划' }).click();
  const preview = page.getByRole('dialog');
  const frame = page.frameLocator('[data-testid="print-frame"]');
  await expect(frame.locator('h1')).toContainText('轮转安排计划（2027级）');
  await expect(frame.locator('body')).toContainText('2027年9月1日');
  await expect(frame.locator('body')).toContainText('示例');
  await expect(frame.locator('body')).not.toContainText('2027-09-01');
  await expect(frame.locator('section')).toHaveCount(6);
  await expect(preview.getByRole('button', { name: '打印' })).toBeVisible();
  await shot(page, 'rotation-print-1-cohort');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // Keyboard only: into the grid, down to the row, along to the block.
  const { rowIndex, index, a, b } = await unequalPair(grid);
  await grid.focus();
  await press(page, 'ArrowDown');
  await press(page, 'ArrowDown', rowIndex);
  await press(page, 'Shift+ArrowLeft', 40);
  await press(page, 'Shift+ArrowRight', index);
  await expect(grid.getByTestId(a.id)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('selection-status')).toContainText('已选中');

  // One trainee's plan from the selection.
  await page.getByRole('button', { name: '打印该学员的轮转安排计划' }).click();
  await expect(frame.locator('section')).toHaveCount(1);
  await shot(page, 'rotation-print-2-trainee');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await grid.focus();

  // Later by the next block's length: the next block closes up in front, the plan keeps its end.
  await press(page, 'ArrowRight', b.halves);
  await expect(page.getByTestId('move-status')).toContainText('顺移补位');
  await shot(page, 'rotation-print-3-moving');
  await press(page, 'Enter');
  await expect(grid.getByTestId(a.id)).not.toHaveAttribute('data-start', a.start);
  await expect(grid.getByTestId(b.id)).toHaveAttribute('data-start', a.start);
  await shot(page, 'rotation-print-4-moved');

  // Ctrl+Z puts it back.
  await press(page, 'Control+z');
  await expect(grid.getByTestId(a.id)).toHaveAttribute('data-start', a.start);
  await expect(grid.getByTestId(b.id)).toHaveAttribute('data-start', b.start);

  // Past the plan's end: refused in plain Chinese, nothing moves.
  const last = grid.getByRole('row').nth(rowIndex).getByRole('gridcell').last();
  const lastStart = (await last.getAttribute('data-start'))!;
  await last.click();
  await press(page, 'ArrowRight');
  await press(page, 'Enter');
  await expect(page.getByTestId('move-refused')).toContainText('超出计划结束日');
  await expect(page.getByTestId('move-refused')).not.toContainText('ROTATION_');
  await expect(last).toHaveAttribute('data-start', lastStart);
  await shot(page, 'rotation-print-5-refused');

  // The 出科考核成绩 list: nothing has ended yet, and the page says so.
  await page.getByRole('button', { name: '打印出科考核成绩' }).click();
  await expect(page.getByText('还没有已结束的轮转或出科考核记录')).toBeVisible();
  await shot(page, 'rotation-print-6-no-exams');
});
