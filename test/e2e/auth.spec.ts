import { ADMIN, expect, field, initializeBase, login, openAsAdmin, test } from './fixtures';

test('a wrong password is refused with the Chinese message, the right one signs in', async ({ page, server }) => {
  await initializeBase(server);
  await page.goto(server.url);

  await login(page, ADMIN.username, 'not the password');
  await expect(page.getByText('用户名或密码不正确。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expect(field(page, '密码')).toHaveValue('');

  await field(page, '密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: `${ADMIN.displayName}，您好` })).toBeVisible();
});

test('locking hides the workspace; unlocking needs the password and returns to the same screen', async ({ page, server }) => {
  await initializeBase(server);
  await openAsAdmin(page, server);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '基地设置' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '基地设置' })).toBeVisible();

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '锁定' }).click();
  await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible();
  await expect(page.getByText(`${ADMIN.displayName}（${ADMIN.username}）离开期间工作台已锁定`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '基地设置' })).toBeHidden();

  // The core agrees: the tab's session is gone until the password is entered again.
  await field(page, '密码').fill('wrong password');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByText('用户名或密码不正确。')).toBeVisible();
  await field(page, '密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '基地设置' })).toBeVisible();
  await expect(field(page, '基地名称')).toHaveValue('吉林大学第一医院');
});

test('the interface switches to English and back, and remembers the choice', async ({ page, server }) => {
  await initializeBase(server);
  await openAsAdmin(page, server);
  await page.getByRole('button', { name: '界面语言' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('link', { name: 'Recruitment plan' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Recruitment plan' })).toBeVisible();
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  await expect(page.getByRole('link', { name: '招收计划' })).toBeVisible();
});

test('after 15 minutes without input the workbench locks itself', async ({ page, server }) => {
  await initializeBase(server);
  await page.clock.install();
  await openAsAdmin(page, server);
  await page.clock.fastForward('14:00');
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '已锁定' })).toHaveCount(0);
  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible();
  await field(page, '密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
});
