import type { Browser, Page } from '@playwright/test';
import { createRng, makeApplicants, writeCsv } from '../../src/core/testdata';
import { ADMIN, expect, goTo, initializeBase, login, shot, test, type Server } from './fixtures';

const ITEMS = ['knowledge', 'reasoning', 'communication', 'professionalism'];
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function arrange(server: Server) {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const people = makeApplicants(createRng(11), 3, { specialties: ['内科'], categories: ['单位人', '社会人'], choices: 1 });
  await server.api('applicants.commitImport', {
    fileName: 'roster.csv',
    contentBase64: b64(writeCsv(people as never, { encoding: 'utf-8' })),
  });
  const written = [
    ['姓名', '身份证号', '培训专业', '笔试成绩'],
    ...people.map((p, i) => [p.姓名, p.证件号码, '内科', String(80 + i)]),
  ];
  const report = await server.api<{ applied: boolean }>('scores.import', {
    fileName: 'written.csv',
    contentBase64: b64(writeCsv(written, { encoding: 'utf-8' })),
  });
  expect(report.applied).toBe(true);
  // Only applicants who passed on-site confirmation sit the interview.
  await server.api('confirm.decide', { targets: people.map((p) => p.证件号码), decision: 'confirmed', checklistComplete: true });
  for (const u of ['head1', 'iv2', 'iv3'])
    await server.api('users.add', { username: u, displayName: u, role: 'interviewer', password: `pw-${u}-123456` });
  const s = await server.api<{ id: string }>('interview.createSession', {
    name: '内科面试第一组',
    date: '2024-07-10',
    site: '教学楼 301',
    panel: [{ username: 'head1', head: true }, { username: 'iv2' }, { username: 'iv3' }],
    candidates: people.map((p) => p.证件号码),
    seed: 20240710,
  });
  return { sessionId: s.id, people };
}

async function openAs(browser: Browser, server: Server, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(server.url);
  await login(page, username, `pw-${username}-123456`);
  await goTo(page, '面试评分');
  return page;
}

/** Type, Enter, next: the focus moves down the sheet, then on to the next candidate. */
async function scoreByKeyboard(page: Page, drawNo: number, scores: string[]) {
  await expect(page.getByTestId(`candidate-${drawNo}`)).toHaveAttribute('data-active', 'true');
  for (const [i, s] of scores.entries()) {
    const input = page.getByTestId(`score-input-${ITEMS[i]}`);
    await expect(input).toBeFocused();
    await page.keyboard.type(s);
    await page.keyboard.press('Enter');
  }
}

test('a panel head and two interviewers score three candidates by keyboard; one is absent; the head signs off; the ranking appears', async ({
  browser,
  server,
}) => {
  await arrange(server);

  const iv2 = await openAs(browser, server, 'iv2');
  // Range-checked as typed: 26 is over the item's 25 points.
  await expect(iv2.getByTestId('score-input-knowledge')).toBeFocused();
  await iv2.keyboard.type('26');
  await expect(iv2.getByText('应为 0 到 25 之间的分数')).toBeVisible();
  await iv2.keyboard.press('Backspace');
  await iv2.keyboard.press('Backspace');
  await scoreByKeyboard(iv2, 1, ['20', '21', '22', '23']);
  await scoreByKeyboard(iv2, 2, ['18', '无', '19', '20']);
  await iv2.getByTestId('candidate-3').click();
  await iv2.getByRole('button', { name: '标记缺考' }).click();
  await iv2.getByTestId('candidate-1').click();
  // Until the head signs off, an interviewer sees only their own scores.
  await expect(iv2.getByTestId('head-panel')).toHaveCount(0);
  await shot(iv2, 'scores-interviewer-sheet');

  const iv3 = await openAs(browser, server, 'iv3');
  await scoreByKeyboard(iv3, 1, ['24', '24', '24', '24']);
  await scoreByKeyboard(iv3, 2, ['15', '16', '17', '18']);
  await expect(iv3.getByTestId('candidate-3')).toContainText('缺考');

  const head = await openAs(browser, server, 'head1');
  await scoreByKeyboard(head, 1, ['22', '22', '22', '22']);
  await scoreByKeyboard(head, 2, ['20', '20', '20', '20']);
  await head.getByTestId('candidate-1').click();
  await expect(head.getByTestId('panel-score')).toHaveText('90.00'); // (86 + 96 + 88) / 3
  await shot(head, 'scores-head-panel', { fullPage: true });
  await head.getByRole('button', { name: '签字确认' }).click();
  await expect(head.getByTestId('signoff-state')).toContainText('已签字：90.00');
  await head.getByTestId('candidate-2').click();
  // iv2 could not assess 临床思维: 57 / 75 x 100 = 76; iv3 66; head 80 -> 74.00
  await expect(head.getByTestId('panel-score')).toHaveText('74.00');
  await head.getByRole('button', { name: '签字确认' }).click();
  await expect(head.getByTestId('signoff-state')).toBeVisible();
  await head.getByTestId('candidate-3').click();
  await expect(head.getByTestId('panel-score')).toHaveText('缺考');
  await head.getByRole('button', { name: '签字确认' }).click();
  await expect(head.getByTestId('signoff-state')).toContainText('缺考');
  // Signed: the score inputs are locked.
  await head.getByTestId('candidate-1').click();
  await expect(head.getByTestId('score-input-knowledge')).toBeDisabled();

  const admin = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' }).then((c) => c.newPage());
  await admin.goto(server.url);
  await login(admin);
  await goTo(admin, '成绩排名');
  await expect(admin.getByTestId('ranking-row')).toHaveCount(2);
  await expect(admin.getByTestId('unranked-row')).toHaveCount(1);
  await expect(admin.getByTestId('unranked-row')).toContainText('缺考');
  await expect(admin.getByTestId('ranking-row').first()).toContainText('1');
  await shot(admin, 'scores-ranking', { fullPage: true });
});

