import { makeTrainees, traineesCsv } from '../../src/core/testdata/trainees';
import { ADMIN, expect, field, goTo, login, shot, test, type Server } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** A Chongqing base with three 住培 trainees in 内科, in training since 2025. */
async function arrange(server: Server): Promise<string[]> {
  await server.api('setup.initialize', {
    baseName: '重庆测试医院',
    baseCode: 'E2E05',
    presetId: 'chongqing-2022-agp',
    cohortYear: 2025,
    admin: ADMIN,
  });
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rows = makeTrainees(20251201, 3, { specialties: ['内科'], cohorts: [2025, 2025] }).map((r) => ({
    ...r,
    培训项目: '住培',
    培训专业: '内科',
    年级: '2025',
    培训开始日期: '2025-09-01',
    培训年限: '3',
  }));
  await server.api('trainees.commitImport', {
    fileName: '在培学员.csv',
    contentBase64: Buffer.from(traineesCsv(rows)).toString('base64'),
  });
  return rows.map((r) => r.姓名);
}

test('a trainee changes specialty and then base from the detail drawer; both are listed by name, the specialty follows', async ({
  page,
  server,
}) => {
  const [name] = await arrange(server);
  await page.goto(server.url);
  await login(page);
  await goTo(page, '在培学员');
  await page.getByTestId('trainee-row').filter({ hasText: name! }).click();
  const drawer = page.getByRole('dialog', { name: '学员详情' });
  await expect(drawer.getByTestId('trainee-name')).toHaveText(name!);

  await drawer.getByRole('button', { name: '变更专业或基地' }).click();
  const dialog = page.getByRole('dialog', { name: '变更专业或基地' });
  await expect(dialog).toContainText('当前：');
  await expect(dialog).toContainText('内科');
  const save = dialog.getByRole('button', { name: '保存' });
  // Nothing chosen, no reason: nothing to send.
  await expect(save).toBeDisabled();
  await field(dialog, '新的培训专业').fill('外科');
  await page.getByRole('option', { name: /外科/ }).first().click();
  await field(dialog, '变更日期').fill('2026-03-01');
  await expect(dialog).toContainText('2026年3月1日');
  await field(dialog, '原因').fill('本人申请，经基地同意');
  await save.click();
  await expect(dialog).toBeHidden();
  // The change is listed with the specialties' names, not only their codes, and the record shows the new one.
  await expect(drawer).toContainText('变更专业或基地记录');
  await expect(drawer).toContainText(/2026年3月1日 起：培训专业 \S+ 内科 → \S+ 外科/);
  await shot(page, 'trainees-transfer');

  await drawer.getByRole('button', { name: '变更专业或基地' }).click();
  await dialog.getByText('变更培训基地').click();
  await field(dialog, '转入的培训基地').fill('重庆医科大学附属第一医院');
  await field(dialog, '变更日期').fill('2026-06-01');
  await field(dialog, '原因').fill('随配偶迁居');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(drawer).toContainText('培训基地 重庆测试医院 → 重庆医科大学附属第一医院');
  await expect(drawer).not.toContainText(/\d{4}-\d{2}-\d{2}/);
});
