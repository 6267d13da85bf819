import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, PLANS, expect, field, goTo, initializeBase, openAsAdmin, test } from './fixtures';

const JILIN = join(PLANS, 'jilin-2024-residency-plan.csv');
const CHONGQING = join(PLANS, 'chongqing-2022-assistant-gp-plan.csv');

test('Jilin plan: the base column is found by name, quotas are imported and the import is audited', async ({ page, server }) => {
  await initializeBase(server, { baseName: '吉林大学第一医院' });
  await openAsAdmin(page, server);
  await goTo(page, '招收计划');
  await expect(page.getByText('本年度还没有招收计划')).toBeVisible();

  await page.getByRole('button', { name: '导入计划' }).first().click();
  const dialog = page.getByRole('dialog', { name: '导入招收计划' });
  await expect(dialog.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await dialog.getByTestId('plan-file-input').setInputFiles(JILIN);
  await expect(dialog.getByText('本基地：吉林大学第一医院')).toBeVisible();
  await expect(dialog.getByTestId('preview-total')).toHaveText('9 行，合计 90 人');
  await expect(dialog.getByText('检查通过：导入将替换本年度的招收计划。')).toBeVisible();
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByText('已从“jilin-2024-residency-plan.csv”导入 9 行计划，合计 90 人。')).toBeVisible();
  await expect(page.getByTestId('quota-0700')).toHaveText('30');
  await expect(page.getByTestId('quota-pool')).toHaveText('44');
  await expect(page.getByTestId('plan-row-pool').getByText('待分配', { exact: true })).toBeVisible();
  await expect(page.getByTestId('plan-total-cell')).toHaveText('90');

  // The audit viewer shows who imported what, with the before/after detail.
  await goTo(page, '审计日志');
  const row = page.getByTestId('audit-row').filter({ hasText: '导入招收计划' });
  await expect(row).toHaveCount(1);
  // By display name, not the login name.
  await expect(row).toContainText(ADMIN.displayName);
  await row.getByRole('button', { name: '展开详情' }).click();
  await expect(page.getByText('"jilin-2024-residency-plan.csv"')).toBeVisible();

  await page.getByRole('combobox', { name: '操作' }).click();
  await page.getByRole('option', { name: '导入招收计划' }).click();
  await expect(page.getByText('共 1 条')).toBeVisible();

  await page.getByRole('button', { name: '校验哈希链' }).click();
  await expect(page.getByText('哈希链完整')).toBeVisible();
});

test('a base not named in the file chooses its column, and re-previews with it', async ({ page, server }) => {
  await initializeBase(server, { baseName: '某市第一人民医院' });
  await openAsAdmin(page, server);
  await goTo(page, '招收计划');
  await page.getByRole('button', { name: '导入计划' }).first().click();
  const dialog = page.getByRole('dialog', { name: '导入招收计划' });
  await dialog.getByTestId('plan-file-input').setInputFiles(JILIN);
  await expect(dialog.getByText(/文件包含多个基地，且没有一个与本基地名称“某市第一人民医院”一致/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: '确认导入' })).toBeDisabled();

  await dialog.getByRole('combobox', { name: '本基地在表中的名称' }).click();
  await page.getByRole('option', { name: '吉林大学第二医院' }).click();
  await expect(dialog.getByTestId('preview-total')).toHaveText('8 行，合计 69 人');
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('plan-total-cell')).toHaveText('69');
  await expect(page.getByTestId('quota-0700')).toHaveText('25');
});

test('Chongqing assistant-GP list: choosing this base’s row imports its quota', async ({ page, server }) => {
  await initializeBase(server, { baseName: '重庆市某区医院', presetId: 'chongqing-2022-agp' });
  await openAsAdmin(page, server);
  await goTo(page, '招收计划');
  await page.getByRole('button', { name: '导入计划' }).first().click();
  const dialog = page.getByRole('dialog', { name: '导入招收计划' });
  await dialog.getByTestId('plan-file-input').setInputFiles(CHONGQING);
  await dialog.getByRole('combobox', { name: '本基地在表中的名称' }).click();
  await page.getByRole('option', { name: '巴南区人民医院' }).click();
  await expect(dialog.getByTestId('preview-total')).toHaveText('1 行，合计 35 人');
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('plan-total-cell')).toHaveText('35');
});

