import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, makeApplicants, writeCsv } from '../../src/core/testdata';
import { expect, goTo, initializeBase, openAsAdmin, shot, test } from './fixtures';

/** 8 generated 社会人 applicants without certificates (so the checklist is known); rows 4 and 7 are damaged. */
function rosterFile(): { path: string; names: string[]; ids: string[] } {
  const rows = makeApplicants(createRng(2024), 8, {
    specialties: ['内科', '外科', '儿科', '全科'],
    categories: ['社会人'],
    choices: 1,
  }).map((r) => ({
    ...r,
    是否农村订单定向: '否',
    医师资格证书编号: '',
    医师执业证书编号: '',
    第一志愿: r.第一志愿 === '全科' ? '内科' : r.第一志愿,
  }));
  rows[2]!.手机号码 = '1381234';
  rows[5]!.人员类型 = '外星人';
  const dir = mkdtempSync(join(tmpdir(), 'basedesk-e2e-roster-'));
  const path = join(dir, '2024报名名单.csv');
  writeFileSync(path, writeCsv(rows, { encoding: 'utf-8' }));
  return { path, names: rows.map((r) => r.姓名), ids: rows.map((r) => r.证件号码) };
}

test('import a roster with errors, confirm one applicant from the keyboard, print the receipt, reopen, audit', async ({
  page,
  server,
}) => {
  // Printing is stubbed in every frame (the receipt iframe included) and counted.
  await page.addInitScript(() => {
    const g = globalThis as unknown as { print: () => void; top: { __printed?: number } };
    g.print = () => {
      g.top.__printed = (g.top.__printed ?? 0) + 1;
    };
  });
  const roster = rosterFile();
  await initializeBase(server);
  await openAsAdmin(page, server);

  // Import: preview shows every problem row, commit writes the valid ones, the report downloads.
  await goTo(page, '报名人员');
  await page.getByRole('button', { name: '导入名单' }).click();
  const dialog = page.getByRole('dialog', { name: '导入报名人员' });
  await dialog.getByTestId('applicants-file-input').setInputFiles(roster.path);
  await expect(dialog.getByTestId('import-summary')).toHaveText('共 8 行：新增 6，更新 0，未变 0，有问题 2 行');
  const problems = dialog.getByTestId('import-problems-row');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('4');
  // The code is for support (on hover), not shown as text.
  await expect(problems.nth(0)).not.toContainText('PHONE_FORMAT');
  await expect(problems.nth(0).locator('[title*="PHONE_FORMAT"]')).toHaveCount(1);
  await expect(problems.nth(1)).toContainText('7');
  // The code is for support (on hover), not shown as text.
  await expect(problems.nth(1)).not.toContainText('UNKNOWN_CATEGORY');
  await expect(problems.nth(1).locator('[title*="UNKNOWN_CATEGORY"]')).toHaveCount(1);
  await shot(page, 'applicants-import-preview');
  await dialog.getByRole('button', { name: '导入 6 条有效记录' }).click();
  await expect(dialog.getByTestId('import-result')).toHaveText('已导入：新增 6 人，更新 0 人，未变 0 人。');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载问题清单（Excel）' }).click();
  expect((await download).suggestedFilename()).toBe('2024报名名单-导入问题清单.xlsx');
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('applicants-total')).toHaveText('共 6 人');
  await expect(page.getByTestId('applicant-row')).toHaveCount(6);
  // Masked by default.
  await expect(page.getByText(roster.ids[0]!)).toHaveCount(0);
  await expect(page.getByText(`${roster.ids[0]!.slice(0, 6)}********${roster.ids[0]!.slice(14)}`)).toBeVisible();
  await shot(page, 'applicants-list');

  // The desk: the search box has the focus; everything below is keyboard only.
  await goTo(page, '现场确认');
  await expect(page.getByRole('combobox', { name: '查找报名人员' })).toBeFocused();
  const name = roster.names[0]!;
  await page.keyboard.type(roster.ids[0]!.slice(0, 12));
  await expect(page.getByTestId('desk-result').first()).toContainText(name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('desk-name')).toHaveText(name);
  await expect(page.getByTestId('checklist')).toBeFocused();
  // 居民身份证, 学历, 学位 originals; the certificates, contract, consent, reduction, agreement n/a; photo copy.
  // Each key marks the item under the cursor and stays there; ↓ moves on.
  for (const key of ['1', '1', '1', '4', '4', '4', '4', '4', '4', '2']) {
    await page.keyboard.press(key);
    await page.keyboard.press('ArrowDown');
  }
  await expect(page.getByTestId('check-id_card')).toHaveAttribute('data-state', 'original');
  await expect(page.getByTestId('check-photo')).toHaveAttribute('data-state', 'copy');
  await shot(page, 'desk-checklist');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('current-decision')).toContainText('确认通过');
  // The search list beside the panel shows the new status too (it used to keep 待确认 until searched again).
  await expect(page.getByTestId('desk-result').first().getByTestId('confirmation-status')).toHaveText('确认通过');

  // Receipt: shown in the in-app print preview (masked), printed from there.
  await page.getByRole('button', { name: '打印回执' }).focus();
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: `现场确认回执：${name}` });
  const receipt = preview.frameLocator('[data-testid="print-frame"]');
  await expect(receipt.locator('[data-field="decision"]')).toHaveText('确认结果：确认通过');
  await expect(receipt.locator('[data-field="name"]')).toHaveText(name);
  await expect(receipt.locator('[data-field="idNumber"]')).toHaveText(
    `${roster.ids[0]!.slice(0, 6)}********${roster.ids[0]!.slice(14)}`,
  );
  await expect(receipt.locator('[data-field="phone"]')).toHaveText(/^\d{3}\*{4}\d{4}$/);
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __printed?: number }).__printed ?? 0)).toBe(0);
  await preview.getByRole('button', { name: '打印' }).click();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __printed?: number }).__printed ?? 0)).toBe(1);
  await shot(page, 'desk-receipt-preview');
  await preview.getByRole('button', { name: '关闭' }).click();
  await expect(preview).toBeHidden();
  await shot(page, 'desk-decided');

  // Reopen with a reason.
  await page.getByRole('button', { name: '重新确认' }).click();
  const reopen = page.getByRole('dialog', { name: '撤销结论，重新确认' });
  await reopen.getByLabel('重新确认的原因').fill('误将学位证复印件登记为原件');
  await reopen.getByRole('button', { name: '重新确认' }).click();
  await expect(page.getByRole('radiogroup', { name: '确认结论' })).toBeVisible();
  await expect(page.getByTestId('desk-result').first().getByTestId('confirmation-status')).toHaveText('待确认');

  await goTo(page, '确认统计');
  await expect(page.getByTestId('dash-total')).toHaveText('6');
  await expect(page.getByTestId('dash-waiting')).toHaveText('6');
  await shot(page, 'confirm-stats');

  // The audit viewer shows the decision and the reopening with its reason.
  await goTo(page, '审计日志');
  await expect(page.getByTestId('audit-row').filter({ hasText: '现场确认结论' })).toHaveCount(1);
  const row = page.getByTestId('audit-row').filter({ hasText: '重新确认' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('误将学位证复印件登记为原件');
  await expect(page.getByTestId('audit-row').filter({ hasText: '导入报名人员' })).toHaveCount(1);
  await shot(page, 'audit');
});

