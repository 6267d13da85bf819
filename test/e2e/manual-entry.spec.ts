import { createRng, makeApplicants } from '../../src/core/testdata';
import { expect, field, goTo, initializeBase, openAsAdmin, shot, test } from './fixtures';

test('enter an applicant from the paper 报名表, see them in the list, print the filled form', async ({ page, server }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const person = makeApplicants(createRng(77), 1, { specialties: ['内科'], categories: ['社会人'], choices: 1 })[0]!;
  const wrongCheckDigit = person.证件号码.slice(0, 17) + (person.证件号码[17] === '0' ? '1' : '0');
  await initializeBase(server);
  await openAsAdmin(page, server);
  await goTo(page, '报名人员');

  await page.getByRole('button', { name: '手工录入' }).click();
  const dialog = page.getByRole('dialog', { name: '手工录入（纸质报名表）' });
  // The form opens on 姓名, so a clerk can start typing at once.
  await expect(field(dialog, '姓名')).toBeFocused();
  await page.keyboard.type(person.姓名);
  await field(dialog, '身份证号').fill(wrongCheckDigit);
  await field(dialog, '手机').fill(person.手机号码);
  await field(dialog, '政治面貌').fill('共青团员');
  await field(dialog, '户口所在地').fill('吉林省长春市');
  await field(dialog, '婚姻状况').fill('未婚');
  await field(dialog, '健康状况').fill('健康');
  await field(dialog, '通讯地址').fill('吉林省长春市示例路 1 号');
  await field(dialog, '邮政编码').fill('1300');
  await field(dialog, '人员类型').fill('社会');
  await page.getByRole('option', { name: '社会人' }).click();
  await field(dialog, '报考专业').fill('内科');
  await page.getByRole('option', { name: '内科', exact: true }).click();
  const edu = dialog.getByTestId('education-row').first();
  await field(edu, '内容（学历）').fill('大专');
  await field(edu, '起始年月').fill('2019-09');
  await field(edu, '终止年月').fill('2022-07');
  await field(edu, '学校名称（院系）').fill('示例医学高等专科学校（临床医学系）');
  await field(edu, '专业').fill('临床医学');
  const work = dialog.getByTestId('work-row').first();
  await field(work, '医院名称').fill('示例县人民医院');
  await field(work, '科室').fill('内科');
  await field(dialog, '语种').fill('英语');
  await dialog.getByRole('radio', { name: '四级' }).check();

  // A short postcode is refused in place before anything else is looked at.
  await field(dialog, '身份证号').press('Enter');
  await expect(field(dialog, '邮政编码')).toHaveAccessibleDescription(/邮政编码应为 6 位数字/);
  await expect(dialog.getByRole('alert')).toContainText('有 1 处需要更正');
  await field(dialog, '邮政编码').fill('130021');

  // A wrong check digit is refused in place, in the import's words, and nothing is saved.
  await field(dialog, '身份证号').press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('有 1 处需要更正');
  await expect(dialog.getByText('校验位不对')).toBeVisible();
  await shot(page, 'manual-entry-error');

  await field(dialog, '身份证号').fill(person.证件号码);
  await field(dialog, '身份证号').press('Enter');
  const saved = dialog.getByTestId('manual-entry-saved');
  await expect(saved).toContainText(`已录入 ${person.姓名}`);
  await expect(saved).not.toContainText(person.证件号码);
  await shot(page, 'manual-entry-saved');

  // The filled 报名表 in the in-app preview, with the employer-opinion and seal boxes.
  await saved.getByRole('button', { name: '打印报名表' }).click();
  const frame = page.frameLocator('[data-testid="print-frame"]');
  await expect(frame.locator('h1')).toHaveText('吉林省2024年助理全科医生培训学员报名表');
  await expect(frame.locator('[data-field="name"]')).toHaveText(person.姓名);
  // An administrator may reveal: the printed form carries the full number (audited as a reveal).
  await expect(frame.locator('[data-field="idNumber"]')).toHaveText(person.证件号码);
  await expect(frame.locator('[data-box="employer"]')).toContainText('单位意见（单位人报名，须经原单位签署同意并盖章）');
  await expect(frame.locator('[data-box="employer"]')).toContainText('（盖章）');
  await expect(frame.locator('[data-box="employer"]')).toContainText('年');
  await expect(frame.locator('body')).toContainText('2019年9月—2022年7月');
  await expect(frame.locator('body')).toContainText('示例县人民医院');
  await shot(page, 'manual-entry-print');
  await frame.locator('[data-box="employer"]').scrollIntoViewIfNeeded();
  await shot(page, 'manual-entry-print-boxes');
  await page
    .getByRole('dialog', { name: `打印报名表 ${person.姓名}` })
    .getByRole('button', { name: '关闭' })
    .click();

  // Back in the entry dialog, as it was: close it and find the person in the list.
  await saved.getByRole('button', { name: '关闭' }).click();
  const row = page.getByTestId('applicant-row').filter({ hasText: person.姓名 });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${person.证件号码.slice(0, 6)}********`);
  await shot(page, 'manual-entry-list');
});
