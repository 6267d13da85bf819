import { EXAM_CHECK_LABELS, type ExamCandidateList, type ExamCheckCode } from '../../src/shared/contract/exam';
import { makeTrainees, traineesCsv } from '../../src/core/testdata/trainees';
import { ADMIN, expect, field, goTo, login, shot, test, type Server } from './fixtures';

test.use({ viewport: { width: 1366, height: 900 } });

const YEAR = 2024;
/** Past the 2024 review deadline: every desk action must say why it is late. */
const LATE = '补录往年审核记录';

/** A Chongqing base (its 2024 exam calendar ships with the app) and four 住培 trainees ending in mid-2024. */
async function arrange(server: Server): Promise<void> {
  await server.api('setup.initialize', {
    baseName: '重庆测试医院',
    baseCode: 'E2E02',
    presetId: 'chongqing-2022-agp',
    cohortYear: 2024,
    admin: ADMIN,
  });
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rows = makeTrainees(20240301, 4, { specialties: ['内科'], cohorts: [2021, 2021] }).map((r) => ({
    ...r,
    培训项目: '住培',
    培训专业: '内科',
    培训开始日期: '2021-09-01',
    培训年限: '3',
    医师资格考试成绩: '合格',
  }));
  const contentBase64 = Buffer.from(traineesCsv(rows)).toString('base64');
  await server.api('trainees.commitImport', { fileName: '在培学员.csv', contentBase64 });
}

/**
 * The checks a plan-less trainee fails, all but one recorded as met from the papers (the one left is
 * recorded on screen); returns that one.
 */
async function passAllButOne(server: Server, trainee: string): Promise<ExamCheckCode> {
  const list = await server.api<ExamCandidateList>('exam.candidates', { year: YEAR });
  const failed = list.candidates.find((c) => c.traineeId === trainee)!.checks.filter((c) => !c.passed);
  expect(failed.length).toBeGreaterThan(0);
  for (const check of failed.slice(1))
    await server.api('exam.recordCheck', {
      year: YEAR,
      trainee,
      code: check.code,
      passed: true,
      evidence: '核验轮转登记手册原件',
      reason: LATE,
    });
  return failed[0]!.code;
}

test('candidates proposed, reviewed at the desk (one approved, one returned with a reason), status seen in the list', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await arrange(server);
  await page.goto(server.url);
  await login(page);

  await goTo(page, '结业考核报名');
  await page.getByRole('combobox', { name: '考核年度' }).click();
  await page.getByRole('option', { name: '2024 年' }).click();
  // Every 2024 step has closed by now: the calendar says so instead of listing deadlines.
  await expect(page.getByText('本年度日程中的事项都已截止。')).toBeVisible();
  await page.getByRole('button', { name: '生成报考人员' }).click();
  const rows = page.getByTestId('exam-row');
  await expect(rows).toHaveCount(4);
  // ID numbers stay masked; checks show as badges in Chinese, never as codes.
  await expect(rows.first()).toContainText('****');
  await expect(rows.first()).toContainText('待审核');
  await expect(page.getByTestId('exam-counts')).toContainText('待审核 4');
  // Nothing has failed: without rotation plans and with the handbooks not yet checked, each waits for a
  // person (yellow 待人工核验), and none is shown as refused.
  await expect(rows.first().getByTestId('exam-eligible')).toHaveText('待人工核验');
  await expect(page.getByTestId('exam-awaiting-checks')).toContainText('待人工核验 4 人');
  await expect(rows.filter({ hasText: '不符合条件' })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('ROTATION_PLAN');
  await shot(page, 'exam-1-list');

  const list = await server.api<ExamCandidateList>('exam.candidates', { year: YEAR });
  const [first, second] = list.candidates;
  const left = await passAllButOne(server, first!.traineeId);

  // Approve the first from the list's 审核 button.
  await page.reload();
  await page.getByRole('button', { name: `审核 ${first!.name}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: '结业考核资格审核' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 4, name: first!.name })).toBeVisible();
  await expect(page.getByText('报考材料核对清单')).toBeVisible();
  await expect(page.getByText('依据：核验轮转登记手册原件').first()).toBeVisible();
  // The last unmet check waits for a person; judged from the papers on screen, the candidate is eligible.
  await expect(page.getByTestId('exam-check').filter({ hasText: EXAM_CHECK_LABELS[left] })).toContainText('待核验');
  await page.getByRole('button', { name: `记录审核结果 ${EXAM_CHECK_LABELS[left]}` }).click();
  const form = page.getByTestId('exam-record-check');
  await form.getByText('符合', { exact: true }).click();
  await field(form, '依据').fill('核验培训考核记录原件');
  await field(form, '说明').fill(LATE);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('依据：核验培训考核记录原件')).toBeVisible();
  await page.getByRole('radio', { name: '通过', exact: true }).check();
  await field(page, '说明').fill(LATE);
  await page.getByRole('button', { name: '提交审核决定' }).click();
  await expect(page.getByTestId('exam-current-decision')).toContainText('审核通过');

  // The receipt opens in the in-app preview.
  await page.getByRole('button', { name: '打印报名材料回执' }).click();
  await expect(page.getByTestId('print-frame')).toBeVisible();
  await page.getByRole('button', { name: '关闭' }).click();

  // Return the second: a standard reason is required.
  await page.getByTestId('exam-pick').filter({ hasText: second!.name }).click();
  await page.getByRole('radio', { name: '退回补正' }).check();
  await field(page, '说明').fill(LATE);
  await page.getByRole('button', { name: '提交审核决定' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '请选择原因' })).toBeVisible();
  await page.getByRole('combobox', { name: '原因' }).click();
  await page.getByRole('option', { name: '缺材料' }).click();
  await page.getByRole('button', { name: '提交审核决定' }).click();
  await expect(page.getByTestId('exam-current-decision')).toContainText('退回补正');
  await expect(page.getByTestId('exam-current-decision')).toContainText('缺材料');
  await shot(page, 'exam-2-desk');

  // Back in the list: both decisions show, and the status filter narrows to them.
  await goTo(page, '结业考核报名');
  await expect(rows.filter({ hasText: first!.name })).toContainText('审核通过');
  await expect(rows.filter({ hasText: second!.name })).toContainText('退回补正');
  await page.getByRole('combobox', { name: '审核状态' }).click();
  await page.getByRole('option', { name: '退回补正' }).click();
  await expect(rows).toHaveCount(1);

  // 汇总表 for the province: a workbook saved through the download helper.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出汇总表（住培）' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});
