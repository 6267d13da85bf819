import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, makeIdNumber, makePhone } from '../../src/core/testdata';
import { ADMIN, expect, field, goTo, initializeBase, login, openAsAdmin, shot, test, type Server } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

// These tests are about `basedesk serve` as a browser user meets it: no OS keychain and no passphrase in the
// environment (another spec sets one for its own server), so the UI has to ask.
let savedPassphrase: string | undefined;
test.beforeAll(() => {
  savedPassphrase = process.env.BASEDESK_KEY_PASSPHRASE;
  delete process.env.BASEDESK_KEY_PASSPHRASE;
});
test.afterAll(() => {
  if (savedPassphrase !== undefined) process.env.BASEDESK_KEY_PASSPHRASE = savedPassphrase;
});

const PASSPHRASE = '门诊 三楼 签名 2024';

async function arrangeConfirmed(server: Server, people: Array<{ name: string; choice: string; score: number }>) {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rng = createRng(20241301);
  const ids = people.map(() => makeIdNumber(rng));
  const csv = [
    '姓名,证件号码,手机号码,人员类型,第一志愿,是否服从调剂',
    ...people.map((p, i) => `${p.name},${ids[i]},${makePhone(rng)},社会人,${p.choice},是`),
  ].join('\n');
  await server.api('applicants.commitImport', { fileName: '报名.csv', contentBase64: Buffer.from(csv).toString('base64') });
  await server.api('confirm.decide', { targets: ids, decision: 'confirmed', checklistComplete: true });
  return { ids };
}

test('served UI: the signing key is made and used with a passphrase typed in the UI', async ({ page, server }) => {
  await arrangeConfirmed(server, [
    { name: '张伟', choice: '内科', score: 90 },
    { name: '李娜', choice: '内科', score: 85 },
  ]);
  await openAsAdmin(page, server);
  await goTo(page, '签名密钥');
  await expect(page.getByText('本机没有系统钥匙串，生成时需要设置一个口令来保护私钥。')).toBeVisible();
  await page.getByRole('button', { name: '生成签名密钥' }).click();

  // Chosen twice, checked against the core's rules before anything is sent.
  const dialog = page.getByRole('dialog', { name: '设置签名密钥口令' });
  await expect(dialog.getByTestId('key-storage-note')).toContainText(server.dataDir);
  await field(dialog, '口令').fill('short');
  await field(dialog, '再次输入口令').fill('short');
  await dialog.getByRole('button', { name: '设置口令并继续' }).click();
  await expect(dialog.getByText(/口令至少 10 位/)).toBeVisible();
  await field(dialog, '口令').fill(PASSPHRASE);
  await field(dialog, '再次输入口令').fill(`${PASSPHRASE}!`);
  await dialog.getByRole('button', { name: '设置口令并继续' }).click();
  await expect(dialog.getByText('两次输入的口令不一致。')).toBeVisible();
  await shot(page, 'admin-1-key-passphrase');
  await field(dialog, '再次输入口令').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: '设置口令并继续' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9A-F]{16}$/);
  await expect(page.getByText('私钥保护方式：口令')).toBeVisible();
  await expect(page.getByTestId('key-storage')).toContainText(server.dataDir);
  await shot(page, 'admin-2-key-made');

  // Signing later asks for it once; a wrong one is said in the dialog and nothing is built.
  await goTo(page, '报送与待发件箱');
  await page.getByRole('button', { name: '生成并放入待发件箱' }).click();
  const unlock = page.getByRole('dialog', { name: '输入签名密钥口令' });
  await field(unlock, '口令').fill('不是这个口令 不是这个');
  await unlock.getByRole('button', { name: '确定' }).click();
  await expect(unlock.getByRole('alert')).toContainText('口令不正确');
  await expect(page.getByTestId('outbox-row-1')).toHaveCount(0);
  await field(unlock, '口令').fill(PASSPHRASE);
  await unlock.getByRole('button', { name: '确定' }).click();
  await expect(unlock).toBeHidden();
  const row = page.getByTestId('outbox-row-1');
  await expect(row.getByTestId('state')).toHaveText('待发送');

  // The downloaded package is named for what it is, not by its uuid.
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: '下载文件' }).click();
  expect((await download).suggestedFilename()).toBe('报送包-现场确认结果-2024-第1号-吉林大学第一医院.zip');
  await shot(page, 'admin-3-built');

  // The passphrase went nowhere it could be read back.
  const events = await server.api<{ events: unknown[] }>('audit.list', { limit: 500 });
  expect(JSON.stringify(events)).not.toContain(PASSPHRASE);
});

