import { createRng, makeApplicants, writeCsv } from '../../src/core/testdata';
import { ADMIN, expect, goTo, initializeBase, openAsAdmin, shot, test, type Server } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** 8 generated applicants; the administrator (王老师) confirms three, returns one and rejects one. */
async function arrange(server: Server) {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  // Not rural order-oriented: Jilin limits those to 全科, which would refuse a 确认通过 for 内科.
  const rows = makeApplicants(createRng(2024), 8, {
    specialties: ['内科', '外科', '儿科'],
    categories: ['社会人'],
    choices: 1,
  }).map((r) => ({ ...r, 是否农村订单定向: '否' }));
  await server.api('applicants.commitImport', {
    fileName: '报名.csv',
    contentBase64: Buffer.from(writeCsv(rows, { encoding: 'utf-8' })).toString('base64'),
  });
  const list = await server.api<{ applicants: Array<{ id: string; name: string }> }>('applicants.list', { limit: 100 });
  const ids = list.applicants.map((a) => a.id);
  const decide = (targets: string[], decision: string, reason?: string) =>
    server.api('confirm.decide', { targets, decision, checklistComplete: true, ...(reason ? { reason } : {}) });
  await decide(ids.slice(0, 3), 'confirmed');
  await decide([ids[3]!], 'returned', '缺学位证书原件');
  await decide([ids[4]!], 'rejected', '不符合报名条件');
  return { rows, names: list.applicants.map((a) => a.name) };
}

test('确认统计: chart, per clerk, what is left, progress and the XLSX export', async ({ page, server }) => {
  await arrange(server);
  await openAsAdmin(page, server);
  await goTo(page, '确认统计');
  const chart = page.getByTestId('dash-chart');
  await expect(chart).toBeVisible();
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /确认通过 3，退回补正 1，不予确认 1/);
  await expect(page.getByTestId('dash-per-clerk')).toContainText(ADMIN.displayName);
  await expect(page.getByTestId('dash-per-clerk')).not.toContainText(ADMIN.username);
  await expect(page.getByTestId('dash-remaining')).toContainText('待确认 3 人，退回补正待返回 1 人');
  await expect(page.getByTestId('dash-progress')).toContainText('已办结 4 / 8 人');
  await expect(page.getByTestId('dash-progress')).toContainText('2024年7月1日');
  // The 2024 window is long over: it says closed, not "第 4 / 4 天".
  await expect(page.getByTestId('dash-progress')).toContainText('已于 2024年7月4日 截止');
  await shot(page, 'confirm-stats', { fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 XLSX' }).click()]);
  expect(download.suggestedFilename()).toBe('确认统计-2024-吉林大学第一医院.xlsx');
});

test('a clerk corrects a phone number at the desk; the list exports as XLSX', async ({ page, server }) => {
  const { names } = await arrange(server);
  await openAsAdmin(page, server);
  await goTo(page, '现场确认');
  const search = page.getByRole('combobox', { name: '查找报名人员' });
  await search.fill(names[5]!);
  await expect(page.getByTestId('desk-result').first()).toContainText(names[5]!);
  await search.press('Enter');
  await expect(page.getByTestId('desk-name')).toHaveText(names[5]!);

  await page.getByTestId('contact-correct').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('更正');
  await dialog.getByTestId('contact-phone').fill('13912345678');
  await dialog.getByTestId('contact-reason').fill('考生现场告知新号码');
  await shot(page, 'contact-correction');
  await dialog.getByRole('button', { name: '保存更正' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('desk-phone')).toHaveText('139****5678');

  await goTo(page, '报名人员');
  await page.getByTestId('export-list').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-masked').click()]);
  expect(download.suggestedFilename()).toBe('报名人员-2024-吉林大学第一医院.xlsx');
  await shot(page, 'applicants-export');
});