test('the coordinator edits components, previews and commits a score import, and sets up a session with a recorded seed', async ({
  page,
  server,
}) => {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const people = makeApplicants(createRng(12), 3, { specialties: ['内科'], categories: ['单位人', '社会人'], choices: 1 });
  await server.api('applicants.commitImport', {
    fileName: 'roster.csv',
    contentBase64: b64(writeCsv(people as never, { encoding: 'utf-8' })),
  });
  // A generated rural-oriented graduate may have chosen 内科; the rule is not what this test is about.
  await server.api('confirm.decide', {
    targets: people.map((p) => p.证件号码),
    decision: 'confirmed',
    checklistComplete: true,
    overrideRules: true,
    reason: '测试数据放行',
  });
  await server.api('users.add', {
    username: 'zhuanjia',
    displayName: '专家',
    role: 'interviewer',
    password: 'pw-zhuanjia-123456',
  });
  page.on('dialog', (d) => void d.accept());
  await page.goto(server.url);
  await login(page);
  await goTo(page, '考核成绩');
  await expect(page.getByTestId('weight-sum')).toHaveText('权重合计：100');
  await page.getByRole('textbox', { name: '权重' }).first().fill('50');
  await expect(page.getByTestId('weight-sum')).toHaveText('权重合计为 90，应为 100');
  await expect(page.getByRole('button', { name: '保存考核项目' })).toBeDisabled();
  await page.getByRole('textbox', { name: '权重' }).nth(1).fill('50');
  await page.getByRole('button', { name: '保存考核项目' }).click();
  await expect(page.getByText('考核项目已保存。')).toBeVisible();

  const bad = writeCsv(
    [
      ['姓名', '身份证号', '笔试成绩', '面试成绩'],
      [people[0]!.姓名, people[0]!.证件号码, '101', ''],
      ['冒名', people[1]!.证件号码, '80', ''],
    ],
    { encoding: 'utf-8' },
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('scores-file-button').click();
  await (await chooser).setFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  // Each problem in words, its code only in the hover line for support.
  await expect(page.getByText('成绩「101」超出范围')).toBeVisible();
  await expect(page.getByText(/姓名「冒名」与报名信息中该身份证号的姓名.*不一致/)).toBeVisible();
  await expect(page.locator('td[title*="SCORE_OUT_OF_RANGE"]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await shot(page, 'scores-import-preview', { fullPage: true });

  const good = writeCsv([['姓名', '身份证号', '笔试成绩'], ...people.map((p) => [p.姓名, p.证件号码, '75.5'])], {
    encoding: 'utf-8',
  });
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByTestId('scores-file-button').click();
  await (await chooser2).setFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await expect(page.getByText('检查通过，可以导入。')).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入：新增 3，更新 0，未变 0。')).toBeVisible();
  await expect(page.getByTestId('results-table')).toContainText('75.50');

  await goTo(page, '面试评分');
  await page.getByRole('button', { name: '新建场次' }).click();
  const dialog = page.getByRole('dialog', { name: '新建场次' });
  await dialog.getByLabel('场次名称').fill('内科一组');
  await dialog.getByLabel('地点').fill('教学楼');
  await dialog.getByLabel(/^专家组/).fill('zhuanjia');
  await dialog.getByLabel(/^抽签种子/).fill('77');
  await dialog.getByRole('combobox', { name: /^面试专业/ }).click();
  await page.getByRole('option', { name: '内科', exact: true }).click();
  await dialog.getByRole('button', { name: '全选列出的 3 人' }).click();
  await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(3);
  await shot(page, 'scores-new-session');
  await dialog.getByRole('button', { name: '建立场次' }).click();
  await expect(page.getByText('已建立场次，抽签种子 77。')).toBeVisible();
  await expect(page.getByTestId('candidate-3')).toBeVisible();
});