test('a role change, promotion to 管理员 included, is confirmed in a dialog with a reason that is audited', async ({
  page,
  server,
}) => {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await server.api('users.add', { username: 'zhang', displayName: '张教秘', role: 'clerk', password: 'clerk password 1' });
  await openAsAdmin(page, server);
  await goTo(page, '用户管理');
  const role = page.getByRole('combobox', { name: '张教秘 的角色' });

  // Picking a role only proposes it: cancelling leaves the user as they were.
  await role.click();
  await page.getByRole('option', { name: '面试官' }).click();
  const dialog = page.getByRole('dialog', { name: '修改角色' });
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(role).toHaveValue('教秘');

  await role.click();
  await page.getByRole('option', { name: '管理员' }).click();
  await expect(dialog).toContainText('把 张教秘 的角色从“教秘”改为“管理员”。');
  await expect(dialog).toContainText('管理员可以管理所有账号');
  await expect(dialog.getByRole('button', { name: '确认修改' })).toBeDisabled();
  await field(dialog, '修改原因').fill('接任系统管理员（院办通知）');
  await shot(page, 'admin-4-role-dialog');
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await expect(dialog).toBeHidden();
  await expect(role).toHaveValue('管理员');

  const audit = await server.api<{ events: Array<{ action: string; reason: string | null; after: unknown }> }>('audit.list', {
    action: 'user.update',
  });
  expect(audit.events.map((e) => e.reason)).toContain('接任系统管理员（院办通知）');
});

test('after switching user the new user lands on a page the role may see', async ({ page, server }) => {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await server.api('users.add', { username: 'li', displayName: '李面试', role: 'interviewer', password: 'interview pass 1' });
  await openAsAdmin(page, server);
  await goTo(page, '审计日志');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '锁定' }).click();
  await page.getByRole('button', { name: '切换用户（退出登录）' }).click();
  await login(page, 'li', 'interview pass 1');
  await expect(page.getByRole('heading', { name: '李面试，您好' })).toBeVisible();
  await expect(page.getByText('没有权限')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('#/');
  await shot(page, 'admin-5-switched');
});

test('the setup wizard refuses a too-long base name and a year out of range on the step itself', async ({ page, server }) => {
  await page.goto(server.url);
  await field(page, '基地名称').fill('吉'.repeat(600));
  await field(page, '基地代码').fill('JL001');
  await field(page, '招收年度').fill('1800');
  await field(page, '基地代码').focus(); // leaving the field must not turn 1800 into 2000
  await expect(field(page, '招收年度')).toHaveValue('1800');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('基地名称不能超过 100 个字（现在是 600 个字）。')).toBeVisible();
  await expect(page.getByText('招收年度应在 2000 到 2100 之间，“1800”不在这个范围内，请改正。')).toBeVisible();
  await shot(page, 'admin-6-setup-step1');
  await field(page, '基地名称').fill('吉林大学第一医院');
  await field(page, '招收年度').fill('2024');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('radio', { name: /吉林省 2024/ }).click();
  await page.getByRole('button', { name: '下一步' }).click();

  // The administrator's password meets the core's rules here, not after the whole form is sent.
  await field(page, '姓名').fill(ADMIN.displayName);
  await field(page, '密码').fill('password2024');
  await field(page, '确认密码').fill('password2024');
  await page.getByRole('button', { name: '完成设置并登录' }).click();
  await expect(page.getByText(/最常见的密码之一/)).toBeVisible();
  await field(page, '密码').fill(ADMIN.password);
  await field(page, '确认密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置并登录' }).click();
  await expect(page.getByRole('heading', { name: `${ADMIN.displayName}，您好` })).toBeVisible();
});

