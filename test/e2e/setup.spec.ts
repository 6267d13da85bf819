import { ADMIN, expect, field, login, test } from './fixtures';

test('first run: the setup wizard creates the base and the administrator, then signs in', async ({ page, server }) => {
  await page.goto(server.url);

  // Step 1: the base. Empty fields are refused with Chinese messages before anything is sent.
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('基地名称至少 2 个字。')).toBeVisible();
  await field(page, '基地名称').fill('吉林大学第一医院');
  await field(page, '基地代码').fill('JL001');
  await field(page, '招收年度').fill('2024');
  await page.getByRole('button', { name: '下一步' }).click();

  // Step 2: the province preset, shown with its name, province and notes.
  const jilin = page.getByRole('radio', { name: /吉林省 2024/ });
  await expect(jilin).toBeVisible();
  await expect(page.getByText(/附件2 中“其他”为各基地自定专业的待分配名额/)).toBeVisible();
  await jilin.click();
  await page.getByRole('button', { name: '下一步' }).click();

  // Step 3: the first administrator; mismatched confirmation is caught.
  await field(page, '姓名').fill(ADMIN.displayName);
  await field(page, '密码').fill(ADMIN.password);
  await field(page, '确认密码').fill('something else');
  await page.getByRole('button', { name: '完成设置并登录' }).click();
  await expect(page.getByText('两次输入的密码不一致。')).toBeVisible();
  await field(page, '确认密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置并登录' }).click();

  // Signed in automatically: the dashboard names the base, the preset and this station.
  await expect(page.getByRole('heading', { name: `${ADMIN.displayName}，您好` })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByText('吉林大学第一医院')).toBeVisible();
  await expect(main.getByText('吉林省 2024 年住培和助理全科医生培训招收')).toBeVisible();
  await expect(page.getByTestId('station-id')).toHaveText(/^[0-9a-f-]{36}$/);

  // Sign out and back in with the new account.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await login(page);
  await expect(page.getByRole('heading', { name: `${ADMIN.displayName}，您好` })).toBeVisible();

  // A reload keeps the session (same tab) and shows the dashboard again, not the wizard.
  await page.reload();
  await expect(page.getByRole('heading', { name: `${ADMIN.displayName}，您好` })).toBeVisible();
});
