import { MIN_PASSWORD_LENGTH } from '../../src/shared/account-rules';
import { ADMIN, expect, field, goTo, initializeBase, login, openAsAdmin, test } from './fixtures';

test('an administrator adds a clerk, who sees only what the role allows; disabling ends access', async ({ page, server }) => {
  await initializeBase(server);
  await openAsAdmin(page, server);
  await goTo(page, '用户管理');

  await page.getByRole('button', { name: '新增用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新增用户' });
  await field(dialog, '用户名').fill('zhang');
  await field(dialog, '姓名').fill('张教秘');
  await expect(dialog.getByRole('combobox', { name: '角色' })).toHaveValue('教秘');
  await field(dialog, '密码').fill('short');
  await field(dialog, '确认密码').fill('short');
  await dialog.getByRole('button', { name: '新增用户' }).click();
  await expect(dialog.getByText(`密码至少 ${MIN_PASSWORD_LENGTH} 位。`)).toBeVisible();
  await field(dialog, '密码').fill('clerk password 1');
  await field(dialog, '确认密码').fill('clerk password 1');
  await dialog.getByRole('button', { name: '新增用户' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('user-row-zhang');
  await expect(row).toContainText('张教秘');
  await expect(row).toContainText('正常');

  // The clerk's navigation has no user management or audit log, and the plan is read-only.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await login(page, 'zhang', 'clerk password 1');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '招收计划' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '用户管理' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: '审计日志' })).toHaveCount(0);
  await goTo(page, '招收计划');
  await expect(page.getByText('请住培办或管理员导入本年度的招收计划。')).toBeVisible();
  await expect(page.getByRole('button', { name: '导入计划' })).toHaveCount(0);

  // Back as admin: disable the clerk, whose login is then refused.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await login(page, ADMIN.username, ADMIN.password);
  await goTo(page, '用户管理');
  await page.getByRole('button', { name: '张教秘 的操作' }).click();
  await page.getByRole('menuitem', { name: '停用账号' }).click();
  await expect(page.getByTestId('user-row-zhang')).toContainText('已停用');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await login(page, 'zhang', 'clerk password 1');
  await expect(page.getByText('该账号已停用，请联系管理员。')).toBeVisible();
});
