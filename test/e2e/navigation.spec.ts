import { ADMIN, expect, initializeBase, login, openAsAdmin, test } from './fixtures';

test('navigation is grouped by the year’s phases per role; switching user lands on a permitted page; 首页 says what is due', async ({
  page,
  server,
}) => {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await server.api('users.add', { username: 'iv1', displayName: '面试官甲', role: 'interviewer', password: 'interviewer pw 1' });
  await openAsAdmin(page, server);
  const nav = page.getByRole('navigation', { name: '主导航' });

  // The administrator sees every phase that has pages, in the year's order.
  const groups = nav.locator('[data-testid^="nav-group-"]');
  await expect(groups).toHaveText(['招收与现场确认', '考核与录取', '在培与轮转', '结业考核', '报送', '系统']);
  // The plan is empty: the home page says so and leads there.
  await page.getByTestId('due-plan').click();
  await expect(page.getByRole('heading', { level: 2, name: '招收计划' })).toBeVisible();

  // An administrator-only page is open when the interviewer signs in on this desk.
  await nav.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '审计日志' })).toBeVisible();
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await login(page, 'iv1', 'interviewer pw 1');

  // Not "没有权限": the interviewer lands on the first page the role may see, with only the role's groups.
  await expect(page.getByRole('heading', { level: 2, name: '面试官甲，您好' })).toBeVisible();
  await expect(page.getByText('没有权限')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/$/);
  await expect(nav.getByRole('link', { name: '面试评分' })).toBeVisible();
  await expect(nav.getByRole('button', { name: '在培与轮转' })).toHaveCount(0);
  await expect(nav.getByRole('button', { name: '结业考核' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: '审计日志' })).toHaveCount(0);
});
