import { copyFile, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SigningKey } from '../../../../src/core/crypto/signing-key';
import type { BuiltPackage } from '../../../../src/core/outbox/package/build';
import { verifyPackage, type VerifyResult } from '../../../../src/core/outbox/package/verify';
import {
  buildSample,
  fixedKey,
  flipByteAt,
  patchFile,
  readZip,
  resign,
  rewriteZip,
  sha512,
  tempDir,
  UUID_B,
  type ZipItem,
} from './fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let built: BuiltPackage;
let key: SigningKey;
let tampered: string;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ built, key } = await buildSample(dir));
  tampered = join(dir, 'tampered.zip');
  await copyFile(built.filePath, tampered);
});
afterEach(async () => cleanup());

const verify = (path = tampered, extra: Partial<Parameters<typeof verifyPackage>[1]> = {}): Promise<VerifyResult> =>
  verifyPackage(path, { trustedKeys: [key], ...extra });

function expectFailure(r: VerifyResult, code: string, file?: string): void {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  if (r.ok) return;
  expect(r.errors[0]).toMatchObject(file === undefined ? { code } : { code, file });
  // Messages are for people, in Chinese.
  for (const e of r.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
}

const edit = (fn: (items: ZipItem[]) => ZipItem[]): Promise<void> => rewriteZip(built.filePath, tampered, fn);
const replaceData = (name: string, data: string | Buffer) => (items: ZipItem[]) =>
  items.map((i) => (i.name === name ? { ...i, data: Buffer.isBuffer(data) ? data : Buffer.from(data) } : i));

describe('verifyPackage: the untouched package', () => {
  it('passes', async () => {
    expect(await verify(built.filePath)).toMatchObject({ ok: true });
  });
});

describe('verifyPackage: tampering (each fails with the right code and file)', () => {
  it('one byte flipped in a payload file -> BAG_PAYLOAD_DIGEST', async () => {
    await flipByteAt(tampered, '"applicantNo":"T00003"', 17);
    expectFailure(await verify(), 'BAG_PAYLOAD_DIGEST', 'data/applicants.json');
  });

  it('one byte flipped in a streamed attachment -> BAG_PAYLOAD_DIGEST', async () => {
    await flipByteAt(tampered, '%PDF-1.4 fake scan', 3);
    expectFailure(await verify(), 'BAG_PAYLOAD_DIGEST', 'data/attachments/0a1b2c.pdf');
  });

  it('one byte flipped in bag-info.txt -> BAG_TAG_DIGEST', async () => {
    await flipByteAt(tampered, 'Cohort-Year: 2025', 16);
    expectFailure(await verify(), 'BAG_TAG_DIGEST', 'bag-info.txt');
  });

  it('one byte flipped in manifest-sha512.txt -> BAG_TAG_DIGEST', async () => {
    const json = (await readZip(built.filePath)).find((i) => i.name === 'data/applicants.json')!.data;
    await flipByteAt(tampered, `${sha512(json)}  data/applicants.json`, 10);
    expectFailure(await verify(), 'BAG_TAG_DIGEST', 'manifest-sha512.txt');
  });

  it('one byte flipped in the signature -> SIG_INVALID', async () => {
    const sigText = (await readZip(built.filePath)).find((i) => i.name === 'tagmanifest-sha512.txt.minisig')!.data.toString();
    const line = sigText.split('\n')[1]!;
    const raw = Buffer.from(line, 'base64');
    raw[30] = raw[30]! ^ 0x01; // inside the 64-byte Ed25519 signature
    expect(await patchFile(tampered, line, raw.toString('base64'))).toBe(1);
    expectFailure(await verify(), 'SIG_INVALID', 'tagmanifest-sha512.txt.minisig');
  });

  it('one byte flipped in the global signature -> SIG_INVALID', async () => {
    const line = (await readZip(built.filePath))
      .find((i) => i.name.endsWith('.minisig'))!
      .data.toString()
      .split('\n')[3]!;
    const raw = Buffer.from(line, 'base64');
    raw[5] = raw[5]! ^ 0x80;
    await patchFile(tampered, line, raw.toString('base64'));
    expectFailure(await verify(), 'SIG_INVALID', 'tagmanifest-sha512.txt.minisig');
  });

  it('the trusted comment edited -> SIG_INVALID', async () => {
    expect(await patchFile(tampered, 'kind:enrolment seq:7', 'kind:enrolment seq:8')).toBe(1);
    expectFailure(await verify(), 'SIG_INVALID', 'tagmanifest-sha512.txt.minisig');
  });

  it('the key id in the signature changed -> SIG_UNKNOWN_KEY', async () => {
    const line = (await readZip(built.filePath))
      .find((i) => i.name.endsWith('.minisig'))!
      .data.toString()
      .split('\n')[1]!;
    const raw = Buffer.from(line, 'base64');
    raw[3] = raw[3]! ^ 0x01; // key id bytes are 2..9
    await patchFile(tampered, line, raw.toString('base64'));
    expectFailure(await verify(), 'SIG_UNKNOWN_KEY', 'tagmanifest-sha512.txt.minisig');
  });

  it('a file added to data/ -> BAG_PAYLOAD_NOT_IN_MANIFEST', async () => {
    await edit((items) => [...items, { name: 'data/extra.txt', data: Buffer.from('added later') }]);
    expectFailure(await verify(), 'BAG_PAYLOAD_NOT_IN_MANIFEST', 'data/extra.txt');
  });

  it('a tag file added at the root -> BAG_TAG_NOT_COVERED', async () => {
    await edit((items) => [...items, { name: 'notes.txt', data: Buffer.from('unsigned note') }]);
    expectFailure(await verify(), 'BAG_TAG_NOT_COVERED', 'notes.txt');
  });

  it('a payload file renamed -> BAG_PAYLOAD_MISSING (and the new name not in the manifest)', async () => {
    await edit((items) =>
      items.map((i) => (i.name === 'data/attachments/0a1b2c.pdf' ? { ...i, name: 'data/attachments/0a1b2d.pdf' } : i)),
    );
    const r = await verify();
    expectFailure(r, 'BAG_PAYLOAD_MISSING', 'data/attachments/0a1b2c.pdf');
    expect(!r.ok && r.errors).toContainEqual(
      expect.objectContaining({ code: 'BAG_PAYLOAD_NOT_IN_MANIFEST', file: 'data/attachments/0a1b2d.pdf' }),
    );
  });

  it('the records file renamed -> BAG_PAYLOAD_MISSING', async () => {
    await edit((items) => items.map((i) => (i.name === 'data/interviews.json' ? { ...i, name: 'data/interview5.json' } : i)));
    expectFailure(await verify(), 'BAG_PAYLOAD_MISSING', 'data/interviews.json');
  });

  it('a payload file deleted -> BAG_PAYLOAD_MISSING', async () => {
    await edit((items) => items.filter((i) => i.name !== 'data/forms/T00001.html'));
    expectFailure(await verify(), 'BAG_PAYLOAD_MISSING', 'data/forms/T00001.html');
  });

  it('signed by a key that is not pinned -> SIG_UNKNOWN_KEY', async () => {
    expectFailure(
      await verify(built.filePath, { trustedKeys: [fixedKey(9)] }),
      'SIG_UNKNOWN_KEY',
      'tagmanifest-sha512.txt.minisig',
    );
    expectFailure(await verify(built.filePath, { trustedKeys: [] }), 'SIG_UNKNOWN_KEY');
  });

  it('payload, manifest and tag manifest all rewritten consistently, signature left -> SIG_INVALID', async () => {
    await edit((items) => {
      const forged = Buffer.from('<p>forged</p>');
      let out = replaceData('data/forms/T00001.html', forged)(items);
      const manifest = out.find((i) => i.name === 'manifest-sha512.txt')!.data.toString();
      const old = sha512(items.find((i) => i.name === 'data/forms/T00001.html')!.data);
      out = replaceData('manifest-sha512.txt', manifest.replace(old, sha512(forged)))(out);
      const bagInfo = out.find((i) => i.name === 'bag-info.txt')!.data.toString();
      const oxum = /Payload-Oxum: (\d+)\.(\d+)/.exec(bagInfo)!;
      const octets = Number(oxum[1]) - items.find((i) => i.name === 'data/forms/T00001.html')!.data.length + forged.length;
      out = replaceData('bag-info.txt', bagInfo.replace(oxum[0], `Payload-Oxum: ${octets}.${oxum[2]}`))(out);
      const attacker = resign(out, fixedKey(5));
      // Keep the original signature: only the tag manifest is recomputed.
      return attacker.map((i) => (i.name.endsWith('.minisig') ? items.find((o) => o.name === i.name)! : i));
    });
    expectFailure(await verify(), 'SIG_INVALID', 'tagmanifest-sha512.txt.minisig');
  });

  it('a consistent forgery signed by another key -> SIG_UNKNOWN_KEY', async () => {
    await edit((items) =>
      resign(
        replaceData(
          'bag-info.txt',
          items
            .find((i) => i.name === 'bag-info.txt')!
            .data.toString()
            .replace('测试住培基地', '冒充基地'),
        )(items),
        fixedKey(5),
      ),
    );
    expectFailure(await verify(), 'SIG_UNKNOWN_KEY', 'tagmanifest-sha512.txt.minisig');
  });
});

describe('verifyPackage: unsafe archives', () => {
  async function withEntry(placeholder: string, actual: string, extra: Partial<ZipItem> = {}): Promise<void> {
    await edit((items) => [...items, { name: placeholder, data: Buffer.from('evil'), ...extra }]);
    if (placeholder !== actual) expect(await patchFile(tampered, placeholder, actual)).toBe(2); // local + central header
  }

  it('a ../evil entry -> PKG_UNSAFE_PATH', async () => {
    await withEntry('zz/evil', '../evil');
    expectFailure(await verify(), 'PKG_UNSAFE_PATH', '../evil');
  });

  it('a nested data/../../evil entry -> PKG_UNSAFE_PATH', async () => {
    await withEntry('data/zz/zz/evil', 'data/../../evil');
    expectFailure(await verify(), 'PKG_UNSAFE_PATH', 'data/../../evil');
  });

  it('an absolute path -> PKG_UNSAFE_PATH', async () => {
    await withEntry('zetc/cron.d/x', '/etc/cron.d/x');
    expectFailure(await verify(), 'PKG_UNSAFE_PATH', '/etc/cron.d/x');
  });

  it('a backslash path -> PKG_UNSAFE_PATH', async () => {
    await withEntry('data/zz/evil.txt', 'data\\..\\evil.txt');
    expectFailure(await verify(), 'PKG_UNSAFE_PATH', 'data\\..\\evil.txt');
  });

  it('a drive letter -> PKG_UNSAFE_PATH', async () => {
    await withEntry('Cz/Windows/evil', 'C:/Windows/evil');
    expectFailure(await verify(), 'PKG_UNSAFE_PATH', 'C:/Windows/evil');
  });

  it('a symlink entry (from its external attributes) -> PKG_LINK', async () => {
    await withEntry('data/link', 'data/link', { mode: 0o120777, data: Buffer.from('/etc/passwd') });
    expectFailure(await verify(), 'PKG_LINK', 'data/link');
  });

  it('a duplicate entry name -> PKG_DUPLICATE_ENTRY', async () => {
    await edit((items) => [...items, { name: 'data/applicants.json', data: Buffer.from('[]') }]);
    expectFailure(await verify(), 'PKG_DUPLICATE_ENTRY', 'data/applicants.json');
  });

  it('names differing only in case -> PKG_DUPLICATE_ENTRY', async () => {
    await edit((items) => [...items, { name: 'data/Applicants.json', data: Buffer.from('[]') }]);
    expectFailure(await verify(), 'PKG_DUPLICATE_ENTRY', 'data/Applicants.json');
  });

  it('a local header name that differs from the central directory -> PKG_UNSAFE_PATH', async () => {
    expect(await patchFile(tampered, 'data/forms/T00001.html', 'data/forms/T00002.html', tampered, true)).toBe(1);
    expectFailure(await verify(), 'PKG_UNSAFE_PATH', 'data/forms/T00001.html');
  });

  it('a truncated file -> PKG_TRUNCATED', async () => {
    const size = (await readFile(tampered)).length;
    await truncate(tampered, Math.floor(size / 2));
    expectFailure(await verify(), 'PKG_TRUNCATED', 'tampered.zip');
    await truncate(tampered, size - (size - 40));
    expectFailure(await verify(), 'PKG_TRUNCATED');
  });

  it('not a zip at all -> PKG_NOT_ZIP', async () => {
    await writeFile(tampered, '<html>login</html>');
    expectFailure(await verify(), 'PKG_NOT_ZIP', 'tampered.zip');
    await writeFile(tampered, '');
    expectFailure(await verify(), 'PKG_NOT_ZIP');
    expectFailure(await verify(join(dir, 'nope.zip')), 'PKG_NOT_FOUND');
  });

  it('a highly compressed entry -> PKG_ZIP_BOMB', async () => {
    await edit((items) => [...items, { name: 'data/zeros.bin', data: Buffer.alloc(20 * 1024 * 1024), compress: true }]);
    expectFailure(await verify(), 'PKG_ZIP_BOMB', 'data/zeros.bin');
    expect(deflateRawSync(Buffer.alloc(1024 * 1024)).length).toBeLessThan(10_000); // why the entry above trips the ratio
  });

  it('beyond the configured limits -> PKG_TOO_LARGE', async () => {
    expectFailure(await verify(built.filePath, { limits: { maxPackageBytes: 1000 } }), 'PKG_TOO_LARGE', 'sample.zip');
    expectFailure(await verify(built.filePath, { limits: { maxEntries: 5 } }), 'PKG_TOO_LARGE');
    expectFailure(await verify(built.filePath, { limits: { maxEntryBytes: 2000 } }), 'PKG_TOO_LARGE', 'data/applicants.json');
    expectFailure(await verify(built.filePath, { limits: { maxTotalBytes: 2000 } }), 'PKG_ZIP_BOMB');
  });
});

describe('verifyPackage: bag structure and signature details', () => {
  it('bagit.txt missing -> BAG_MISSING_FILE', async () => {
    await edit((items) => items.filter((i) => i.name !== 'bagit.txt'));
    expectFailure(await verify(), 'BAG_MISSING_FILE', 'bagit.txt');
  });

  it('manifest missing -> BAG_MISSING_FILE', async () => {
    await edit((items) => items.filter((i) => i.name !== 'manifest-sha512.txt'));
    expectFailure(await verify(), 'BAG_MISSING_FILE', 'manifest-sha512.txt');
  });

  it('a wrong BagIt declaration -> BAG_BAD_DECLARATION', async () => {
    await edit(replaceData('bagit.txt', 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n'));
    expectFailure(await verify(), 'BAG_BAD_DECLARATION', 'bagit.txt');
  });

  it('an extra tag file listed in the signed tag manifest is allowed; edited afterwards -> BAG_TAG_DIGEST', async () => {
    await edit((items) =>
      resign([...items, { name: 'notes/readme.txt', data: Buffer.from('signed note') }], key, undefined, ['notes/readme.txt']),
    );
    expect(await verify()).toMatchObject({ ok: true });
    await patchFile(tampered, 'signed note', 'signed nota');
    expectFailure(await verify(), 'BAG_TAG_DIGEST', 'notes/readme.txt');
  });

  it('a wrong Payload-Oxum, even when properly signed -> BAG_OXUM', async () => {
    await edit((items) => {
      const info = items.find((i) => i.name === 'bag-info.txt')!.data.toString();
      return resign(
        replaceData(
          'bag-info.txt',
          info.replace(/Payload-Oxum: (\d+)\./, (_m, n: string) => `Payload-Oxum: ${Number(n) + 1}.`),
        )(items),
        key,
      );
    });
    expectFailure(await verify(), 'BAG_OXUM', 'bag-info.txt');
  });

  it('bag-info.txt without BaseDesk labels, properly signed -> BAG_INFO_INVALID', async () => {
    await edit((items) => {
      const info = items.find((i) => i.name === 'bag-info.txt')!.data.toString();
      return resign(replaceData('bag-info.txt', info.replace(/Base-Code: .*\n/, ''))(items), key);
    });
    expectFailure(await verify(), 'BAG_INFO_INVALID', 'bag-info.txt');
  });

  it('the signature missing -> SIG_MISSING', async () => {
    await edit((items) => items.filter((i) => !i.name.endsWith('.minisig')));
    expectFailure(await verify(), 'SIG_MISSING', 'tagmanifest-sha512.txt.minisig');
  });

  it('the signature unreadable -> SIG_FORMAT', async () => {
    await edit(replaceData('tagmanifest-sha512.txt.minisig', 'not a signature'));
    expectFailure(await verify(), 'SIG_FORMAT', 'tagmanifest-sha512.txt.minisig');
  });

  it('a valid signature whose trusted comment names another package -> SIG_MISMATCH_UUID', async () => {
    await edit((items) => resign(items, key, `timestamp:1751328000 uuid:${UUID_B} base:GD-0102 kind:enrolment seq:7`));
    expectFailure(await verify(), 'SIG_MISMATCH_UUID', 'tagmanifest-sha512.txt.minisig');
  });

  it('a valid signature whose trusted comment names another base -> SIG_MISMATCH_BAGINFO', async () => {
    await edit((items) => resign(items, key, `timestamp:1751328000 uuid:${built.uuid} base:GD-9999 kind:enrolment seq:7`));
    expectFailure(await verify(), 'SIG_MISMATCH_BAGINFO', 'tagmanifest-sha512.txt.minisig');
  });
});

describe('verifyPackage: replay', () => {
  it('the same uuid accepted before with other bytes -> PKG_REPLAY_DIFFERENT', async () => {
    const r = await verify(built.filePath, { acceptedPackages: (uuid) => (uuid === built.uuid ? 'ab'.repeat(64) : null) });
    expectFailure(r, 'PKG_REPLAY_DIFFERENT', 'bag-info.txt');
  });

  it('an identical re-submission passes, flagged as duplicate', async () => {
    const r = await verify(built.filePath, { acceptedPackages: async () => built.sha512 });
    expect(r).toMatchObject({ ok: true, duplicate: true });
    expect(await verify(built.filePath, { acceptedPackages: () => null })).toMatchObject({ ok: true, duplicate: false });
  });
});
