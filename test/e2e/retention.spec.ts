import { createRng, makeApplicants, writeCsv } from '../../src/core/testdata';
import { ADMIN, expect, field, goTo, initializeBase, openAsAdmin, shot, test, type Server } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** Three 2024 applicants nobody admitted; the base has moved on to 2025, so 2024 is over and long due. */
async function arrange(server: Server) {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const people = makeApplicants(createRng(57), 3, { specialties: ['内科'], categories: ['社会人'], choices: 1 });
  await server.api('applicants.commitImport', {
    fileName: 'roster.csv',
    contentBase64: b64(writeCsv(people as never, { encoding: 'utf-8' })),
  });
  await server.api('base.update', { name: '吉林大学第一医院', code: 'E2E01', province: '吉林', cohortYear: 2025 });
  return people;
}

test('the admin sees what is due, changes the example periods and purges with a reason', async ({ page, server }) => {
  const people = await arrange(server);
  await openAsAdmin(page, server);
  await expect(page.getByTestId('retention-notice')).toContainText('有 3 人的数据已到保存期限');
  await shot(page, 'retention-home');

  await goTo(page, '数据保存期限');
  await expect(page.getByTestId('retention-example')).toHaveText('示例');
  const year = page.getByTestId('retention-year-2024');
  await expect(year).toContainText('2024年度已结束，已到保存期限');
  await expect(year).toContainText('已到期');
  await expect(page.getByTestId('retention-totals')).toContainText('3 人的个人信息');
  await shot(page, 'retention-due');

  await page.getByRole('button', { name: '修改保存期限' }).click();
  const edit = page.getByRole('dialog');
  await field(edit, '未录取人员个人信息保存月数').fill('12');
  await field(edit, '理由').fill('按医院档案管理制度');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('录取结果确定后保存 12 个月')).toBeVisible();
  await expect(page.getByTestId('retention-example')).toHaveCount(0);

  await page.getByRole('button', { name: '清理到期数据' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('retention-confirm-text')).toContainText('将清除 3 人的个人信息');
  await expect(dialog.getByTestId('retention-confirm-text')).toContainText('0 个已送达数据包文件');
  const confirm = dialog.getByRole('button', { name: '确认清理' });
  await expect(confirm).toBeDisabled();
  await field(dialog, '理由').fill('到期清理');
  await shot(page, 'retention-confirm');
  await confirm.click();
  await expect(page.getByTestId('retention-totals')).toHaveText('现在没有到期的数据。');
  await expect(year).toContainText('均已清理');
  await shot(page, 'retention-done', { fullPage: true });

  // The purged year's list still loads and says 已清理 where the people were.
  await server.api('base.update', { name: '吉林大学第一医院', code: 'E2E01', province: '吉林', cohortYear: 2024 });
  await goTo(page, '报名人员');
  await expect(page.getByText('已清理')).toHaveCount(3);
  await expect(page.getByText(people[0]!.姓名)).toHaveCount(0);
  await shot(page, 'retention-applicants');

  const events = await server.api<{ events: Array<{ action: string; reason: string | null }> }>('audit.list', {
    action: 'retention.purge',
  });
  expect(events.events.map((e) => e.reason)).toEqual(['到期清理']);
});

test('a clerk has no 数据保存期限 page', async ({ page, server }) => {
  await arrange(server);
  await server.api('users.add', { username: 'clerk1', displayName: '教秘', role: 'clerk', password: 'clerk-pass-long-1' });
  await page.goto(server.url);
  await field(page, '用户名').fill('clerk1');
  await field(page, '密码').fill('clerk-pass-long-1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据保存期限' })).toHaveCount(0);
  await expect(page.getByTestId('retention-notice')).toHaveCount(0);
});
