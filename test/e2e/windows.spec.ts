import { createRng, makeApplicants, writeCsv } from '../../src/core/testdata';
import type { WindowsState } from '../../src/shared/contract/windows';
import { ADMIN, expect, field, initializeBase, login, shot, test, type Server } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** Jilin 2024 (现场确认 7月1日—7月4日, long past) with its windows put into effect and one applicant checked. */
async function jilinLate(server: Server) {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rows = makeApplicants(createRng(71), 2, { specialties: ['内科'], categories: ['社会人'], choices: 1 }).map((r) => ({
    ...r,
    是否农村订单定向: '否',
    医师资格证书编号: '',
    医师执业证书编号: '',
    第一志愿: '内科',
  }));
  await server.api('applicants.commitImport', {
    fileName: '报名.csv',
    contentBase64: Buffer.from(writeCsv(rows, { encoding: 'utf-8' })).toString('base64'),
  });
  const state = await server.api<WindowsState>('windows.state', {});
  await server.api('windows.set', { windows: state.windows, reason: '按吉林省2024年招收通知' });
  const list = await server.api<{ applicants: Array<{ id: string; name: string }> }>('applicants.list', { limit: 10 });
  const first = list.applicants[0]!;
  const checklist = { id_card: 'original', diplomas: 'original', degrees: 'original', photo: 'original' };
  await server.api('confirm.saveChecklist', { id: first.id, checklist });
  return first;
}

test('the desk shows the window; after it closed a decision asks for a reason, then goes through', async ({ page, server }) => {
  test.setTimeout(90_000);
  const person = await jilinLate(server);
  await page.goto(`${server.url}#/desk`);
  await login(page);
  const banner = page.getByTestId('window-banner-desk-confirmation');
  await expect(banner).toContainText('现场确认：7月1日—7月4日，已截止');
  await expect(banner).toContainText('7月1日-4日');
  await shot(page, 'windows-1-desk-banner');
  const search = page.getByRole('combobox', { name: '查找报名人员' });
  await search.fill(person.name);
  await expect(page.getByTestId('desk-result').first()).toContainText(person.name);
  await search.press('Enter');
  await expect(page.getByTestId('desk-name')).toHaveText(person.name);

  await page.getByRole('button', { name: '提交结论' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: '截止' });
  await expect(refusal).toContainText('2024年7月4日 截止');
  await expect(refusal).toContainText('须填写原因');
  await expect(page.locator('body')).not.toContainText('WINDOW_CLOSED');
  await shot(page, 'windows-2-desk-late');

  await field(page, '原因').fill('考生7月4日已到场，因停电次日补录');
  await page.getByRole('button', { name: '提交结论' }).click();
  await expect(page.getByText(`${person.name}：确认通过`).first()).toBeVisible();
});

test('the exam calendar editor adds a step, removes one and restores it; the 汇总表 columns are editable', async ({
  page,
  server,
}) => {
  test.setTimeout(90_000);
  await server.api('setup.initialize', {
    baseName: '重庆测试医院',
    baseCode: 'E2E09',
    presetId: 'chongqing-2022-agp',
    cohortYear: 2026,
    admin: ADMIN,
  });
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await server.api('exam.copyCalendar', { year: 2026, from: 'chongqing-2024', reason: '先按2024年日程准备' });
  await page.goto(`${server.url}#/exam/calendar`);
  await login(page);
  const steps = page.getByTestId('exam-calendar-step');
  await expect(steps).toHaveCount(10);

  await page.getByRole('button', { name: '添加步骤' }).click();
  const add = page.getByRole('dialog', { name: '添加日程步骤' });
  await field(add, '步骤名称').fill('补交材料截止');
  await field(add, '截止日期').fill('2026-02-24');
  await field(add, '依据（当年通知原文）').fill('市住培办补充通知：2月24日前补交材料');
  await field(add, '原因').fill('收到补充通知');
  await shot(page, 'windows-3-calendar-add');
  await add.getByRole('button', { name: '保存' }).click();
  await expect(steps).toHaveCount(11);
  await expect(steps.filter({ hasText: '补交材料截止' })).toContainText('2026年2月24日');

  await page.getByRole('button', { name: '删除 市住培办组织专家审核报考人员资格' }).click();
  const remove = page.getByRole('dialog', { name: /删除步骤/ });
  await field(remove, '原因').fill('本年度由专家组另行安排');
  await remove.getByRole('button', { name: '删除' }).click();
  await expect(steps).toHaveCount(10);
  const removed = page.getByTestId('exam-calendar-removed');
  await expect(removed).toContainText('市住培办组织专家审核报考人员资格');
  await shot(page, 'windows-4-calendar-removed', { fullPage: true });

  await removed.getByRole('button', { name: '恢复 市住培办组织专家审核报考人员资格' }).click();
  const restore = page.getByRole('dialog', { name: /恢复步骤/ });
  await field(restore, '原因').fill('专家审核照常进行');
  await restore.getByRole('button', { name: '恢复' }).click();
  await expect(steps).toHaveCount(11);
  await expect(removed).toHaveCount(0);

  // The 汇总表 columns: the 资格审核名册 default, editable here.
  await page.goto(`${server.url}#/exam`);
  await page.getByRole('button', { name: '汇总表的列' }).click();
  const dialog = page.getByRole('dialog', { name: '报名汇总表的列' });
  await expect(dialog.getByTestId('summary-column')).toHaveCount(21);
  await dialog.getByRole('button', { name: '删除列“工作单位”' }).click();
  await expect(dialog.getByTestId('summary-column')).toHaveCount(20);
  await shot(page, 'windows-6-summary-columns');
});

test('Beijing: the admission screen shows the batch windows', async ({ page, server }) => {
  test.setTimeout(90_000);
  await initializeBase(server, { presetId: 'beijing-2023', baseName: '北京测试医院' });
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  // The base's cohort is 2024 and Beijing's notice is 2023's: the 2024 windows start as a 示例 copy.
  await server.api('windows.copy', { year: 2024, from: 'beijing-2023', reason: '按2023年通知预填' });
  await page.goto(`${server.url}#/admission`);
  await login(page);
  await expect(page.getByTestId('window-banner-admission-publication')).toContainText(
    '首次报名第三志愿录取：8月23日—8月24日，已截止（示例日期，待核对）',
  );
  await expect(page.getByTestId('window-banner-second-choices')).toContainText('二次补报录取：8月27日—8月30日');
  await shot(page, 'windows-5-admission');
});
