import { createRng, makeApplicants, writeCsv } from '../../src/core/testdata';
import { ADMIN, expect, field, goTo, initializeBase, login, shot, test, type Server } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const PNG = b64(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]));

/** Two generated 内科 applicants, confirmed; the first asked for a reduction. */
async function arrange(server: Server, presetId: string) {
  await initializeBase(server, { presetId, baseName: presetId.startsWith('beijing') ? '北京某医院' : '吉林大学第一医院' });
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const people = makeApplicants(createRng(31), 2, {
    specialties: ['内科'],
    categories: presetId.startsWith('beijing') ? ['委托培训', '自主培训'] : ['单位人', '社会人'],
    choices: 1,
  });
  await server.api('applicants.commitImport', {
    fileName: 'roster.csv',
    contentBase64: b64(writeCsv(people as never, { encoding: 'utf-8' })),
  });
  await server.api('confirm.decide', {
    targets: people.map((p) => p.证件号码),
    decision: 'confirmed',
    checklistComplete: true,
    overrideRules: true,
    reason: '测试数据放行',
  });
  await server.api('reduction.apply', { applicant: people[0]!.证件号码, facts: {} });
  return people;
}

test('Jilin: the coordinator checks eligibility, records the 审批表 and exports scores for the platform', async ({
  page,
  server,
}) => {
  const people = await arrange(server, 'jilin-2024');
  const written = [
    ['姓名', '身份证号', '笔试成绩', '面试成绩'],
    ...people.map((p, i) => [p.姓名, p.证件号码, String(80 + i), i === 0 ? '88' : '']),
  ];
  await server.api('scores.import', { fileName: 's.csv', contentBase64: b64(writeCsv(written, { encoding: 'utf-8' })) });
  await page.goto(server.url);
  await login(page);
  await goTo(page, '年限减免');
  const row = page.getByRole('row').filter({ hasText: people[0]!.姓名 });
  await expect(row.getByText('待核实')).toBeVisible();
  await expect(page.getByText(people[0]!.证件号码)).toHaveCount(0);

  await row.getByRole('button', { name: '申请情况' }).click();
  const dialog = page.getByRole('dialog');
  for (const [label, option] of [
    ['最高学位', '硕士'],
    ['学位类型', '专业学位'],
    ['学科', '临床医学'],
    ['所学专业与培训专业方向一致', '是'],
    ['国外博士学位', '无'],
  ] as const) {
    await dialog.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(row.getByText('符合', { exact: true })).toBeVisible();

  await row.getByRole('button', { name: '审批结果' }).click();
  await field(dialog, '需补足的培训内容').fill('心血管内科 3\n急诊科 1.5');
  await field(dialog, '审批日期').fill('2024-08-10');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(row.getByText('减免 12 个月，培训 2 年')).toBeVisible();
  await expect(row.getByText('需补足的培训内容：心血管内科 3 个月、急诊科 1.5 个月')).toBeVisible();
  await row.getByRole('button', { name: people[0]!.姓名 }).click();
  await expect(page.getByText(/具有临床医学硕士专业学位、临床医学博士学位者（含口腔医学）/)).toBeVisible();
  await shot(page, 'reduction-jilin');

  await goTo(page, '考核成绩');
  await expect(page.getByText('招收通知没有给出合格标准：考核结果由住培办逐人登记。', { exact: false })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出报省平台成绩' }).click();
  expect((await download).suggestedFilename()).toContain('考核成绩（报省平台）');
  await expect(page.getByText(/缺面试成绩/)).toBeVisible();
  await page.getByText('报省平台的考核成绩').scrollIntoViewIfNeeded();
  await shot(page, 'platform-export');
});

test('Beijing: 临床实践经历 reviewed and the 认定表 printed in the app', async ({ page, server }) => {
  const people = await arrange(server, 'beijing-2023');
  await server.api('reduction.addExperience', {
    applicant: people[0]!.证件号码,
    kind: 'professional-graduate',
    hospital: '北京某大学附属医院',
    specialty: '内科',
    from: '2021-09-01',
    to: '2024-06-30',
    recognisedBase: true,
    proof: { fileName: '培养记录手册.png', contentBase64: PNG },
  });
  await page.goto(server.url);
  await login(page);
  await goTo(page, '年限减免');
  await expect(page.getByText(/临床实践经历须于 2024年9月12日前审核完毕/)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: people[0]!.姓名 }).first();
  await row.getByRole('button', { name: people[0]!.姓名 }).click();
  const experiences = page.getByRole('table', { name: '临床实践经历' });
  await expect(experiences.getByText('2021年9月1日')).toBeVisible();
  await experiences.getByRole('button', { name: '培养记录手册.png' }).click();
  await expect(page.getByRole('dialog', { name: '证明材料：培养记录手册.png' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await experiences.getByRole('button', { name: '予以认可' }).click();
  const dialog = page.getByRole('dialog');
  // Today is past 9月12日 of the cohort year: the review needs its reason.
  await field(dialog, '审核意见').fill('逾期补审：培养记录手册已核对');
  await dialog.getByRole('button', { name: '予以认可' }).click();
  await expect(experiences.getByText('予以认可', { exact: true }).first()).toBeVisible();
  await shot(page, 'reduction-beijing');
  await page.getByRole('button', { name: '打印认定表' }).click();
  const frame = page.frameLocator('[data-testid="print-frame"]');
  await expect(frame.getByRole('heading', { name: /北京市住院医师规范化培训临床实践经历认定表/ })).toBeVisible();
  await expect(frame.getByText('北京某大学附属医院')).toBeVisible();
  await shot(page, 'reduction-form-print');
});
