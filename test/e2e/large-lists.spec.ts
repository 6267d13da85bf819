import type { Page } from '@playwright/test';
import { createRng, makeApplicants, writeCsv, type Applicant } from '../../src/core/testdata';
import { ADMIN, expect, goTo, initializeBase, login, shot, test, type Server } from './fixtures';

const N = 1200;
const PAGE_SIZE = 50;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

// Arranging 1,200 people through the API takes a good part of a minute on a busy two-core machine.
test.describe.configure({ timeout: 180_000 });

/** 1,200 generated applicants of three specialties with written scores, none confirmed yet. */
async function arrange(server: Server): Promise<Applicant[]> {
  // Generated before the first call: a long pause between two calls can meet the server closing the idle
  // keep-alive connection.
  const people = makeApplicants(createRng(2024), N, {
    specialties: ['内科', '儿科', '外科'],
    categories: ['社会人'],
    choices: 1,
  });
  const roster = b64(writeCsv(people as never, { encoding: 'utf-8' }));
  const scores = [['姓名', '身份证号', '笔试成绩'], ...people.map((p, i) => [p.姓名, p.证件号码, String(50 + (i % 50))])];
  const written = b64(writeCsv(scores, { encoding: 'utf-8' }));
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await server.api('applicants.commitImport', { fileName: 'roster.csv', contentBase64: roster });
  await server.api('scores.import', { fileName: 'written.csv', contentBase64: written });
  return people;
}

/**
 * Confirms the 内科 applicants except every fifth one (left pending) and returns one more for correction,
 * so the session picker has people of the specialty to leave out.
 */
async function confirmNeike(server: Server, people: Applicant[]): Promise<Set<string>> {
  const neike = people.filter((p) => p.第一志愿 === '内科');
  const toConfirm = neike.filter((_p, i) => i % 5 !== 0 && i !== 1).map((p) => p.证件号码);
  for (let i = 0; i < toConfirm.length; i += 1000) {
    await server.api('confirm.decide', {
      targets: toConfirm.slice(i, i + 1000),
      decision: 'confirmed',
      checklistComplete: true,
      // Generated people may break a province rule (a rural-oriented graduate choosing 内科); that is not
      // what this test is about, so the arrangement lets them through with a reason.
      overrideRules: true,
      reason: '测试数据放行',
    });
  }
  await server.api('confirm.decide', { targets: [neike[1]!.证件号码], decision: 'returned', reason: '缺少毕业证书原件' });
  return new Set(toConfirm);
}

async function open(page: Page, server: Server, nav: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  await login(page);
  await goTo(page, nav);
}

test('考核成绩 shows one page of 1,200 candidates with a page count; search and jump find a person on page 15', async ({
  page,
  server,
}) => {
  const people = await arrange(server);
  const byId = [...people].sort((a, b) => (a.证件号码 < b.证件号码 ? -1 : 1));
  const target = byId[14 * PAGE_SIZE + 7]!;
  await open(page, server, '考核成绩');
  const pager = page.getByTestId('results-pager');
  await expect(pager.getByTestId('results-pager-summary')).toHaveText(`共 ${N} 条，第 1 / ${N / PAGE_SIZE} 页`);
  await expect(page.getByTestId('result-row')).toHaveCount(PAGE_SIZE);
  await shot(page, 'large-scores-page1');

  await page.getByLabel('查找考生').fill(target.证件号码.slice(-8));
  await expect(page.getByTestId('result-row')).toHaveCount(1);
  await expect(page.getByTestId('result-row')).toContainText(target.姓名);
  await expect(page.getByTestId('result-row')).toContainText(target.证件号码.slice(-4));
  await shot(page, 'large-scores-search');

  await page.getByLabel('查找考生').fill('');
  await expect(pager.getByTestId('results-pager-summary')).toHaveText(`共 ${N} 条，第 1 / ${N / PAGE_SIZE} 页`);
  await pager.getByLabel(/^跳转到第几页/).fill('15');
  await pager.getByLabel(/^跳转到第几页/).press('Enter');
  await expect(pager.getByTestId('results-pager-summary')).toHaveText(`共 ${N} 条，第 15 / ${N / PAGE_SIZE} 页`);
  await expect(page.getByTestId('result-row').nth(7)).toContainText(target.姓名);
  await shot(page, 'large-scores-page15');

  // Sorting by the written score, highest first, from the first page.
  await page.getByRole('button', { name: '笔试' }).click();
  await page.getByRole('button', { name: '笔试' }).click();
  await expect(page.getByRole('columnheader', { name: '笔试' })).toHaveAttribute('aria-sort', 'descending');
  await expect(pager.getByTestId('results-pager-summary')).toContainText('第 1 /');
  await expect(page.getByTestId('result-row').first()).toContainText('99.00');
});

