import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportMinisignPublicKey, keyFingerprint } from '../../../../src/core/crypto/signing-key';
import { buildPackage } from '../../../../src/core/outbox/package/build';
import { BAGIT_TXT } from '../../../../src/core/outbox/package/bagit';
import { verifyPackage } from '../../../../src/core/outbox/package/verify';
import { buildSample, fakeApplicants, fixedKey, readZip, sha512, tempDir, UUID_A } from './fixtures';

const run = promisify(execFile);

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

describe('buildPackage: layout', () => {
  it('writes a BagIt 1.0 bag with sorted entries, fixed timestamps and a signature', async () => {
    const { built } = await buildSample(dir);
    const items = await readZip(built.filePath);
    expect(items.map((i) => i.name)).toEqual([
      'bag-info.txt',
      'bagit.txt',
      'data/applicants.json',
      'data/applicants.xlsx',
      'data/attachments/0a1b2c.pdf',
      'data/forms/T00001.html',
      'data/interviews.json',
      'manifest-sha512.txt',
      'tagmanifest-sha512.txt',
      'tagmanifest-sha512.txt.minisig',
    ]);
    // Every entry: the bagging date (2025-07-01) at 00:00 in DOS format, mode 0644.
    for (const i of items) {
      expect(i.dosDate).toBe(((2025 - 1980) << 9) | (7 << 5) | 1);
      expect(i.dosTime).toBe(0);
      expect(i.mode).toBe(0o100644);
    }
    const byName = new Map(items.map((i) => [i.name, i.data.toString('utf8')]));
    expect(byName.get('bagit.txt')).toBe(BAGIT_TXT);
    const info = byName.get('bag-info.txt')!;
    expect(info).toContain('Source-Organization: 测试住培基地\n');
    expect(info).toContain(`External-Identifier: ${UUID_A}\n`);
    expect(info).toContain(
      'Base-Code: GD-0102\nPackage-Kind: enrolment\nCohort-Year: 2025\nSchema-Version: 1\nSequence-Number: 7\n',
    );
    expect(info).toContain('Record-Count: applicants=20\nRecord-Count: interviews=1\n');
    expect(info).toContain('Bagging-Date: 2025-07-01\n');
    const payload = items.filter((i) => i.name.startsWith('data/'));
    const octets = payload.reduce((n, i) => n + i.data.length, 0);
    expect(info).toContain(`Payload-Oxum: ${octets}.${payload.length}\n`);
    // Every payload file listed with its SHA-512, nothing else.
    const manifest = byName.get('manifest-sha512.txt')!;
    expect(manifest.trim().split('\n')).toHaveLength(payload.length);
    for (const p of payload) expect(manifest).toContain(`${sha512(p.data)}  ${p.name}\n`);
    const tagManifest = byName.get('tagmanifest-sha512.txt')!;
    expect(
      tagManifest
        .trim()
        .split('\n')
        .map((l) => l.split('  ')[1]),
    ).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha512.txt']);
    expect(byName.get('data/applicants.json')!.startsWith('[{"applicantNo":"T00001","confirmed":')).toBe(true);
    expect(built.payloadFiles).toBe(payload.length);
    expect(built.payloadBytes).toBe(octets);
    expect(built.sha512).toBe(sha512(await readFile(built.filePath)));
    expect(built.sha512).toBe(built.bagSha512);
  });

  it('verifies with the pinned key and reports what the bag says', async () => {
    const { built, key } = await buildSample(dir);
    const r = await verifyPackage(built.filePath, { trustedKeys: [key] });
    expect(r).toMatchObject({
      ok: true,
      uuid: UUID_A,
      baseCode: 'GD-0102',
      kind: 'enrolment',
      sequence: 7,
      sha512: built.sha512,
      files: built.payloadFiles,
      bytes: built.payloadBytes,
      recordCounts: { applicants: 20, interviews: 1 },
      keyFingerprint: keyFingerprint(key),
      encrypted: false,
      duplicate: false,
    });
  });

  it('percent-encodes CR, LF and % in manifest paths and reads them back', async () => {
    const odd = ['data/forms/a%b.html', 'data/forms/line\nbreak.html', 'data/forms/cr\rname.html'];
    const { built, key } = await buildSample(dir, {
      payload: odd.map((path) => ({ path, bytes: Buffer.from(path) })),
    });
    const manifest = (await readZip(built.filePath)).find((i) => i.name === 'manifest-sha512.txt')!.data.toString();
    expect(manifest).toContain('  data/forms/a%25b.html\n');
    expect(manifest).toContain('  data/forms/line%0Abreak.html\n');
    expect(manifest).toContain('  data/forms/cr%0Dname.html\n');
    expect(await verifyPackage(built.filePath, { trustedKeys: [key] })).toMatchObject({ ok: true, files: 5 });
  });

  it('refuses unsafe or clashing payload paths before writing anything', async () => {
    for (const path of ['../x.json', 'data/../x', '/data/x', 'data\\x', 'C:/data/x', 'notes.txt', 'data//x']) {
      await expect(buildSample(dir, { payload: [{ path, bytes: Buffer.from('x') }] })).rejects.toMatchObject({
        code: 'PKG_INPUT_INVALID',
      });
    }
    await expect(
      buildSample(dir, { payload: [{ path: 'data/applicants.json', bytes: Buffer.from('[]') }] }),
    ).rejects.toMatchObject({ code: 'PKG_INPUT_INVALID' });
    await expect(
      buildSample(dir, {
        payload: [
          { path: 'data/A.pdf', bytes: Buffer.from('1') },
          { path: 'data/a.pdf', bytes: Buffer.from('2') },
        ],
      }),
    ).rejects.toMatchObject({ code: 'PKG_INPUT_INVALID' });
    await expect(
      buildSample(dir, { payload: [{ path: 'data/x.pdf', filePath: join(dir, 'missing.pdf') }] }),
    ).rejects.toMatchObject({
      code: 'PKG_ATTACHMENT_MISSING',
    });
    await expect(buildSample(dir, { uuid: 'not-a-uuid' })).rejects.toMatchObject({ code: 'PKG_INPUT_INVALID' });
    await expect(buildSample(dir, { baggingDate: '2025-02-30' })).rejects.toMatchObject({ code: 'PKG_INPUT_INVALID' });
    await expect(buildSample(dir, { records: { Applicants: [] } })).rejects.toMatchObject({ code: 'PKG_INPUT_INVALID' });
    await expect(buildSample(dir, { records: { applicants: [{ at: new Date(0) }] } })).rejects.toMatchObject({
      code: 'JSON_NOT_CANONICAL',
    });
  });
});

