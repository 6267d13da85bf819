import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/api/dispatch';
import { openCore } from '../../src/core/open-core';
import { createRng, makeApplicants, writeCsv } from '../../src/core/testdata';
import { createIntakeServer, type IntakeServer } from '../../src/core/upload';
import { exportMinisignPublicKey, parseMinisignPublicKey } from '../../src/core/crypto/signing-key';
import { cli, initBase, testDbKey } from '../helpers/cli';
import { tempDir } from '../helpers/core';

const PASSWORD = 'admin-pass-123';
const PASSPHRASE = '签名口令 cli';
const env = { BASEDESK_PASSWORD: PASSWORD, BASEDESK_KEY_PASSPHRASE: PASSPHRASE };
const ROOT = resolve(import.meta.dirname, '..', '..');

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A base with 4 applicants, 3 confirmed: arranged through the core (the applicants CLI is another feature's). */
async function base(): Promise<string> {
  const dir = tempDir();
  const init = await initBase(dir, env);
  expect(init.code).toBe(0);
  const core = await openCore({ dataDir: dir, idleMinutes: 0, dbKey: testDbKey() });
  try {
    const call = async (op: string, input: unknown) => {
      const r = await dispatch(core, 'arrange', op, input);
      if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    await call('auth.login', { username: 'admin', password: PASSWORD });
    const people = makeApplicants(createRng(11), 4, { specialties: ['内科', '儿科'], categories: ['社会人'], choices: 1 });
    const csv = Buffer.from(writeCsv(people as never, { encoding: 'utf-8' })).toString('base64');
    await call('applicants.commitImport', { fileName: 'r.csv', contentBase64: csv });
    await call('confirm.decide', {
      targets: people.slice(0, 3).map((p) => p.证件号码),
      decision: 'confirmed',
      checklistComplete: true,
    });
  } finally {
    await core.close();
  }
  return dir;
}

type Built = { uuid: string; sha512: string; files: number; bytes: number; file: string; encrypted: boolean; sequence: number };

describe('basedesk keys / package / outbox / intake', () => {
  it('builds, exports the public key, and verifies round trip; minisign and sha512sum agree', async () => {
    const dir = await base();
    const work = tempDir();
    const out = join(work, 'confirmations.zip');
    // Password and key passphrase from stdin, one line each.
    const built = await cli(['--data-dir', dir, 'package', 'build', '--kind', 'confirmations', '--out', out, '--json'], {
      stdin: `${PASSWORD}\n${PASSPHRASE}\n`,
    });
    expect(built.stderr).toBe('');
    const b = built.json<Built>();
    expect(b).toMatchObject({ sequence: 1, files: 4, encrypted: false, file: out });
    expect(b.bytes).toBe(readFileSync(out).length);
    expect(execFileSync('sha512sum', [out], { encoding: 'utf8' }).split(' ')[0]).toBe(b.sha512);

    const pub = join(work, 'base.pub');
    const exp = await cli(['--data-dir', dir, 'keys', 'export-public', '--out', pub, '--json'], { env });
    expect(exp.code).toBe(0);
    expect(parseMinisignPublicKey(readFileSync(pub, 'utf8'))).toBeTruthy();

    const bag = join(work, 'bag');
    execFileSync('unzip', ['-q', out, '-d', bag]);
    const ms = execFileSync('minisign', ['-Vm', join(bag, 'tagmanifest-sha512.txt'), '-p', pub], { encoding: 'utf8' });
    expect(ms).toContain(`uuid:${b.uuid} base:JL001 kind:confirmations seq:1`);

    const v = await cli(['--data-dir', dir, 'package', 'verify', out, '--pubkey', pub, '--json'], { env });
    expect(v.code).toBe(0);
    expect(v.json()).toMatchObject({ ok: true, uuid: b.uuid, sha512: b.sha512, duplicate: false, recorded: true });
    const again = await cli(['--data-dir', dir, 'package', 'verify', out, '--pubkey', pub, '--json'], { env });
    expect(again.json()).toMatchObject({ ok: true, duplicate: true });

    // A flipped byte in a record file: coded failure, exit 1, the errors on stdout and the code on stderr.
    const bad = join(work, 'bad.zip');
    const bytes = readFileSync(out);
    const at = bytes.indexOf(Buffer.from('"idNumber"'));
    bytes[at + 14] = bytes[at + 14]! ^ 1;
    writeFileSync(bad, bytes);
    const tampered = await cli(['--data-dir', dir, 'package', 'verify', bad, '--pubkey', pub, '--json', '--no-record'], { env });
    expect(tampered.code).toBe(1);
    expect(tampered.json()).toMatchObject({ ok: false, errors: [{ code: 'BAG_PAYLOAD_DIGEST', file: 'data/applicants.json' }] });
    expect(JSON.parse(tampered.stderr)).toMatchObject({ error: { code: 'BAG_PAYLOAD_DIGEST' } });

    const list = await cli(['--data-dir', dir, 'outbox', 'list', '--json'], { env });
    expect(list.json()).toEqual([expect.objectContaining({ uuid: b.uuid, state: 'queued' })]);
    // In words: the kind and the state as the screens name them, not their codes.
    const listed = await cli(['--data-dir', dir, 'outbox', 'list'], { env });
    expect(listed.stdout).toContain(`${b.uuid}\t现场确认结果\t第 1 号\t待发送\t${b.bytes} 字节`);
    const status = await cli(['--data-dir', dir, 'outbox', 'status'], { env });
    expect(status.stdout).toContain('接收方：未设置接收地址（未设置）；待发送 1');
  });

  it('--encrypt-to a recipient file: the standard age tool decrypts it to a bag that verifies', async () => {
    const dir = await base();
    const work = tempDir();
    execFileSync('age-keygen', ['-o', join(work, 'province.key')], { stdio: 'ignore' });
    const recipient = execFileSync('age-keygen', ['-y', join(work, 'province.key')], { encoding: 'utf8' }).trim();
    writeFileSync(join(work, 'province.pub'), `# 省级接收方\n${recipient}\n`);
    const out = join(work, 'c.zip.age');
    const r = await cli(
      [
        '--data-dir',
        dir,
        'package',
        'build',
        '--kind',
        'confirmations',
        '--out',
        out,
        '--encrypt-to',
        join(work, 'province.pub'),
        '--json',
      ],
      { env },
    );
    expect(r.stderr).toBe('');
    expect(r.json<Built>()).toMatchObject({ encrypted: true });
    execFileSync('age', ['-d', '-i', join(work, 'province.key'), '-o', join(work, 'c.zip'), out]);
    await cli(['--data-dir', dir, 'keys', 'export-public', '--out', join(work, 'base.pub')], { env });
    const v = await cli(
      ['--data-dir', dir, 'package', 'verify', join(work, 'c.zip'), '--pubkey', join(work, 'base.pub'), '--json'],
      { env },
    );
    expect(v.json()).toMatchObject({ ok: true, encrypted: false, kind: 'confirmations' });
    const v2 = await cli(
      [
        '--data-dir',
        dir,
        'package',
        'verify',
        out,
        '--pubkey',
        join(work, 'base.pub'),
        '--identity',
        join(work, 'province.key'),
        '--json',
      ],
      { env },
    );
    expect(v2.json()).toMatchObject({ ok: true, encrypted: true, duplicate: true });
  });

  it('refuses a wrong passphrase and a bad recipient with coded errors; scores without data is PKG_EMPTY', async () => {
    const dir = await base();
    const out = join(tempDir(), 'x.zip');
    expect((await cli(['--data-dir', dir, 'keys', 'init', '--json'], { env })).code).toBe(0);
    const wrong = await cli(['--data-dir', dir, 'package', 'build', '--kind', 'confirmations', '--out', out, '--json'], {
      env: { ...env, BASEDESK_KEY_PASSPHRASE: 'wrong' },
    });
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stderr)).toMatchObject({ error: { code: 'KEY_PASSPHRASE_WRONG' } });
    const badRecipient = await cli(
      ['--data-dir', dir, 'package', 'build', '--kind', 'confirmations', '--out', out, '--encrypt-to', 'age1zzz', '--json'],
      { env },
    );
    expect(JSON.parse(badRecipient.stderr)).toMatchObject({ error: { code: 'AGE_RECIPIENT_INVALID' } });
    const scores = await cli(['--data-dir', dir, 'package', 'build', '--kind', 'scores', '--out', out, '--json'], { env });
    expect(JSON.parse(scores.stderr)).toMatchObject({ error: { code: 'PKG_EMPTY' } });
    const kind = await cli(['--data-dir', dir, 'package', 'build', '--kind', 'nonsense', '--out', out, '--json'], { env });
    expect(kind.code).toBe(1);
    const both = await cli(
      [
        '--data-dir',
        dir,
        'package',
        'build',
        '--kind',
        'confirmations',
        '--out',
        out,
        '--plain',
        '--encrypt-to-province',
        '--json',
      ],
      { env },
    );
    expect(both.code).toBe(1);
    expect(JSON.parse(both.stderr)).toMatchObject({ error: { code: 'USAGE' } });
  });

  it('outbox push delivers to an intake; without an endpoint it says so', async () => {
    const dir = await base();
    const work = tempDir();
    const b = (
      await cli(['--data-dir', dir, 'package', 'build', '--kind', 'confirmations', '--out', join(work, 'p.zip'), '--json'], {
        env,
      })
    ).json<Built>();
    const noEndpoint = await cli(['--data-dir', dir, 'outbox', 'push', '--json'], { env });
    expect(JSON.parse(noEndpoint.stderr)).toMatchObject({ error: { code: 'OUTBOX_NO_ENDPOINT' } });
    await cli(['--data-dir', dir, 'keys', 'export-public', '--out', join(work, 'base.pub')], { env });
    const server: IntakeServer = await createIntakeServer({
      dir: join(work, 'intake'),
      trustedKeys: [parseMinisignPublicKey(readFileSync(join(work, 'base.pub'), 'utf8'))],
    });
    closers.push(() => server.close());
    writeFileSync(join(work, 'intake.pub'), exportMinisignPublicKey(server.receiptPublicKey));
    expect((await cli(['--data-dir', dir, 'keys', 'set-intake-key', join(work, 'intake.pub')], { env })).code).toBe(0);
    expect((await cli(['--data-dir', dir, 'outbox', 'set-endpoint', server.url], { env })).code).toBe(0);
    const push = await cli(['--data-dir', dir, 'outbox', 'push', '--json'], { env });
    expect(push.code).toBe(0);
    expect(push.json()).toEqual({
      connectivity: 'online',
      results: [{ uuid: b.uuid, state: 'delivered', errorCode: null, message: null }],
    });
    const usb = join(work, 'usb');
    mkdirSync(usb);
    expect((await cli(['--data-dir', dir, 'outbox', 'export', b.uuid, '--dir', usb], { env })).code).toBe(0);
    execFileSync('sha512sum', ['--quiet', '-c', `${b.uuid}.zip.sha512`], { cwd: usb });
  });

  it('intake serve runs a real intake on 127.0.0.1 and prints its URL', async () => {
    const dir = await base();
    const work = tempDir();
    await cli(['--data-dir', dir, 'keys', 'init'], { env });
    await cli(['--data-dir', dir, 'keys', 'export-public', '--out', join(work, 'base.pub')], { env });
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/cli/index.ts'),
        'intake',
        'serve',
        '--dir',
        join(work, 'in'),
        '--pubkey',
        join(work, 'base.pub'),
        '--json',
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    closers.push(
      () =>
        new Promise<void>((r) => {
          if (child.exitCode !== null) return r();
          child.once('exit', () => r());
          child.kill('SIGTERM');
        }),
    );
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      let errText = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
        if (m) ok(m[1]!);
      });
      child.stderr.on('data', (d: Buffer) => (errText += d.toString()));
      child.once('exit', (code) => fail(new Error(`intake exited ${code}: ${errText}`)));
    });
    expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ service: 'basedesk-intake' });
    await cli(['--data-dir', dir, 'keys', 'set-intake-key', join(work, 'in', 'receipt-key.pub')], { env });
    await cli(['--data-dir', dir, 'outbox', 'set-endpoint', url], { env });
    await cli(['--data-dir', dir, 'package', 'build', '--kind', 'confirmations', '--out', join(work, 'p.zip')], { env });
    const push = await cli(['--data-dir', dir, 'outbox', 'push', '--json'], { env });
    expect(push.json()).toMatchObject({ connectivity: 'online', results: [{ state: 'delivered' }] });
  }, 30_000);
});