test('考核成绩 opens on one page of results and the platform counts; every candidate is fetched only for 登记考核结果', async ({
  page,
  server,
}) => {
  const people = await arrange(server);
  const calls: string[] = [];
  page.on('request', (r) => {
    const op = /\/api\/([\w.]+)/.exec(r.url())?.[1];
    if (op) calls.push(op);
  });
  await open(page, server, '考核成绩');
  await expect(page.getByTestId('result-row')).toHaveCount(PAGE_SIZE);
  // Every one of them has a written score and no interview score yet: all listed, all with something missing.
  await expect(page.getByText(`共 ${N} 人，${N} 人有待补内容`)).toBeVisible();
  expect(calls.filter((c) => c === 'scores.page')).toHaveLength(1);
  expect(calls).not.toContain('scores.platformRows');

  const target = people[3]!;
  await page.getByRole('button', { name: '登记考核结果' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '考生' }).fill(target.姓名);
  await page
    .getByRole('option', { name: new RegExp(`^${target.姓名}（`) })
    .first()
    .click();
  await dialog.getByText('不合格', { exact: true }).click();
  await dialog.getByLabel(/^依据/).fill('基地考核小组认定');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  expect(calls).toContain('scores.platformRows');

  await page.getByRole('button', { name: '登记考核结果' }).click();
  await dialog.getByRole('combobox', { name: '考生' }).fill(target.姓名);
  await expect(page.getByRole('option', { name: new RegExp(`^${target.姓名}（.*）：不合格$`) })).toBeVisible();
  await page.getByText('报省平台的考核成绩').scrollIntoViewIfNeeded();
  await shot(page, 'large-scores-platform-result');
});

test('报名名单 pages, sorts by ID number and jumps to the last page', async ({ page, server }) => {
  const people = await arrange(server);
  const byId = [...people].sort((a, b) => (a.证件号码 < b.证件号码 ? -1 : 1));
  const lists: string[] = [];
  page.on('request', (r) => r.url().includes('/api/applicants.list') && lists.push(r.url()));
  await open(page, server, '报名人员');
  const pager = page.getByTestId('applicants-pager');
  await expect(pager.getByTestId('applicants-pager-summary')).toHaveText(`共 ${N} 条，第 1 / ${N / PAGE_SIZE} 页`);
  // The first page was asked for once: at the click, while the page's code loaded.
  expect(lists).toHaveLength(1);
  await expect(page.getByTestId('applicant-row')).toHaveCount(PAGE_SIZE);
  await page.getByRole('button', { name: '证件号码' }).click();
  await expect(page.getByTestId('applicant-row').first()).toContainText(byId[0]!.姓名);
  await pager.getByRole('button', { name: '最后一页' }).click();
  await expect(pager.getByTestId('applicants-pager-summary')).toHaveText(`共 ${N} 条，第 24 / 24 页`);
  await expect(page.getByTestId('applicant-row').last()).toContainText(byId.at(-1)!.姓名);
  await shot(page, 'large-applicants-last-page');
});

test('the new-session dialog lists only confirmed applicants of the chosen specialty and ticks nobody', async ({
  page,
  server,
}) => {
  const people = await arrange(server);
  const confirmed = await confirmNeike(server, people);
  const neike = people.filter((p) => p.第一志愿 === '内科');
  const neikeConfirmed = neike.filter((p) => confirmed.has(p.证件号码));
  const unconfirmed = neike.find((p) => !confirmed.has(p.证件号码))!;
  await server.api('users.add', {
    username: 'zhuanjia',
    displayName: '专家',
    role: 'interviewer',
    password: 'pw-zhuanjia-123456',
  });
  await open(page, server, '面试评分');
  await page.getByRole('button', { name: '新建场次' }).click();
  const dialog = page.getByRole('dialog', { name: '新建场次' });
  await expect(dialog.getByText('请先选择面试专业。')).toBeVisible();
  await dialog.getByRole('combobox', { name: /^面试专业/ }).click();
  await page.getByRole('option', { name: '内科', exact: true }).click();
  await expect(dialog.getByTestId('picker-listed')).toHaveText(
    `列出 ${neikeConfirmed.length} 人（该专业确认通过的考生共 ${neikeConfirmed.length} 人）`,
  );
  await expect(dialog.getByTestId('picker-selected')).toHaveText('已选 0 人');
  await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(0);
  const rendered = await dialog.getByTestId('picker-candidate').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(40);
  await shot(page, 'large-session-dialog');

  // Someone not confirmed is not offered even when searched for.
  await dialog.getByLabel('查找考生').fill(unconfirmed.证件号码.slice(-8));
  await expect(dialog.getByText('没有符合查找条件的考生。')).toBeVisible();

  const one = neikeConfirmed[3]!;
  await dialog.getByLabel('查找考生').fill(one.证件号码.slice(-8));
  await expect(dialog.getByTestId('picker-candidate')).toHaveCount(1);
  await dialog.getByRole('button', { name: '全选列出的 1 人' }).click();
  await expect(dialog.getByTestId('picker-selected')).toHaveText('已选 1 人');
  await dialog.getByLabel('查找考生').fill('');
  await expect(dialog.getByTestId('picker-selected')).toHaveText('已选 1 人');
  await dialog.getByRole('button', { name: `全选列出的 ${neikeConfirmed.length} 人` }).click();
  await expect(dialog.getByTestId('picker-selected')).toHaveText(`已选 ${neikeConfirmed.length} 人`);
  const shown = await dialog.getByTestId('picker-candidate').count();
  await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(shown);
  await shot(page, 'large-session-dialog-selected');

  await dialog.getByLabel('场次名称').fill('内科一组');
  await dialog.getByLabel('地点').fill('教学楼');
  await dialog.getByLabel(/^专家组/).fill('zhuanjia');
  await dialog.getByLabel(/^抽签种子/).fill('5');
  await dialog.getByRole('button', { name: '建立场次' }).click();
  await expect(page.getByText('已建立场次，抽签种子 5。')).toBeVisible();
});