describe('buildPackage: reproducible', () => {
  it('builds byte-identical packages from the same inputs', async () => {
    const a = await buildSample(dir, {}, 'a.zip');
    const b = await buildSample(dir, {}, 'b.zip');
    expect(b.built.sha512).toBe(a.built.sha512);
    expect((await readFile(b.built.filePath)).equals(await readFile(a.built.filePath))).toBe(true);
  });

  it('does not depend on the time zone, key insertion order or payload order', async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      const a = await buildSample(dir, {}, 'tz1.zip');
      process.env.TZ = 'America/Los_Angeles';
      const records = {
        interviews: [{ score: 8.5, station: 1, applicantNo: 'T00001' }],
        applicants: fakeApplicants(20).map((r) => Object.fromEntries(Object.entries(r).reverse())),
      };
      const b = await buildSample(dir, { records, payload: [...a.input.payload!].reverse() }, 'tz2.zip');
      expect(b.built.sha512).toBe(a.built.sha512);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('changes when the data, sequence or key changes', async () => {
    const a = await buildSample(dir, {}, 'a.zip');
    const b = await buildSample(dir, { sequence: 8 }, 'b.zip');
    const c = await buildSample(dir, { signingKey: fixedKey(2) }, 'c.zip');
    expect(new Set([a.built.sha512, b.built.sha512, c.built.sha512]).size).toBe(3);
  });

  it('with deflate, text entries are compressed and the build stays reproducible', async () => {
    const a = await buildSample(dir, { compression: 'deflate', records: { applicants: fakeApplicants(500) } }, 'd1.zip');
    const b = await buildSample(dir, { compression: 'deflate', records: { applicants: fakeApplicants(500) } }, 'd2.zip');
    const s = await buildSample(dir, { records: { applicants: fakeApplicants(500) } }, 's.zip');
    expect(a.built.sha512).toBe(b.built.sha512);
    expect(a.built.bytes).toBeLessThan(s.built.bytes);
    expect(await verifyPackage(a.built.filePath, { trustedKeys: [a.key] })).toMatchObject({ ok: true });
  });

  it('leaves no partial file behind when an attachment disappears', async () => {
    await expect(
      buildPackage({
        ...(await buildSample(dir)).input,
        outPath: join(dir, 'x.zip'),
        payload: [{ path: 'data/a.pdf', filePath: join(dir, 'nope') }],
      }),
    ).rejects.toMatchObject({ code: 'PKG_ATTACHMENT_MISSING' });
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dir)).filter((f) => f.includes('x.zip'))).toEqual([]);
  });
});

describe('minisign interoperability', () => {
  it('the standard minisign verifies our signature with our public key file', async () => {
    const { built, key } = await buildSample(dir);
    const items = await readZip(built.filePath);
    const out = join(dir, 'x');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(out);
    for (const name of ['tagmanifest-sha512.txt', 'tagmanifest-sha512.txt.minisig']) {
      await writeFile(join(out, name), items.find((i) => i.name === name)!.data);
    }
    await writeFile(join(out, 'base.pub'), exportMinisignPublicKey(key));
    const { stdout } = await run('/usr/bin/minisign', [
      '-Vm',
      join(out, 'tagmanifest-sha512.txt'),
      '-p',
      join(out, 'base.pub'),
      '-x',
      join(out, 'tagmanifest-sha512.txt.minisig'),
    ]);
    expect(stdout).toContain('Signature and comment signature verified');
    expect(stdout).toContain(`Trusted comment: timestamp:1751328000 uuid:${UUID_A} base:GD-0102 kind:enrolment seq:7`);

    // And it refuses a modified tag manifest.
    await writeFile(
      join(out, 'tagmanifest-sha512.txt'),
      items.find((i) => i.name === 'tagmanifest-sha512.txt')!.data.toString() + '\n',
    );
    await expect(
      run('/usr/bin/minisign', [
        '-Vm',
        join(out, 'tagmanifest-sha512.txt'),
        '-p',
        join(out, 'base.pub'),
        '-x',
        join(out, 'tagmanifest-sha512.txt.minisig'),
      ]),
    ).rejects.toThrow();
  });
});