test('公示 needs at least one day; its 备注 is on the 公示页; the 汇总表 has 录取专业 and a readable name', async ({
  page,
  server,
}) => {
  const { ids } = await arrangeConfirmed(server, [
    { name: '张伟', choice: '内科', score: 90 },
    { name: '刘洋', choice: '儿科', score: 80 },
  ]);
  const scores = ['姓名,身份证号,笔试成绩,面试成绩', `张伟,${ids[0]},90,90`, `刘洋,${ids[1]},80,80`].join('\n');
  await server.api('scores.import', { fileName: '成绩.csv', contentBase64: Buffer.from(scores).toString('base64') });
  await server.api('plan.setQuota', { specialtyCode: '0100', category: null, quota: 1 });
  await server.api('plan.setQuota', { specialtyCode: '0200', category: null, quota: 1 });
  await server.api('admission.run', {});
  await openAsAdmin(page, server);
  await goTo(page, '择优录取');

  await page.getByRole('button', { name: '公示名单' }).click();
  const publish = page.getByRole('dialog', { name: '公示拟录取名单' });
  await field(publish, '公示开始日期').fill('2024-07-10');
  await field(publish, '公示天数').fill('0');
  await field(publish, '备注').fill('异议请于公示期内到住培办（门诊楼三楼）反映');
  await publish.getByRole('button', { name: '确认公示' }).click();
  await expect(publish.getByText('公示天数应为 1 到 30 之间的整数。')).toBeVisible();
  await expect(field(publish, '公示天数')).toHaveValue('0');
  await shot(page, 'admin-7-publish-days');
  await field(publish, '公示天数').fill('5');
  await publish.getByRole('button', { name: '确认公示' }).click();
  await expect(publish).toBeHidden();
  await expect(page.getByTestId('published-badge')).toHaveText('已公示 2024年7月10日 至 2024年7月14日');
  await page.getByRole('button', { name: '公示页' }).click();
  const frame = page.frameLocator('iframe[title^="拟录取名单公示"]');
  await expect(frame.getByText('备注：异议请于公示期内到住培办（门诊楼三楼）反映')).toBeVisible();
  await shot(page, 'admin-8-publication-note');
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出汇总表' }).click()]);
  expect(download.suggestedFilename()).toBe('拟录取学员汇总表-2024-吉林大学第一医院.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(3).getCell(3).value).toBe('录取专业');
  const specialties = [4, 5].map((r) => ws.getRow(r).getCell(3).value);
  expect(specialties.sort()).toEqual(['儿科', '内科'].sort());
});

test('the roster preview groups a repeated warning; problems name the person; the mapping panel does not contradict itself', async ({
  page,
  server,
}) => {
  await initializeBase(server);
  const rng = createRng(20241309);
  const names = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九', '陈十', '褚十一', '卫十二'];
  const ids = names.map(() => makeIdNumber(rng));
  const rows = names.map((n, i) => `${n},${ids[i]},${i === 3 ? '12345' : makePhone(rng)},社会人,内科,外科,是`);
  const dir = mkdtempSync(join(tmpdir(), 'basedesk-e2e-roster-'));
  const file = join(dir, '报名名单.csv');
  writeFileSync(file, ['姓名,证件号码,手机号码,人员类型,第一志愿,第二志愿,是否服从调剂', ...rows].join('\n'));
  await openAsAdmin(page, server);
  await goTo(page, '报名人员');
  await page.getByRole('button', { name: '导入名单' }).click();
  const dialog = page.getByRole('dialog', { name: '导入报名人员' });
  await dialog.getByTestId('applicants-file-input').setInputFiles(file);

  // Every row fills in a second choice Jilin does not take: one line, not twelve.
  const warnings = dialog.getByTestId('import-warnings-row');
  await expect(warnings).toHaveCount(1);
  await expect(warnings.first()).toContainText(/12 行：填写了 2 个志愿，吉林省?每人限报 1 个/);
  await expect(warnings.first()).toContainText('第 2、3、4、5、6、7、8、9 行等');
  // The row with a bad phone says whose it is (ID masked).
  const problem = dialog.getByTestId('import-problems-row').first();
  await expect(problem).toContainText('李四');
  await expect(problem).toContainText(`${ids[3]!.slice(0, 6)}********${ids[3]!.slice(14)}`);
  await expect(dialog).not.toContainText(ids[3]!);
  await warnings.first().scrollIntoViewIfNeeded();
  await shot(page, 'admin-9-import-warnings');

  await dialog.getByRole('button', { name: '对应各列' }).click();
  await expect(dialog.getByTestId('mapping-form')).toContainText('表头已自动识别');
  await expect(dialog).not.toContainText('无法自动识别');
  await shot(page, 'admin-10-import-mapping');

  await dialog.getByRole('button', { name: /导入 \d+ 条有效记录/ }).click();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载问题清单（Excel）' }).click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await (await download).path()) as never);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).getCell(2).value).toBe('姓名');
  expect(ws.getRow(2).getCell(2).value).toBe('李四');
  expect(ws.getRow(2).getCell(3).value).toBe(`${ids[3]!.slice(0, 6)}********${ids[3]!.slice(14)}`);
});
