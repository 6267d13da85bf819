import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../../src/core/crypto/age';
import { buildKindPackage } from '../../../src/core/outbox/build';
import { ensureSigningKey, unlockSigningKey } from '../../../src/core/outbox/keys';
import { verifyReceived } from '../../../src/core/outbox/received';
import { err, ok, tempDir } from '../../helpers/core';
import { patchFile, writeZip } from './package/fixtures';
import { outboxBase, outboxFile } from './helpers';
import { ADMIN_ACTOR } from '../../helpers/actor';

const b64 = (path: string): string => readFileSync(path).toString('base64');

/** Another base (its own key) that sends us packages. */
async function sender() {
  const { core, session } = await outboxBase({ applicants: 3 });
  const item = await ok(core, session, 'package.build', { kind: 'confirmations' });
  const pub = await ok(core, session, 'keys.exportPublic');
  return { core, session, item, pub, file: outboxFile(core, item.fileName) };
}

describe('verifying received packages', () => {
  it('accepts a package signed by a pinned key, records it, and treats the same bytes again as a duplicate', async () => {
    const from = await sender();
    const { core, session } = await outboxBase({ applicants: 1 });
    const input = { fileName: from.item.fileName, contentBase64: b64(from.file), pubkey: from.pub.text };
    const v = await ok(core, session, 'package.verify', input);
    expect(v).toMatchObject({
      ok: true,
      uuid: from.item.uuid,
      kind: 'confirmations',
      duplicate: false,
      recorded: true,
      recordCounts: { applicants: 3 },
    });
    const again = await ok(core, session, 'package.verify', input);
    expect(again).toMatchObject({ ok: true, duplicate: true, recorded: false });
    const accepted = await core.db.selectFrom('accepted_packages').selectAll().execute();
    expect(accepted).toEqual([expect.objectContaining({ uuid: from.item.uuid, sha512: from.item.sha512, accepted_by: 'admin' })]);
  });

  it('the same uuid with different bytes is a replay: PKG_REPLAY_DIFFERENT', async () => {
    const from = await sender();
    const { core, session } = await outboxBase({ applicants: 1 });
    await ok(core, session, 'package.verify', { fileName: 'a.zip', contentBase64: b64(from.file), pubkey: from.pub.text });
    const key = await unlockSigningKey(from.core, await ensureSigningKey(from.core, ADMIN_ACTOR));
    const other = join(tempDir(), 'other.zip');
    await buildKindPackage(from.core, key, {
      kind: 'confirmations',
      uuid: from.item.uuid,
      sequence: 99,
      baggingDate: from.item.baggingDate,
      outPath: other,
    });
    const v = await ok(core, session, 'package.verify', {
      fileName: 'other.zip',
      contentBase64: b64(other),
      pubkey: from.pub.text,
    });
    expect(v).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'PKG_REPLAY_DIFFERENT' })] });
  });

  it('an unknown key fails with SIG_UNKNOWN_KEY until the sender is trusted', async () => {
    const from = await sender();
    const { core, session } = await outboxBase({ applicants: 1 });
    await ok(core, session, 'keys.init');
    const input = { fileName: 'p.zip', contentBase64: b64(from.file) };
    expect(await ok(core, session, 'package.verify', input)).toMatchObject({ ok: false, errors: [{ code: 'SIG_UNKNOWN_KEY' }] });
    await ok(core, session, 'keys.trust', { publicKey: from.pub.text, label: '另一基地' });
    expect(await ok(core, session, 'package.verify', input)).toMatchObject({ ok: true });
  });

  it('bad input gets a coded error naming the file: traversal, truncation, wrong identity, not a zip', async () => {
    const from = await sender();
    const { core, session } = await outboxBase({ applicants: 1 });
    const dir = tempDir();
    const evil = join(dir, 'evil.zip');
    await writeZip(evil, [{ name: 'data/aa.json', data: Buffer.from('[]') }]);
    expect(await patchFile(evil, 'data/aa.json', '../../a.json')).toBe(2);
    const check = async (path: string, extra: Record<string, string> = {}) =>
      ok(core, session, 'package.verify', { fileName: 'x.zip', contentBase64: b64(path), pubkey: from.pub.text, ...extra });
    expect(await check(evil)).toMatchObject({ ok: false, errors: [{ code: 'PKG_UNSAFE_PATH', file: '../../a.json' }] });

    const truncated = join(dir, 'truncated.zip');
    const whole = readFileSync(from.file);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(((await check(truncated)) as { errors: Array<{ code: string }> }).errors[0]!.code).toMatch(
      /^PKG_(TRUNCATED|NOT_ZIP|CORRUPT)$/,
    );

    const html = join(dir, 'page.zip');
    writeFileSync(html, '<html>not a package</html>');
    expect(await check(html)).toMatchObject({ ok: false, errors: [{ code: 'PKG_NOT_ZIP' }] });

    const province = await generateAgeIdentity();
    const wrong = await generateAgeIdentity();
    await ok(from.core, from.session, 'keys.setRecipient', { recipient: province.recipient });
    const enc = await ok(from.core, from.session, 'package.build', { kind: 'confirmations', encryptToProvince: true });
    const encFile = outboxFile(from.core, enc.fileName);
    expect(await check(encFile)).toMatchObject({ ok: false, errors: [{ code: 'PKG_ENCRYPTED_NO_IDENTITY' }] });
    expect(await check(encFile, { identity: wrong.identity })).toMatchObject({
      ok: false,
      errors: [{ code: 'PKG_DECRYPT_FAILED' }],
    });
    expect(await check(encFile, { identity: province.identity })).toMatchObject({ ok: true, encrypted: true });
    expect((await err(core, session, 'package.verify', { fileName: 'x', contentBase64: '%%%' })).code).toBe(
      'FILE_TRANSFER_CORRUPT',
    );
  });

  it('verifyReceived works on a path (no copy) and can skip recording', async () => {
    const from = await sender();
    const { core } = await outboxBase({ applicants: 1 });
    const v = await verifyReceived(core, 'admin', {
      filePath: from.file,
      fileName: 'p.zip',
      pubkey: from.pub.text,
      record: false,
    });
    expect(v).toMatchObject({ ok: true, recorded: false });
    expect(await core.db.selectFrom('accepted_packages').selectAll().execute()).toEqual([]);
  });
});
