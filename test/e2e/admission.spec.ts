import ExcelJS from 'exceljs';
import { createRng, makeIdNumber, makePhone } from '../../src/core/testdata';
import { ADMIN, expect, field, goTo, initializeBase, openAsAdmin, shot, test, type Server } from './fixtures';

/** Applicants, on-site confirmation, scores and the plan arranged through the API (their UIs are other features'). */
async function arrange(server: Server) {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rng = createRng(20240710);
  const people = [
    { name: '张伟', choice: '内科', score: 90 },
    { name: '李娜', choice: '内科', score: 85 },
    { name: '王芳', choice: '内科', score: 85 },
    { name: '刘洋', choice: '儿科', score: 80 },
    { name: '陈静', choice: '儿科', score: 70 },
  ];
  const ids = people.map(() => makeIdNumber(rng));
  const applicants = [
    '姓名,证件号码,手机号码,人员类型,工作单位,第一志愿,是否服从调剂',
    ...people.map(
      (p, i) => `${p.name},${ids[i]},${makePhone(rng)},${i === 0 ? '单位人,长春市某卫生院' : '社会人,'},${p.choice},是`,
    ),
  ].join('\n');
  await server.api('applicants.commitImport', {
    fileName: '报名.csv',
    contentBase64: Buffer.from(applicants).toString('base64'),
  });
  await server.api('confirm.decide', { targets: ids, decision: 'confirmed', checklistComplete: true });
  const scores = ['姓名,身份证号,笔试成绩,面试成绩', ...people.map((p, i) => `${p.name},${ids[i]},${p.score},${p.score}`)].join(
    '\n',
  );
  await server.api('scores.import', { fileName: '成绩.csv', contentBase64: Buffer.from(scores).toString('base64') });
  await server.api('plan.setQuota', { specialtyCode: '0100', category: null, quota: 2 });
  await server.api('plan.setQuota', { specialtyCode: '0200', category: null, quota: 3 });
  return { ids };
}

