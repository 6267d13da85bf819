import { createRng, makeIdNumber, makeName } from '../../src/core/testdata';
import { ADMIN, expect, goTo, initializeBase, openAsAdmin, shot, test, type Server } from './fixtures';
import { importConfirmedWithScores, rosterCsv, scoresCsv } from './scored-applicants';

const PEOPLE = [
  { name: '张伟', choice: '内科', score: 90 },
  { name: '李娜', choice: '内科', score: 85 },
  { name: '王芳', choice: '内科', score: 85 },
  { name: '袁佳凯', choice: '内科', score: 95 },
  { name: '刘洋', choice: '儿科', score: 80 },
  { name: '严勇', choice: '儿科', score: 88 },
];

/**
 * Applicants, 现场确认 (袁佳凯 returned for correction, 严勇 not yet seen), scores and the plan arranged
 * through the API; the first allocation run too.
 */
async function arrange(server: Server) {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rng = createRng(20241201);
  const ids = PEOPLE.map(() => makeIdNumber(rng));
  const roster = rosterCsv(
    PEOPLE.map((p, i) => ({ name: p.name, id: ids[i]!, choice: p.choice })),
    rng,
  );
  await server.api('applicants.commitImport', { fileName: '报名.csv', contentBase64: roster });
  await server.api('confirm.decide', {
    targets: ids.slice(0, 3).concat(ids[4]!),
    decision: 'confirmed',
    checklistComplete: true,
  });
  await server.api('confirm.decide', { targets: [ids[3]!], decision: 'returned', reason: '缺少执业医师资格证书原件' });
  const all = PEOPLE.map((p, i) => ({ name: p.name, id: ids[i]!, score: p.score }));
  await server.api('scores.import', { fileName: '成绩.csv', contentBase64: scoresCsv(all) });
  await server.api('plan.setQuota', { specialtyCode: '0100', category: null, quota: 2 });
  await server.api('plan.setQuota', { specialtyCode: '0200', category: null, quota: 1 });
  await server.api('admission.run', {});
  return { ids, all };
}

test('a score corrected after the run: 择优录取 says the result is out of date and why, one click re-runs it', async ({
  page,
  server,
}) => {
  const { all } = await arrange(server);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openAsAdmin(page, server);
  await goTo(page, '择优录取');
  await expect(page.getByTestId('admitted-badge')).toBeVisible();
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);

  // 刘洋's written score is corrected after the run (another screen's work, arranged through the API).
  const liu = all.find((p) => p.name === '刘洋')!;
  await server.api('scores.import', {
    fileName: '更正.csv',
    contentBase64: scoresCsv([{ ...liu, score: 82 }]),
    replace: true,
    reason: '复核更正',
  });
  // 成绩排名 is current itself, and says the admission list behind it is not.
  await goTo(page, '成绩排名');
  await expect(page.getByTestId('stale-banner')).toContainText('择优录取结果已过期：考核成绩有变化');
  await shot(page, 'stale-0-ranking-banner');
  await goTo(page, '择优录取');
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toContainText('结果已过期：考核成绩有变化');
  await expect(banner).toContainText('第 1 次计算');
  await expect(page.getByTestId('stale-badge')).toHaveText('已过期');
  await shot(page, 'stale-1-banner');

  await banner.getByRole('button', { name: '重新运行' }).click();
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
  await expect(page.getByText(/第 2 次计算/)).toBeVisible();
  await shot(page, 'stale-2-rerun');
});

test('成绩排名 shows each 现场确认 status, greys out who cannot be admitted, filters them, and shows a decided tie', async ({
  page,
  server,
}) => {
  await arrange(server);
  await page.setViewportSize({ width: 1366, height: 768 });
  // 李娜 and 王芳 tie for the last 内科 seat; the coordinator gives it to 王芳.
  await server.api('admission.resolveTie', {
    round: 'choice-1',
    specialtyCode: '0100',
    category: null,
    admit: [await tiedApplicantId(server, '王芳')],
    reason: '面试答辩表现更好',
  });
  await openAsAdmin(page, server);
  await goTo(page, '成绩排名');
  const internal = page.getByTestId('ranking-0100');
  const yuan = internal.getByRole('row', { name: /袁佳凯/ });
  await expect(yuan).toContainText('退回补正');
  await expect(yuan).toContainText('不能录取');
  await expect(yuan).toHaveAttribute('data-admissible', 'false');
  const yan = page.getByTestId('ranking-0200').getByRole('row', { name: /严勇/ });
  await expect(yan).toContainText('待确认');
  await expect(yan).toHaveAttribute('data-admissible', 'false');
  const wang = internal.getByRole('row', { name: /王芳/ });
  await expect(wang).toContainText('已决定');
  await expect(wang).toContainText(`${ADMIN.displayName} 于`);
  await expect(wang).not.toContainText('并列，需决定');
  await expect(internal.getByRole('row', { name: /李娜/ })).toContainText('不录取');
  await shot(page, 'stale-3-ranking-status');

  await page.getByLabel('只看可录取').check();
  await expect(internal.getByRole('row', { name: /袁佳凯/ })).toHaveCount(0);
  await expect(page.getByTestId('ranking-0200').getByRole('row', { name: /严勇/ })).toHaveCount(0);
  await expect(internal.getByRole('row', { name: /张伟/ })).toBeVisible();
  await shot(page, 'stale-4-ranking-admissible-only');
});

/** The applicant id of a tied person, as the admission list names them. */
async function tiedApplicantId(server: Server, name: string): Promise<string> {
  const v = await server.api<{ ties: Array<{ applicants: Array<{ applicantId: string; name: string }> }> }>('admission.list', {});
  return v.ties.flatMap((t) => t.applicants).find((p) => p.name === name)!.applicantId;
}

test('a long ranking is paged: a page count, one page of rows, a jump to the last page', async ({ page, server }) => {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rng = createRng(7);
  const people = Array.from({ length: 120 }, (_, i) => ({
    name: makeName(rng),
    id: makeIdNumber(rng),
    choice: '内科',
    score: 60 + i * 0.25,
  }));
  await importConfirmedWithScores(server, people, rng);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openAsAdmin(page, server);
  await goTo(page, '成绩排名');
  const group = page.getByTestId('ranking-0100');
  await expect(page.getByTestId('pager-0100-summary')).toHaveText('共 120 条，第 1 / 3 页');
  await expect(group.getByTestId('ranking-row')).toHaveCount(50);
  await expect(group.getByTestId('ranking-row').first()).toContainText('89.75');
  await group.getByLabel('跳转到第几页（共 3 页）').fill('3');
  await group.getByLabel('跳转到第几页（共 3 页）').press('Enter');
  await expect(page.getByTestId('pager-0100-summary')).toHaveText('共 120 条，第 3 / 3 页');
  await expect(group.getByTestId('ranking-row')).toHaveCount(20);
  await expect(group.getByTestId('ranking-row').last()).toContainText('60.00');
  await page.getByTestId('pager-0100').scrollIntoViewIfNeeded();
  await shot(page, 'stale-5-ranking-paged');
});
