import { createRng, makeIdNumber, makeName } from '../../src/core/testdata';
import { ADMIN, expect, goTo, initializeBase, openAsAdmin, shot, test } from './fixtures';
import { importConfirmedWithScores } from './scored-applicants';

test('成绩排名 pages each specialty on its own and finds a candidate by name or ID digits, keeping the rank', async ({
  page,
  server,
}) => {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rng = createRng(31);
  // 内科 60 people, 儿科 30: 内科 runs to three pages of 20, 儿科 to two.
  const people = Array.from({ length: 90 }, (_, i) => ({
    name: makeName(rng),
    id: makeIdNumber(rng),
    choice: i < 60 ? '内科' : '儿科',
    score: 60 + (i % 60) * 0.5,
  }));
  await importConfirmedWithScores(server, people, rng);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openAsAdmin(page, server);
  await goTo(page, '成绩排名');

  const internal = page.getByTestId('ranking-0100');
  const children = page.getByTestId('ranking-0200');
  await expect(page.getByTestId('pager-0100-summary')).toHaveText('共 60 条，第 1 / 3 页');
  await expect(page.getByTestId('pager-0200-summary')).toHaveText('共 30 条，第 1 / 2 页');
  await expect(internal.getByTestId('ranking-row')).toHaveCount(20);
  await expect(internal.getByTestId('ranking-row').first()).toContainText('89.50');
  await shot(page, 'ranking-1-groups');

  // Turning 内科's page leaves 儿科 where it was.
  await internal.getByLabel('跳转到第几页（共 3 页）').fill('3');
  await internal.getByLabel('跳转到第几页（共 3 页）').press('Enter');
  await expect(page.getByTestId('pager-0100-summary')).toHaveText('共 60 条，第 3 / 3 页');
  await expect(internal.getByTestId('ranking-row').last()).toContainText('60.00');
  await expect(page.getByTestId('pager-0200-summary')).toHaveText('共 30 条，第 1 / 2 页');

  // Someone far down 内科 (rank 49 of 60 if no name repeats) found by name, then by the last ID digits.
  const at = people.findIndex((p, i) => i >= 11 && i < 60 && people.filter((q) => q.name.includes(p.name)).length === 1);
  const target = people[at]!;
  await page.getByLabel('查找考生').fill(target.name);
  const found = internal.getByTestId('ranking-row').filter({ hasText: target.name });
  await expect(found).toHaveCount(1);
  await expect(found.getByRole('cell').first()).toHaveText(String(60 - at));
  await expect(found).toContainText((60 + at * 0.5).toFixed(2));
  await expect(found).not.toContainText(target.id);
  await shot(page, 'ranking-2-search');
  await page.getByLabel('查找考生').fill(target.id.slice(-6));
  await expect(page.getByTestId('ranking-row')).toHaveCount(1);
  await expect(page.getByTestId('ranking-row')).toContainText(target.name);
  await expect(page.getByTestId('ranking-0200')).toHaveCount(0);
  await page.getByLabel('查找考生').fill('没有这个人');
  await expect(page.getByText('没有符合条件的考生，请修改查找内容或筛选条件。')).toBeVisible();
  await page.getByLabel('查找考生').fill('');
  await expect(children.getByTestId('ranking-row')).toHaveCount(20);
  await expect(page.getByTestId('pager-0100-summary')).toHaveText('共 60 条，第 1 / 3 页');
});
