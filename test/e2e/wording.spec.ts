/**
 * Words for people: errors in the reader's language (never a raw code), people by display name, dates in
 * Chinese form whatever the browser's locale, and English mode with no Chinese server message left.
 */
import type { Page } from '@playwright/test';
import { createRng, makeIdNumber, makePhone } from '../../src/core/testdata';
import { ADMIN, expect, field, initializeBase, openAsAdmin, shot, test, type Server } from './fixtures';

// An English system locale: the date pickers and toLocaleString would show 12/1/2026 here if the app let them.
test.use({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });

const PEOPLE = ['张伟', '李娜'];
const CJK = /[\u4e00-\u9fff]/;
const RAW_CODE = /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/;
const CN_DATE = /\d{4}年\d{1,2}月\d{1,2}日/;

async function arrange(server: Server) {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rng = createRng(20261201);
  const ids = PEOPLE.map(() => makeIdNumber(rng));
  const csv = [
    '姓名,证件号码,手机号码,人员类型,第一志愿,是否服从调剂',
    ...PEOPLE.map((name, i) => `${name},${ids[i]},${makePhone(rng)},社会人,内科,是`),
  ].join('\n');
  await server.api('applicants.commitImport', { fileName: '报名.csv', contentBase64: Buffer.from(csv).toString('base64') });
  await server.api('confirm.decide', { targets: [ids[0]], decision: 'confirmed', checklistComplete: true });
}

async function switchLanguage(page: Page, to: 'English' | '简体中文') {
  await page.getByRole('button', { name: to === 'English' ? '界面语言' : 'Language' }).click();
  await page.getByRole('menuitem', { name: to }).click();
}

async function open(page: Page, path: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(path)}`);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(page.getByText(/Loading…|正在加载…/)).toHaveCount(0);
}

async function addExistingUser(
  page: Page,
  labels: { add: string; username: string; name: string; password: string; confirm: string },
) {
  await page.getByRole('button', { name: labels.add }).click();
  const dialog = page.getByRole('dialog', { name: labels.add });
  await field(dialog, labels.username).fill(ADMIN.username);
  await field(dialog, labels.name).fill('重复的管理员');
  await field(dialog, labels.password).fill('another password 1');
  await field(dialog, labels.confirm).fill('another password 1');
  await dialog.getByRole('button', { name: labels.add }).click();
  return dialog;
}

test('a known error reads in Chinese and in English, never as its code', async ({ page, server }) => {
  await arrange(server);
  await openAsAdmin(page, server);
  await open(page, '/users');
  const zh = await addExistingUser(page, {
    add: '新增用户',
    username: '用户名',
    name: '姓名',
    password: '密码',
    confirm: '确认密码',
  });
  await expect(zh.getByText('用户名“admin”已存在，请换一个。')).toBeVisible();
  await shot(page, 'wording-error-zh');
  await zh.getByRole('button', { name: '取消' }).click();

  await switchLanguage(page, 'English');
  const en = await addExistingUser(page, {
    add: 'Add user',
    username: 'User name',
    name: 'Name',
    password: 'Password',
    confirm: 'Confirm password',
  });
  await expect(en.getByText('The user name "admin" is already taken. Choose another.')).toBeVisible();
  await expect(en).not.toContainText('USER_EXISTS');
  await expect(en).not.toContainText('已存在');
  await shot(page, 'wording-error-en');
});

test('the confirmation shows who confirmed by name, and when in Chinese form', async ({ page, server }) => {
  await arrange(server);
  await openAsAdmin(page, server);
  await open(page, '/desk');
  const search = page.getByRole('combobox', { name: '查找报名人员' });
  await search.fill(PEOPLE[0]!);
  await expect(page.getByTestId('desk-result').first()).toContainText(PEOPLE[0]!);
  await search.press('Enter');
  const decision = page.getByTestId('current-decision');
  await expect(decision).toContainText('确认通过');
  await expect(decision).toContainText(ADMIN.displayName);
  await expect(decision).not.toContainText(ADMIN.username);
  await expect(decision).toContainText(CN_DATE);
  await shot(page, 'wording-desk-zh');

  // The audit log names people the same way, and its date filter reads year-month-day, not mm/dd/yyyy.
  await open(page, '/audit');
  await expect(page.getByRole('cell', { name: ADMIN.displayName }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: ADMIN.username, exact: true })).toHaveCount(0);
  const from = field(page, '起始日期');
  await expect(from).toHaveAttribute('placeholder', '例如 2026-12-01');
  await from.fill('2024-03-05');
  await expect(page.getByText('2024年3月5日')).toBeVisible();
  await shot(page, 'wording-audit-zh');
});

const PAGES = ['/', '/plan', '/applicants', '/desk', '/admission', '/scores', '/users', '/audit', '/outbox', '/exam'];

test('English mode leaves no Chinese server message or raw code on the main pages', async ({ page, server }) => {
  await arrange(server);
  await openAsAdmin(page, server);
  for (const path of PAGES.slice(0, 6)) {
    await open(page, path);
    await shot(page, `wording-page-zh${path.replaceAll('/', '-')}`);
  }
  await switchLanguage(page, 'English');
  for (const path of PAGES) {
    await open(page, path);
    const main = page.locator('main');
    await expect(main, path).not.toContainText(RAW_CODE);
    // Window banners quote the province's notice, which is Chinese on purpose; error alerts must not be.
    for (const alert of await main.locator('[role=alert]:not([data-testid^="window-banner"])').all()) {
      await expect(alert, `${path}: an error left in Chinese`).not.toContainText(CJK);
    }
    await shot(page, `wording-page-en${path.replaceAll('/', '-')}`);
  }
  // A refusal from the core reads in English too (here: no seats allocated to specialties yet).
  await open(page, '/admission');
  await page.getByRole('button', { name: 'Compute admission' }).click();
  const note = page.locator('.mantine-Notification-root').last();
  await expect(note).toBeVisible();
  await expect(note).not.toContainText(CJK);
  await expect(note).not.toContainText(RAW_CODE);
  await shot(page, 'wording-admission-error-en');
});
