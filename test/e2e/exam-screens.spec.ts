import type { ExamCandidateList } from '../../src/shared/contract/exam';
import { makeTrainees, traineesCsv, type TraineeRow } from '../../src/core/testdata/trainees';
import { ADMIN, expect, field, goTo, login, shot, test, type Server } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** A Chongqing base (only 2024 ships as its exam calendar) with four 住培 trainees starting `start`. */
async function chongqingBase(server: Server, start: string): Promise<TraineeRow[]> {
  await server.api('setup.initialize', {
    baseName: '重庆测试医院',
    baseCode: 'E2E03',
    presetId: 'chongqing-2022-agp',
    cohortYear: 2026,
    admin: ADMIN,
  });
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const year = start.slice(0, 4);
  const rows = makeTrainees(20261201, 4, { specialties: ['内科'], cohorts: [Number(year), Number(year)] }).map((r) => ({
    ...r,
    培训项目: '住培',
    培训专业: '内科',
    年级: year,
    培训开始日期: start,
    培训年限: '3',
    医师资格考试成绩: '合格',
  }));
  await server.api('trainees.commitImport', {
    fileName: '在培学员.csv',
    contentBase64: Buffer.from(traineesCsv(rows)).toString('base64'),
  });
  return rows;
}

const csvFile = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });

test('the 2026 calendar starts from the Chongqing 2024 preset, marked 示例 until edited or confirmed', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await chongqingBase(server, '2023-09-01');
  await page.goto(server.url);
  await login(page);

  // No 2026 notice yet: a plain empty state with the way forward, never an error code.
  await goTo(page, '结业考核报名');
  await expect(page.getByText('2026 年还没有结业考核日程')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('EXAM_NO_CALENDAR');
  await shot(page, 'exam-screens-1-no-calendar');

  await page.getByRole('button', { name: '从往年日程创建' }).click();
  const dialog = page.getByRole('dialog', { name: '创建 2026 年结业考核日程' });
  await expect(field(dialog, '复制自')).toHaveValue('重庆市 2024 年日程（内置）');
  await expect(dialog.getByRole('button', { name: '创建日程' })).toBeDisabled();
  await field(dialog, '原因').fill('2026年通知尚未下发，先按2024年日程准备');
  await dialog.getByRole('button', { name: '创建日程' }).click();
  await expect(page.getByText('本年度日程复制自“重庆市 2024 年日程（内置）”')).toBeVisible();
  // Every 2026 date has passed by now (December): nothing is listed as due, so no deadline hides the marks.
  await expect(page.getByText('本年度日程中的事项都已截止。')).toBeVisible();
  await shot(page, 'exam-screens-2-copied');

  await page.getByRole('button', { name: '核对日程' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '结业考核日程' })).toBeVisible();
  const steps = page.getByTestId('exam-calendar-step');
  await expect(steps).toHaveCount(10);
  const collect = steps.filter({ hasText: '基地收集、审核报考人员材料' });
  await expect(collect).toContainText('2026年2月5日 至 2026年2月22日');
  await expect(collect).toContainText('示例');
  await expect(page.getByTestId('exam-training-end')).toHaveText('2025年9月1日 至 2026年8月31日');
  await shot(page, 'exam-screens-3-calendar');

  // The coordinator moves one closing date as this year's notice says: that step is no longer an example.
  await page.getByRole('button', { name: '修改 基地收集、审核报考人员材料' }).click();
  const edit = page.getByRole('dialog', { name: '修改：基地收集、审核报考人员材料' });
  await field(edit, '截止日期').fill('2026-02-24');
  await field(edit, '原因').fill('按2026年通知，收集材料截至2月24日');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(collect).toContainText('2026年2月5日 至 2026年2月24日');
  await expect(collect).not.toContainText('示例');

  // Everything else checked against the notice at once.
  await page.getByRole('button', { name: '全部确认（10 项）' }).click();
  const confirm = page.getByRole('dialog', { name: '确认全部示例日期' });
  await field(confirm, '原因').fill('已按2026年通知逐项核对');
  await confirm.getByRole('button', { name: '确认无误' }).click();
  await expect(page.getByText('示例', { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('exam-calendar-copied')).toHaveCount(0);
  await shot(page, 'exam-screens-4-confirmed');
});

test('a results file with one bad row is refused whole, in Chinese; the corrected file imports; a certificate makes 结业', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  const people = await chongqingBase(server, '2023-09-01');
  await server.api('exam.copyCalendar', { year: 2026, from: 'chongqing-2024', reason: '先按2024年日程准备' });
  const [a, b] = people as [TraineeRow, TraineeRow];
  await page.goto(server.url);
  await login(page);
  await goTo(page, '成绩与证书');
  await expect(page.getByText('2026 年还没有结业考核成绩')).toBeVisible();

  await page.getByRole('button', { name: '导入成绩' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 2026 年结业考核成绩' });
  const header = '姓名,证件号码,科目,结果,成绩';
  await dialog
    .getByTestId('exam-results-file')
    .setInputFiles(
      csvFile('成绩-有误.csv', [
        header,
        `${a.姓名},${a.证件号码},专业理论,合格,512`,
        `${a.姓名},${a.证件号码},临床实践技能,合格,`,
        `${b.姓名},${b.证件号码},专业理论,优秀,498`,
      ]),
    );
  await expect(dialog.getByRole('alert').filter({ hasText: '有 1 处问题，整份文件不会导入' })).toBeVisible();
  await expect(dialog.getByTestId('exam-results-problems-row')).toHaveCount(1);
  await expect(dialog.getByTestId('exam-results-problems-row')).toContainText('“优秀”不是有效的考核结果');
  await expect(dialog.getByTestId('exam-results-problems-row')).toContainText('4');
  await expect(dialog.getByRole('button', { name: /导入 \d+ 条成绩/ })).toBeDisabled();
  await shot(page, 'exam-screens-5-results-refused');
  expect((await server.api<{ rows: unknown[] }>('exam.results', { year: 2026 })).rows).toHaveLength(0);

  await dialog
    .getByTestId('exam-results-file')
    .setInputFiles(
      csvFile('成绩.csv', [
        header,
        `${a.姓名},${a.证件号码},专业理论,合格,512`,
        `${a.姓名},${a.证件号码},临床实践技能,合格,`,
        `${b.姓名},${b.证件号码},专业理论,不合格,398`,
      ]),
    );
  await expect(dialog.getByTestId('exam-results-preview')).toContainText('将新增 3 条');
  await dialog.getByRole('button', { name: '导入 3 条成绩' }).click();
  const rows = page.getByTestId('exam-result-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: a.姓名 })).toContainText('两科合格');
  await expect(rows.filter({ hasText: b.姓名 })).toContainText('不合格');
  await expect(rows.first()).toContainText('****');

  await page.getByRole('button', { name: `登记证书 ${a.姓名}` }).click();
  const cert = page.getByRole('dialog', { name: `登记培训合格证书：${a.姓名}` });
  await expect(cert).toContainText('住院医师规范化培训合格证书');
  await field(cert, '证书编号').fill('ZP2026500001');
  await field(cert, '发证日期').fill('2026-11-20');
  await cert.getByRole('button', { name: '保存' }).click();
  await expect(rows.filter({ hasText: a.姓名 }).getByTestId('exam-certificate')).toHaveText('ZP2026500001（2026年11月20日）');
  await shot(page, 'exam-screens-6-certificate');
  const trainees = await server.api<{ trainees: Array<{ name: string; status: string }> }>('trainees.list', {});
  expect(trainees.trainees.find((t) => t.name === a.姓名)!.status).toBe('completed');
});

test('registration tracking: after the 现场网报确认 deadline the screen warns and asks for a reason', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  const LATE = '补录往年网报记录';
  await chongqingBase(server, '2021-09-01');
  await server.api('exam.propose', { year: 2024 });
  const list = await server.api<ExamCandidateList>('exam.candidates', { year: 2024 });
  const first = list.candidates[0]!;
  for (const check of first.checks.filter((c) => !c.passed))
    await server.api('exam.recordCheck', {
      year: 2024,
      trainee: first.traineeId,
      code: check.code,
      passed: true,
      evidence: '核验轮转登记手册原件',
      reason: LATE,
    });
  await server.api('exam.review', { year: 2024, trainee: first.traineeId, decision: 'approved', reason: LATE });

  await page.goto(server.url);
  await login(page);
  await goTo(page, '报名进度跟踪');
  await expect(page.getByTestId('exam-late')).toContainText('现场网报确认（2024年3月12日）');
  await expect(page.getByTestId('exam-stage-counts')).toContainText('待核对材料 4');
  const row = page.getByTestId('exam-tracking-row').filter({ hasText: first.name });
  await expect(row).toContainText('逾期未确认');
  await shot(page, 'exam-screens-7-tracking');

  await page.getByRole('button', { name: `登记网报 ${first.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `登记网上报名：${first.name}` });
  await expect(dialog.getByTestId('exam-late-warning')).toContainText('截止后办理须填写原因');
  for (const box of await dialog.getByRole('checkbox').all()) await box.check();
  await expect(dialog.getByRole('button', { name: '保存' })).toBeDisabled();
  await field(dialog, '说明').fill(LATE);
  await shot(page, 'exam-screens-8-late-reason');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText('专业理论 ✓、临床实践技能 ✓');
  await expect(row).not.toContainText('逾期未确认');
});