test('problems block the import; unknown specialties are mapped or added as local specialties', async ({ page, server }) => {
  await initializeBase(server);
  await openAsAdmin(page, server);
  await goTo(page, '招收计划');
  await page.getByRole('button', { name: '导入计划' }).first().click();
  const dialog = page.getByRole('dialog', { name: '导入招收计划' });

  // Row 4 has a quota that is not a number: shown with its row number, and the commit stays disabled.
  const bad = '专业名称,计划人数\n全科,10\n中医全科,3\n内科,十\n';
  await dialog
    .getByTestId('plan-file-input')
    .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
  await expect(dialog.getByText('发现 1 处问题，不能导入')).toBeVisible();
  await expect(dialog.locator('tr[data-kind="problem"]')).toContainText('第 4 行');
  await expect(dialog.getByRole('button', { name: '确认导入' })).toBeDisabled();

  // Fixed file: only the unknown name remains, and it must be decided before committing.
  const good = '专业名称,计划人数\n全科,10\n中医全科,3\n儿科,2\n';
  await dialog
    .getByTestId('plan-file-input')
    .setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
  await expect(dialog.getByText('1 个专业名称不在专业目录中')).toBeVisible();
  await expect(dialog.locator('tr[data-kind="unknown"]')).toContainText('中医全科');
  await expect(dialog.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await dialog.getByRole('combobox', { name: '“中医全科”（第 3 行）' }).click();
  await page.getByRole('option', { name: '新增为本地专业' }).click();
  await expect(dialog.getByText('检查通过：导入将替换本年度的招收计划。')).toBeVisible();
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('plan-total-cell')).toHaveText('15');
  // Local codes continue after the preset's own (吉林: L001 重症医学科).
  await expect(page.getByTestId('plan-row-L002')).toContainText('中医全科');
  await expect(page.getByTestId('quota-L002')).toHaveText('3');

  // The new specialty is in the catalogue, marked local.
  await goTo(page, '基地设置');
  await page.getByRole('tab', { name: '专业目录' }).click();
  await page.getByRole('textbox', { name: '按名称或代码查找' }).fill('中医全科');
  const row = page.getByRole('row').filter({ hasText: '中医全科' });
  await expect(row.getByText('本地专业')).toBeVisible();
});

test('quotas are edited inline with validation, and pooled seats are split to a specialty', async ({ page, server }) => {
  await initializeBase(server);
  await server.api('auth.login', { username: 'admin', password: 'correct horse 1' });
  const csv = await import('node:fs').then((fs) => fs.readFileSync(JILIN).toString('base64'));
  await server.api('plan.commitImport', { fileName: 'jilin.csv', contentBase64: csv, mappings: {} });

  await openAsAdmin(page, server);
  await goTo(page, '招收计划');
  await expect(page.getByTestId('plan-total-cell')).toHaveText('90');

  await page.getByRole('button', { name: '修改 全科 的计划人数' }).click();
  const input = page.getByRole('textbox', { name: '全科 的计划人数' });
  await input.fill('');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('计划人数必须是不小于 0 的整数。')).toBeVisible();
  // A minus sign or a fraction is refused, never silently dropped (typing -5 used to save 5).
  for (const typed of ['-5', '2.5']) {
    await input.fill(typed);
    await input.press('Enter');
    await expect(page.getByText('计划人数必须是不小于 0 的整数。')).toBeVisible();
    await expect(page.getByTestId('plan-total-cell')).toHaveText('90');
  }
  await input.fill('28');
  await input.press('Enter');
  await expect(page.getByTestId('quota-0700')).toHaveText('28');
  await expect(page.getByTestId('plan-total-cell')).toHaveText('88');

  await page.getByRole('button', { name: '分配待分配名额' }).click();
  const dialog = page.getByRole('dialog', { name: '分配待分配名额' });
  await expect(dialog.getByText('可分配：44 个名额')).toBeVisible();
  await dialog.getByRole('combobox', { name: '专业' }).click();
  await page.getByRole('option', { name: '0100 内科' }).click();
  await field(page, '名额数').fill('50');
  await dialog.getByRole('button', { name: '分配', exact: true }).click();
  await expect(dialog.getByText('待分配名额只剩 44 个。')).toBeVisible();
  await field(page, '名额数').fill('4');
  await dialog.getByRole('button', { name: '分配', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('quota-0100')).toHaveText('4');
  await expect(page.getByTestId('quota-pool')).toHaveText('40');
  await expect(page.getByTestId('plan-total-cell')).toHaveText('88');
});

test('importing over an existing plan shows what changes and needs a reason', async ({ page, server }, testInfo) => {
  await initializeBase(server, { baseName: '吉林大学第一医院' });
  await server.api('auth.login', { username: 'admin', password: 'correct horse 1' });
  await server.api('plan.commitImport', {
    fileName: 'jilin.csv',
    contentBase64: readFileSync(JILIN).toString('base64'),
    mappings: {},
  });
  await openAsAdmin(page, server);
  await goTo(page, '招收计划');
  await page.getByRole('button', { name: '导入计划' }).first().click();
  const dialog = page.getByRole('dialog', { name: '导入招收计划' });
  const small = testInfo.outputPath('small.csv');
  writeFileSync(small, '专业名称,计划人数\n全科,5\n儿科,2\n');
  await dialog.getByTestId('plan-file-input').setInputFiles(small);

  const replace = dialog.getByTestId('plan-replace');
  await expect(replace).toContainText('合计：90 人 → 7 人');
  await expect(replace).toContainText('变更：全科 30 人 → 5 人');
  await expect(dialog.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await replace.getByLabel('替换原因（记入审计日志）').fill('省住培办下达调整后的计划');
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('plan-total-cell')).toHaveText('7');
});