test('run allocation, resolve a tie, record a decline, publish the list, export the summary table', async ({ page, server }) => {
  const { ids } = await arrange(server);
  await openAsAdmin(page, server);
  await goTo(page, '择优录取');
  await expect(page.getByText('尚未计算录取')).toBeVisible();

  // Run: 张伟 is admitted to 内科; 李娜 and 王芳 tie at the last 内科 seat; 儿科 keeps a seat open.
  await page.getByRole('button', { name: '计算录取' }).click();
  await expect(page.getByTestId('admitted-badge')).toHaveText('录取 3 / 计划 5');
  const tie = page.getByTestId('tie-0100');
  await expect(tie).toContainText('李娜');
  await expect(tie).toContainText('王芳');
  await expect(page.getByTestId('unfilled-0200')).toContainText('剩余 1 个');
  await expect(page.getByTestId('specialty-0100')).toContainText('第一志愿录取到「0100 内科」');
  await expect(page.getByTestId('specialty-0100')).not.toContainText(ids[0]!); // masked
  await shot(page, 'admission-1-run');

  // The ranking behind the seats: 王芳 is tied and not (yet) admitted.
  const rankingButton = page.getByTestId('specialty-0100').getByRole('button', { name: '排名' });
  await rankingButton.click();
  const ranking = page.getByRole('dialog', { name: '0100 内科 的排名与录取' });
  await expect(ranking.getByRole('row', { name: /王芳/ })).toContainText('未录取');
  await ranking.getByRole('button', { name: '关闭' }).click();

  // Resolve the tie: choose one, with a reason.
  await tie.getByRole('button', { name: '决定' }).click();
  const dialog = page.getByRole('dialog', { name: '决定末位同分' });
  await dialog.getByLabel(/王芳/).check();
  await field(dialog, '决定理由').fill('录取小组讨论：王芳有基层工作经历');
  await shot(page, 'admission-2-tie');
  await dialog.getByRole('button', { name: '保存决定并重新计算' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('ties')).toBeHidden();
  await expect(page.getByTestId('changes')).toContainText('王芳');
  await expect(page.getByTestId('admitted-badge')).toHaveText('录取 4 / 计划 5');
  // ... and once the tie is decided, the same ranking no longer shows it (no stale answer from before).
  await rankingButton.click();
  await expect(ranking.getByRole('row', { name: /王芳/ })).not.toContainText('未录取');
  await expect(ranking.getByRole('row', { name: /王芳/ })).toContainText('录取');
  await ranking.getByRole('button', { name: '关闭' }).click();

  // Record a decline: 张伟's seat goes to 李娜, and the changes say so.
  const zhang = page.getByTestId('specialty-0100').getByRole('row', { name: /张伟/ });
  await zhang.getByRole('button', { name: '放弃' }).click();
  const decline = page.getByRole('dialog', { name: '登记放弃录取' });
  await field(decline, '放弃原因').fill('考取研究生');
  await decline.getByRole('button', { name: '登记放弃并重新计算' }).click();
  await expect(decline).toBeHidden();
  const changes = page.getByTestId('changes');
  await expect(changes.getByTestId('change-dropped')).toContainText('张伟');
  await expect(changes.getByTestId('change-admitted')).toContainText('李娜');
  await expect(page.getByTestId('specialty-0100')).not.toContainText('张伟');
  await shot(page, 'admission-3-decline', { fullPage: true });

  // Publish the list: the window is recorded; the page shows masked numbers.
  await page.getByRole('button', { name: '公示名单' }).click();
  const publish = page.getByRole('dialog', { name: '公示拟录取名单' });
  await field(publish, '公示开始日期').fill('2024-07-10');
  await publish.getByRole('button', { name: '确认公示' }).click();
  await expect(page.getByTestId('published-badge')).toHaveText('已公示 2024年7月10日 至 2024年7月12日');
  await page.getByRole('button', { name: '公示页' }).click();
  const frame = page.frameLocator('iframe[title^="拟录取名单公示"]');
  await expect(
    frame.getByText('公示期：2024年7月10日 至 2024年7月12日（3 天）。公示期内如有异议，请向基地住培办反映。'),
  ).toBeVisible();
  await expect(frame.getByText(ids[1]!.slice(0, 6) + '********' + ids[1]!.slice(14))).toBeVisible();
  await shot(page, 'admission-4-publication');
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  // Export the summary table (附件4 columns, full ID numbers for the administrator).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出汇总表' }).click()]);
  expect(download.suggestedFilename()).toBe('拟录取学员汇总表-2024-吉林大学第一医院.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  // Row 1 the title, row 2 the 培训基地（盖章） line, row 3 the header (附件4's columns, 录取专业 for 住培).
  expect(ws.getRow(2).getCell(1).value).toBe('培训基地（盖章）：吉林大学第一医院');
  expect(ws.getRow(3).values).toEqual([
    undefined,
    '序号',
    '姓名',
    '录取专业',
    '性别',
    '身份证号',
    '手机号',
    '最高学历',
    '人员属性',
    '工作单位（单位人填写）',
  ]);
  const idsInFile = [4, 5, 6, 7].map((r) => ws.getRow(r).getCell(5).value);
  expect(idsInFile).toContain(ids[1]);

  // A second run after publication warns and needs a reason.
  await page.getByRole('button', { name: '重新计算' }).click();
  const confirm = page.getByRole('dialog', { name: '名单已公示' });
  await expect(confirm).toContainText('重新计算会改变已公示的名单');
  await confirm.getByRole('button', { name: '取消' }).click();

  await page.getByRole('tab', { name: '招收统计' }).click();
  await expect(page.getByTestId('stats-chart')).toBeVisible();
  await shot(page, 'admission-5-stats');
  await page.getByRole('tab', { name: '培训年限' }).click();
  await expect(page.getByRole('table', { name: '培训年限' })).toContainText('住院医师规范化培训');
  await shot(page, 'admission-6-years');
  await page.getByRole('tab', { name: '报到与签约' }).click();
  await expect(page.getByRole('table', { name: '报到与签约' })).toContainText('未报到');
  await shot(page, 'admission-7-tracking');
});

test('调剂 into a leftover seat, a training-year reduction decided by the base, report-in tracked', async ({ page, server }) => {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rng = createRng(7);
  const ids = [makeIdNumber(rng), makeIdNumber(rng)];
  const csv = [
    '姓名,证件号码,手机号码,人员类型,第一志愿,是否服从调剂',
    `赵敏,${ids[0]},${makePhone(rng)},社会人,内科,否`,
    `孙亮,${ids[1]},${makePhone(rng)},社会人,内科,是`,
  ].join('\n');
  await server.api('applicants.commitImport', { fileName: '报名.csv', contentBase64: Buffer.from(csv).toString('base64') });
  await server.api('confirm.decide', { targets: ids, decision: 'confirmed', checklistComplete: true });
  const scores = ['姓名,身份证号,笔试成绩,面试成绩', `赵敏,${ids[0]},90,90`, `孙亮,${ids[1]},80,80`].join('\n');
  await server.api('scores.import', { fileName: '成绩.csv', contentBase64: Buffer.from(scores).toString('base64') });
  await server.api('plan.setQuota', { specialtyCode: '0100', category: null, quota: 1 });
  await server.api('plan.setQuota', { specialtyCode: '0700', category: null, quota: 2 });
  await openAsAdmin(page, server);
  await goTo(page, '择优录取');
  await page.getByRole('button', { name: '计算录取' }).click();
  await expect(page.getByTestId('admitted-badge')).toHaveText('录取 1 / 计划 3');

  // 孙亮 accepts reassignment: proposed for 全科, assigned by the coordinator.
  await page.getByRole('button', { name: '调剂' }).click();
  const adjust = page.getByRole('dialog', { name: '调剂到仍有名额的专业' });
  await field(adjust, '调剂理由').fill('本人同意调剂到全科');
  await adjust.getByRole('button', { name: '确认调剂' }).click();
  await expect(adjust).toBeHidden();
  await expect(page.getByTestId('specialty-0700')).toContainText('孙亮');
  await expect(page.getByTestId('specialty-0700')).toContainText('调剂录取到「0700 全科」');
  await shot(page, 'admission-8-adjustment');

  // Training years: a 1-year reduction requested with documents, approved by the base, awaiting the province.
  await page.getByRole('tab', { name: '培训年限' }).click();
  const row = page.getByRole('row', { name: /赵敏/ });
  await row.getByRole('button', { name: '登记申请' }).click();
  const request = page.getByRole('dialog', { name: '登记年限减免申请' });
  await field(request, '证明材料').fill('临床医学专业学位硕士学位证书\n年限减免申请表');
  await request.getByRole('button', { name: '保存' }).click();
  await expect(request).toBeHidden();
  await expect(row).toContainText('待基地决定');
  await row.getByRole('button', { name: '基地决定' }).click();
  const decide = page.getByRole('dialog', { name: '基地决定年限减免' });
  await field(decide, '理由').fill('专硕轮转记录完整');
  await decide.getByRole('button', { name: '保存' }).click();
  await expect(row).toContainText('基地同意，待省级审核');
  await expect(row).toContainText('2 年 （待省级审核）');
  await shot(page, 'admission-9-years');

  // Report-in: the contract deadline follows (Jilin: 14 days).
  await page.getByRole('tab', { name: '报到与签约' }).click();
  const track = page.getByRole('row', { name: /赵敏/ });
  await track.getByRole('button', { name: '登记报到' }).click();
  const report = page.getByRole('dialog', { name: '登记报到' });
  // A day that does not exist is caught in the dialog, in Chinese, before anything is sent.
  await field(report, '日期').fill('2024-02-30');
  await expect(report).toContainText('请按“年-月-日”填写有效日期');
  await expect(report.getByRole('button', { name: '保存' })).toBeDisabled();
  await field(report, '日期').fill('2024-08-20');
  await expect(report).toContainText('2024年8月20日');
  await report.getByRole('button', { name: '保存' }).click();
  await expect(report).toBeHidden();
  await expect(track).toContainText('2024年9月3日');
  await expect(track).toContainText('逾期未签约');
  await shot(page, 'admission-10-tracking');
});
