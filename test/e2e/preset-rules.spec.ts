import { createRng, makeApplicants, writeCsv } from '../../src/core/testdata';
import { ADMIN, expect, field, goTo, initializeBase, openAsAdmin, shot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

test('the setup wizard shows Fujian’s invented recruitment settings as 示例', async ({ page, server }) => {
  await page.goto(server.url);
  await field(page, '基地名称').fill('福建测试医院');
  await field(page, '基地代码').fill('FJ001');
  await field(page, '招收年度').fill('2024');
  await page.getByRole('button', { name: '下一步' }).click();
  const fujian = page.getByRole('radio', { name: /福建省 2024 年.*（招收设置为示例）/ });
  await expect(fujian).toBeVisible();
  await expect(page.getByText(/笔试面试权重（50\/50）均为示例，原文未规定/)).toBeVisible();
  await shot(page, 'preset-fujian-examples', { fullPage: true });
});

test('a roster without the 定向违约 and 定向就业县 columns: the desk asks for a check, it does not fail', async ({
  page,
  server,
}) => {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rows = makeApplicants(createRng(2002), 1, { specialties: ['全科'], categories: ['社会人'], choices: 1 }).map((r) => ({
    ...r,
    是否农村订单定向: '是',
    第一志愿: '全科',
  }));
  await server.api('applicants.commitImport', {
    fileName: '报名.csv',
    contentBase64: Buffer.from(writeCsv(rows, { encoding: 'utf-8' })).toString('base64'),
  });
  await openAsAdmin(page, server);
  await goTo(page, '现场确认');
  const search = page.getByRole('combobox', { name: '查找报名人员' });
  await search.fill(rows[0]!.姓名);
  await expect(page.getByTestId('desk-result').first()).toContainText(rows[0]!.姓名);
  await search.press('Enter');
  const rules = page.getByTestId('eligibility');
  await expect(rules).toContainText('无法自动判断“省内住培不招收违约的免费定向医学生”');
  await expect(rules).toContainText('免费医学生须记录定向就业县（市、区）');
  await expect(page.getByTestId('rules-failed')).toHaveCount(0);
  await shot(page, 'desk-unknown-facts', { fullPage: true });
});
