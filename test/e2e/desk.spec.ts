import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { createRng, makeApplicants, writeCsv } from '../../src/core/testdata';
import { ADMIN, expect, goTo, initializeBase, openAsAdmin, shot, test, type Server } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const ITEMS = [
  'id_card',
  'diplomas',
  'degrees',
  'qualification',
  'practising',
  'employment_contract',
  'employer_consent',
  'reduction',
  'oriented_agreement',
  'photo',
] as const;

/**
 * 6 generated 社会人 without certificates choosing 内科 (so the checklist is known: ID card, diplomas,
 * degrees and photo required); the first is a rural order-oriented student, which Jilin allows only 全科.
 */
async function arrange(server: Server) {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rows = makeApplicants(createRng(1366), 6, { specialties: ['内科', '外科'], categories: ['社会人'], choices: 1 }).map(
    (r, i) => ({ ...r, 是否农村订单定向: i === 0 ? '是' : '否', 医师资格证书编号: '', 医师执业证书编号: '', 第一志愿: '内科' }),
  );
  await server.api('applicants.commitImport', {
    fileName: '报名.csv',
    contentBase64: Buffer.from(writeCsv(rows, { encoding: 'utf-8' })).toString('base64'),
  });
  const list = await server.api<{ applicants: Array<{ id: string; name: string }> }>('applicants.list', { limit: 100 });
  const idOf = (i: number) => list.applicants.find((a) => a.name === rows[i]!.姓名)!.id;
  return { rows, idOf };
}

type Detail = { name: string; checklist: Array<{ key: string; state: string; recorded: boolean }> };

async function openByName(page: Page, name: string) {
  const search = page.getByRole('combobox', { name: '查找报名人员' });
  await search.fill(name);
  await expect(page.getByTestId('desk-result').first()).toContainText(name);
  await search.press('Enter');
  await expect(page.getByTestId('desk-name')).toHaveText(name);
  await expect(page.getByTestId('checklist')).toBeFocused();
}

/** A real (tiny) PNG so the viewer has something to draw: a 160x100 blue rectangle. */
function pngFile(): string {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const [w, h] = [160, 100];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, Buffer.from([40, 90, 200]))]);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: h }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), 'basedesk-e2e-scan-')), '证件照.png');
  writeFileSync(path, png);
  return path;
}

test('1 marks the item under the cursor and stays; ↓ moves; only the items pressed 1 on are recorded', async ({
  page,
  server,
}) => {
  const { rows, idOf } = await arrange(server);
  await openAsAdmin(page, server);
  await goTo(page, '现场确认');
  await openByName(page, rows[1]!.姓名);
  await expect(page.getByText('1 原件已核验 · 2 已收复印件 · 3 缺 · 4 不适用（标记当前项，不跳到下一项）')).toBeVisible();

  // "1, ↓" twice: the ID card and the diplomas, nothing else (it used to mark every other item).
  for (const key of ['1', 'ArrowDown', '1', 'ArrowDown']) await page.keyboard.press(key);
  const reviewed = async () => {
    const out: string[] = [];
    for (const k of ITEMS) if ((await page.getByTestId(`check-${k}`).getAttribute('data-reviewed')) === 'true') out.push(k);
    return out;
  };
  expect(await reviewed()).toEqual(['id_card', 'diplomas']);
  await expect(page.getByTestId('check-id_card')).toHaveAttribute('data-state', 'original');
  await expect(page.getByTestId('check-diplomas')).toHaveAttribute('data-state', 'original');
  await expect(page.getByTestId('check-degrees')).toHaveAttribute('aria-selected', 'true');
  // Unchecked items, optional ones included, say so instead of showing a default 不适用.
  await expect(page.getByTestId('check-qualification').getByTestId('unreviewed')).toHaveText('未核对');
  await expect(page.getByTestId('unreviewed')).toHaveCount(8);
  await shot(page, 'desk-keys');

  // Submitting now is refused: the degrees and the photo were never marked.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: '还缺少' })).toContainText('学位证书');
  await expect(page.getByRole('alert').filter({ hasText: '还缺少' })).toContainText('证件照');

  await page.getByTestId('checklist').focus();
  await page.keyboard.press('2');
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('2');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('current-decision')).toContainText('确认通过');

  const saved = await server.api<Detail>('applicants.get', { id: idOf(1) });
  const recorded = Object.fromEntries(saved.checklist.filter((i) => i.recorded).map((i) => [i.key, i.state]));
  expect(recorded).toEqual({ id_card: 'original', diplomas: 'original', degrees: 'copy', photo: 'copy' });
});

