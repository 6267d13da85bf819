import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRng, makeIdNumber, makePhone } from '../../src/core/testdata';
import { ADMIN, expect, field, goTo, initializeBase, openAsAdmin, shot, test, type Server } from './fixtures';

const ROOT = resolve(import.meta.dirname, '..', '..');
// `basedesk serve` (spawned by the fixture with this environment) seals the signing key with this passphrase.
process.env.BASEDESK_KEY_PASSPHRASE = 'e2e 签名口令';

async function arrange(server: Server) {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const rng = createRng(20240801);
  const names = ['张伟', '李娜', '王芳', '刘洋'];
  const ids = names.map(() => makeIdNumber(rng));
  const csv = [
    '姓名,证件号码,手机号码,人员类型,第一志愿,是否服从调剂',
    ...names.map((n, i) => `${n},${ids[i]},${makePhone(rng)},社会人,内科,是`),
  ].join('\n');
  await server.api('applicants.commitImport', { fileName: '报名.csv', contentBase64: Buffer.from(csv).toString('base64') });
  await server.api('confirm.decide', { targets: ids.slice(0, 3), decision: 'confirmed', checklistComplete: true });
  return { ids };
}

/** The reference intake, started the way a province would: `basedesk intake serve`. */
async function startIntake(dir: string, pubkeyFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out', 'main', 'cli.js'), 'intake', 'serve', '--dir', dir, '--pubkey', pubkeyFile, '--json'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`intake did not start: ${out} ${err}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => fail(new Error(`intake exited ${code}: ${err}`)));
  });
  return { child, url };
}

test('build a confirmations package, see it queued, push it to a local intake, see it delivered; keys and verify', async ({
  page,
  server,
}) => {
  const { ids } = await arrange(server);
  const work = mkdtempSync(join(tmpdir(), 'basedesk-e2e-intake-'));
  let intake: ChildProcess | undefined;
  try {
    await openAsAdmin(page, server);

    // Keys: generate the signing key (setup would call keys.init) and see its fingerprint.
    await goTo(page, '签名密钥');
    await expect(page.getByText('尚未生成签名密钥')).toBeVisible();
    await page.getByRole('button', { name: '生成签名密钥' }).click();
    await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9A-F]{16}$/);
    await expect(page.getByText('私钥保护方式：口令')).toBeVisible();
    await shot(page, 'outbox-1-keys');

    // Outbox: build a confirmations package; it is queued; offline indicator while no address is set.
    await goTo(page, '报送与待发件箱');
    await expect(page.getByTestId('connectivity')).toHaveText('未设置接收地址');
    await page.getByRole('button', { name: '生成并放入待发件箱' }).click();
    const row = page.getByTestId('outbox-row-1');
    await expect(row.getByTestId('state')).toHaveText('待发送');
    await expect(row).toContainText('现场确认结果');
    await expect(row).toContainText('人员 4');
    await expect(page.getByTestId('outbox-table')).not.toContainText(ids[0]!);
    await shot(page, 'outbox-2-queued');

    // A local intake that trusts this base's public key, started from the built CLI.
    const pub = await server.api<{ text: string }>('keys.exportPublic', {});
    writeFileSync(join(work, 'base.pub'), pub.text);
    const started = await startIntake(join(work, 'intake'), join(work, 'base.pub'));
    intake = started.child;
    // The base pins the intake's receipt key (the province hands out receipt-key.pub); no push without it.
    await server.api('keys.setIntakeKey', { publicKey: readFileSync(join(work, 'intake', 'receipt-key.pub'), 'utf8') });

    await field(page, '省级接收地址').fill(started.url);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('connectivity')).toHaveText('接收方在线', { timeout: 15_000 });
    await page.getByRole('button', { name: '立即发送' }).click();
    await expect(row.getByTestId('state')).toHaveText('已送达', { timeout: 30_000 });
    await row.getByRole('button', { name: '状态记录' }).click();
    await expect(page.getByText('接收方回执确认送达')).toBeVisible();
    await shot(page, 'outbox-3-delivered');

    // Verify a received package: the delivered one verifies; a damaged copy fails with a coded error.
    const dl = await server.api<{ fileName: string; contentBase64: string }>('outbox.download', {
      uuid: (await server.api<Array<{ uuid: string }>>('outbox.list', {}))[0]!.uuid,
    });
    const good = join(work, dl.fileName);
    const bytes = Buffer.from(dl.contentBase64, 'base64');
    writeFileSync(good, bytes);
    const at = bytes.indexOf(Buffer.from('"idNumber"'));
    bytes[at + 14] = bytes[at + 14]! ^ 1;
    const bad = join(work, `damaged-${dl.fileName}`);
    writeFileSync(bad, bytes);

    await goTo(page, '核验数据包');
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByRole('button', { name: '核验', exact: true }).click();
    await expect(page.getByTestId('verify-result')).toContainText('核验通过');
    await expect(page.getByTestId('verify-result')).toContainText('吉林大学第一医院');
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByRole('button', { name: '核验', exact: true }).click();
    // Worded for people; the code stays on hover for support.
    await expect(page.getByTestId('verify-result')).toContainText('内容与内容清单记录的摘要不一致');
    await expect(page.getByTestId('verify-result')).not.toContainText('BAG_PAYLOAD_DIGEST');
    await expect(page.getByTestId('verify-result').locator('[title*="BAG_PAYLOAD_DIGEST"]')).toHaveCount(1);
    await expect(page.getByTestId('verify-result')).toContainText('data/applicants.json');
    await shot(page, 'outbox-4-verify');

    // The same outbox in English.
    await page.getByRole('button', { name: '界面语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click();
    await expect(row.getByTestId('state')).toHaveText('Delivered');
    await expect(page.getByTestId('connectivity')).toHaveText('Intake online');
    await shot(page, 'outbox-5-en');
  } finally {
    intake?.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
});
