import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, makeIdNumber, makeName, makePhone } from '../../src/core/testdata';
import { ADMIN, expect, goTo, initializeBase, openAsAdmin, shot, test, type Server } from './fixtures';

const BASE = '重庆示例医科大学附属医院';
const OTHER = '重庆示例区人民医院';

/** Chongqing 助理全科: the 志愿 name bases. Two put this base first, one puts another base first and this one second. */
function people() {
  const rng = createRng(909);
  return [
    { name: makeName(rng) + '甲', id: makeIdNumber(rng), phone: makePhone(rng), first: BASE, second: '', score: 80 },
    { name: makeName(rng) + '乙', id: makeIdNumber(rng), phone: makePhone(rng), first: OTHER, second: BASE, score: 90 },
    { name: makeName(rng) + '丙', id: makeIdNumber(rng), phone: makePhone(rng), first: BASE, second: OTHER, score: 70 },
  ];
}

function rosterFile(rows: ReturnType<typeof people>): string {
  const csv = [
    '姓名,证件号码,手机号码,人员类型,第一志愿,第二志愿',
    ...rows.map((p) => `${p.name},${p.id},${p.phone},社会人,${p.first},${p.second}`),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'basedesk-e2e-choices-'));
  const path = join(dir, '重庆助理全科报名.csv');
  writeFileSync(path, csv.join('\n'));
  return path;
}

async function arrangeScores(server: Server, rows: ReturnType<typeof people>) {
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await server.api('confirm.decide', { targets: rows.map((p) => p.id), decision: 'confirmed', checklistComplete: true });
  const scores = ['姓名,身份证号,笔试成绩,面试成绩', ...rows.map((p) => `${p.name},${p.id},${p.score},${p.score}`)].join('\n');
  await server.api('scores.import', { fileName: '成绩.csv', contentBase64: Buffer.from(scores).toString('base64') });
}

test('a second choice at another base is kept, and each applicant shows their round here', async ({ page, server }) => {
  const rows = people();
  await initializeBase(server, { baseName: BASE, presetId: 'chongqing-2022-agp' });
  await openAsAdmin(page, server);

  await goTo(page, '报名人员');
  await page.getByRole('button', { name: '导入名单' }).click();
  const dialog = page.getByRole('dialog', { name: '导入报名人员' });
  await dialog.getByTestId('applicants-file-input').setInputFiles(rosterFile(rows));
  await expect(dialog.getByTestId('import-summary')).toHaveText('共 3 行：新增 3，更新 0，未变 0，有问题 0 行');
  await dialog.getByRole('button', { name: '导入 3 条有效记录' }).click();
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(dialog).toBeHidden();

  const row = (name: string) => page.getByTestId('applicant-row').filter({ hasText: name });
  await expect(row(rows[0]!.name)).toContainText('第一志愿');
  await expect(row(rows[1]!.name)).toContainText('第二志愿');
  await expect(row(rows[1]!.name)).toContainText(`第一志愿：其他基地（${OTHER}）`);
  await expect(row(rows[2]!.name)).toContainText(`第二志愿：其他基地（${OTHER}）`);
  await shot(page, 'choices-applicant-list');

  // The desk shows the same: the round here and the choice at the other base.
  await row(rows[1]!.name).getByRole('link', { name: rows[1]!.name }).click();
  await expect(page.getByText(`第一志愿：其他基地（${OTHER}）`)).toBeVisible();
  await expect(page.getByTestId('round-badge').first()).toHaveText('第二志愿');
  await shot(page, 'choices-desk');

  // The ranking: everyone competes for 助理全科 here; the one who chose another base first is in round 2.
  await arrangeScores(server, rows);
  await goTo(page, '成绩排名');
  const ranked = page.getByTestId('ranking-row');
  await expect(ranked).toHaveCount(3);
  const second = ranked.filter({ hasText: rows[1]!.name });
  await expect(second).toContainText('第二志愿');
  await expect(second).toContainText(`第一志愿：其他基地（${OTHER}）`);
  await expect(ranked.filter({ hasText: rows[0]!.name })).toContainText('第一志愿');
  await shot(page, 'choices-ranking');
});