test('a failing eligibility rule needs the override dialog with a reason; found by the last 4 digits of the ID', async ({
  page,
  server,
}) => {
  const { rows } = await arrange(server);
  await openAsAdmin(page, server);
  await goTo(page, '现场确认');
  const search = page.getByRole('combobox', { name: '查找报名人员' });
  await search.fill(rows[0]!.证件号码.slice(-4));
  await expect(page.getByTestId('desk-result').first()).toContainText(rows[0]!.姓名);
  await search.press('Enter');
  await expect(page.getByTestId('desk-name')).toHaveText(rows[0]!.姓名);

  await expect(page.getByTestId('rules-failed')).toContainText('1 条资格规则不符合');
  // ID card, diplomas, degrees, then (6 down) the 定向 agreement this applicant needs, then the photo.
  for (const key of ['1', 'ArrowDown', '1', 'ArrowDown', '1', ...Array<string>(6).fill('ArrowDown'), '1', 'ArrowDown', '1']) {
    await page.keyboard.press(key);
  }
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('dialog', { name: '放行不符合的资格规则' });
  await expect(dialog.getByTestId('override-rules')).toContainText('全科');
  const submit = dialog.getByRole('button', { name: '放行并确认通过' });
  await expect(submit).toBeDisabled();
  await dialog.getByLabel('放行原因').fill('已核实县卫健局出具的定向协议解除证明');
  await shot(page, 'desk-override-dialog');
  await submit.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('current-decision')).toContainText('确认通过');
  await expect(page.getByTestId('rules-override')).toContainText('已核实县卫健局出具的定向协议解除证明');
  await page.getByTestId('rules-override').scrollIntoViewIfNeeded();
  await shot(page, 'desk-override-done');

  // The phone number's last 4 digits find people too.
  await search.fill(rows[3]!.手机号码.slice(-4));
  await expect(page.getByTestId('desk-result').filter({ hasText: rows[3]!.姓名 })).toHaveCount(1);
});

test('the search stays in view, 现场确认 in the nav starts over at the search box, N opens the next in queue, scans open in the app', async ({
  page,
  server,
}) => {
  const { rows, idOf } = await arrange(server);
  await openAsAdmin(page, server);
  await goTo(page, '现场确认');
  await expect(page.getByTestId('desk-waiting')).toHaveText('待确认 6 人');
  await openByName(page, rows[2]!.姓名);

  // The search box stays on screen while the panel scrolls.
  await page.mouse.wheel(0, 2000);
  await expect(page.getByRole('combobox', { name: '查找报名人员' })).toBeInViewport();

  // N: the next 待确认 applicant after this one, in list order.
  await page.getByTestId('checklist').focus();
  await page.keyboard.press('n');
  const expected = await server.api<{ next: { name: string } }>('confirm.next', { afterId: idOf(2) });
  await expect(page.getByTestId('desk-name')).toHaveText(expected.next.name);

  // Upload a scan for the photo: the item turns from 未核对 to 已收复印件, and the scan opens in a dialog.
  await page.getByTestId('check-photo').click();
  await page.locator('input[type="file"]').setInputFiles(pngFile());
  await expect(page.getByTestId('check-photo')).toHaveAttribute('data-state', 'copy');
  await expect(page.getByTestId('check-photo')).toHaveAttribute('data-reviewed', 'true');
  await page.getByTestId('scan-badge').click();
  const viewer = page.getByRole('dialog', { name: /扫描件：2 寸证件照/ });
  await expect(viewer.getByTestId('scan-image')).toBeVisible();
  await shot(page, 'desk-scan-viewer');
  await viewer.getByRole('button', { name: '关闭' }).click();

  // 现场确认 in the nav, while on the desk: back to an empty search box with the focus.
  await page.getByRole('combobox', { name: '查找报名人员' }).fill('zzz');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '现场确认' }).click();
  await expect(page.getByRole('combobox', { name: '查找报名人员' })).toBeFocused();
  await expect(page.getByRole('combobox', { name: '查找报名人员' })).toHaveValue('');
  await expect(page.getByTestId('desk-name')).toHaveCount(0);
  await shot(page, 'desk-reset');
});
