import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTrainees, traineesCsv } from '../../src/core/testdata/trainees';
import { ADMIN, expect, goTo, initializeBase, login, test, type Server } from './fixtures';

const EXAMPLES = join(resolve(import.meta.dirname, '..', '..'), 'resources', 'rotation');
/** More trainees than the grid reads first, so the rest arrive after the first rows are on screen. */
const COHORT_SIZE = 70;

test.use({ viewport: { width: 1366, height: 768 } });

const file = (name: string, content: string | Uint8Array) => ({
  fileName: name,
  contentBase64: Buffer.from(content).toString('base64'),
});

/** The example departments with room for the whole cohort at once (the example scheme's tightest row holds a third). */
function roomyDepartments(): string {
  const [head, ...lines] = readFileSync(join(EXAMPLES, '示例-科室.csv'), 'utf8').trim().split('\n');
  const factor = Math.ceil(COHORT_SIZE / 10);
  return [
    head,
    ...lines.map((l) =>
      l
        .split(',')
        .map((c, i) => (i === 2 ? String(Number(c) * factor) : c))
        .join(','),
    ),
  ].join('\n');
}

async function arrangePlannedCohort(server: Server): Promise<void> {
  await initializeBase(server, { cohortYear: 2027 });
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await server.api('rotation.importDepartments', file('科室.csv', roomyDepartments()));
  await server.api('rotation.importSchemes', {
    ...file('示例-轮转方案.csv', readFileSync(join(EXAMPLES, '示例-轮转方案.csv'))),
    example: true,
  });
  const rows = makeTrainees(20270902, COHORT_SIZE, { specialties: ['内科'], cohorts: [2027, 2027] }).map((r) => ({
    ...r,
    培训年限: '3',
    协同单位: '',
  }));
  await server.api('trainees.commitImport', file('在培学员.csv', traineesCsv(rows)));
  await server.api('rotation.plan', { cohortYear: 2027 });
}

test('a cohort larger than the first rows read: every row reachable, the counts over all, the load after', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await arrangePlannedCohort(server);
  await page.goto(server.url);
  await login(page);
  await goTo(page, '轮转计划');

  const grid = page.getByTestId('plan-grid');
  await expect(grid).toHaveAttribute('aria-rowcount', String(COHORT_SIZE));
  await expect(page.getByTestId('approval-banner')).toContainText(`${COHORT_SIZE} 名学员`);
  await expect(page.getByRole('button', { name: '审核通过' })).toBeEnabled();
  await expect(page.getByTestId('heatmap')).toBeVisible();

  // The last row, read after the first ones, is there with its plan once scrolled to.
  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = grid.locator(`[aria-rowindex="${COHORT_SIZE}"]`);
  await expect(last.getByRole('gridcell').first()).toBeVisible();
  const name = (await last.locator('.plan-grid-name').textContent())!;
  await last.getByRole('gridcell').first().click();
  await expect(page.getByTestId('selection-status')).toContainText(name);

  // Approving counts the whole cohort, not only the first rows read.
  await page.getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByTestId('approval-banner')).toBeHidden();
  await expect(last.getByText('基地已审核')).toBeVisible();
});