test('an unknown layout is mapped once by hand, saved, and recognised the next time; reveal is audited', async ({
  page,
  server,
}) => {
  const rows = makeApplicants(createRng(7), 3, { specialties: ['内科', '外科'], categories: ['社会人'], choices: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'basedesk-e2e-layout-'));
  const layout = (r: (typeof rows)[number]) => [r.姓名, r.证件号码, r.手机号码, r.人员类型, r.第一志愿];
  const first = join(dir, '自制名单.csv');
  const second = join(dir, '自制名单-第二批.csv');
  writeFileSync(
    first,
    writeCsv([['考生名', '有效证件', '联系手机', '报名身份', '意向专业'], ...rows.slice(0, 2).map(layout)], {
      encoding: 'utf-8',
    }),
  );
  writeFileSync(
    second,
    writeCsv([['考生名', '有效证件', '联系手机', '报名身份', '意向专业'], ...rows.map(layout)], { encoding: 'utf-8' }),
  );
  await initializeBase(server);
  await openAsAdmin(page, server);
  await goTo(page, '报名人员');

  await page.getByRole('button', { name: '导入名单' }).click();
  const dialog = page.getByRole('dialog', { name: '导入报名人员' });
  await dialog.getByTestId('applicants-file-input').setInputFiles(first);
  await expect(dialog.getByRole('alert').filter({ hasText: '没有找到报名人员表头' })).toBeVisible();
  const form = dialog.getByTestId('mapping-form');
  const pairs: Array<[string, string]> = [
    ['考生名', '姓名'],
    ['有效证件', '证件号码'],
    ['联系手机', '手机号码'],
    ['报名身份', '人员类型'],
    ['意向专业', '第一志愿'],
  ];
  for (const [column, fieldName] of pairs) {
    await form.getByRole('combobox', { name: column }).click();
    await page.getByRole('option', { name: fieldName, exact: true }).click();
  }
  await form.getByRole('button', { name: '按此对应关系预览' }).click();
  await expect(dialog.getByTestId('import-summary')).toHaveText('共 2 行：新增 2，更新 0，未变 0，有问题 0 行');
  await shot(page, 'applicants-mapping');
  await dialog.getByRole('button', { name: '导入 2 条有效记录' }).click();
  await expect(dialog.getByTestId('import-result')).toBeVisible();
  await dialog.getByRole('button', { name: '完成' }).click();

  await page.getByRole('button', { name: '导入名单' }).click();
  await dialog.getByTestId('applicants-file-input').setInputFiles(second);
  await expect(dialog.getByText('使用已保存的对应关系')).toBeVisible();
  await expect(dialog.getByTestId('import-summary')).toHaveText('共 3 行：新增 1，更新 0，未变 2，有问题 0 行');
  await dialog.getByRole('button', { name: '导入 1 条有效记录' }).click();
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('applicants-total')).toHaveText('共 3 人');

  // Revealing one applicant's numbers is a permission and goes to the audit trail.
  await page.getByRole('button', { name: `显示完整号码 ${rows[0]!.姓名}` }).click();
  await expect(page.getByText(rows[0]!.证件号码)).toBeVisible();
  // A name in the list opens that applicant at the desk.
  await page.getByRole('link', { name: rows[1]!.姓名 }).click();
  await expect(page.getByTestId('desk-name')).toHaveText(rows[1]!.姓名);

  await goTo(page, '审计日志');
  await expect(page.getByTestId('audit-row').filter({ hasText: '查看完整证件号码' })).toHaveCount(1);
});
