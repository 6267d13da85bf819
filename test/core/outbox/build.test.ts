import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../../src/core/crypto/age';
import { exportMinisignPublicKey } from '../../../src/core/crypto/signing-key';
import { buildKindPackage } from '../../../src/core/outbox/build';
import { ensureSigningKey, unlockSigningKey } from '../../../src/core/outbox/keys';
import { verifyPackage } from '../../../src/core/outbox/package';
import { ZipReader } from '../../../src/core/outbox/package/zip-read';
import { err, ok, tempDir } from '../../helpers/core';
import { activePublicKey, outboxBase, outboxFile, sha512Hex } from './helpers';
import { ADMIN_ACTOR } from '../../helpers/actor';

describe('package.build', () => {
  it('builds a signed confirmations package into the outbox and queues it', async () => {
    const { core, session } = await outboxBase({ applicants: 6, attachmentBytes: [2048, 4096] });
    const item = await ok(core, session, 'package.build', { kind: 'confirmations' });
    expect(item).toMatchObject({ kind: 'confirmations', state: 'queued', sequence: 1, encrypted: false, attempts: 0 });
    expect(item.recordCounts).toEqual({ applicants: 6, attachments: 2 });
    expect(item.history).toEqual([expect.objectContaining({ from: null, to: 'queued' })]);
    const file = outboxFile(core, item.fileName);
    expect(item.fileName).toBe(`${item.uuid}.zip`);
    expect(sha512Hex(readFileSync(file))).toBe(item.sha512);

    const v = await verifyPackage(file, { trustedKeys: [await activePublicKey(core)] });
    expect(v).toMatchObject({
      ok: true,
      uuid: item.uuid,
      kind: 'confirmations',
      baseCode: 'JL001',
      sequence: 1,
      schemaVersion: 1,
    });
    // records, xlsx, html form, two attachments
    expect(item.payloadFiles).toBe(6);

    const second = await ok(core, session, 'package.build', { kind: 'confirmations' });
    expect(second.sequence).toBe(2);
    const events = await core.db.selectFrom('events').select('action').where('action', 'like', 'package.%').execute();
    expect(events.map((e) => e.action)).toEqual(['package.build', 'package.build']);
    expect((await ok(core, session, 'outbox.list')).map((i) => i.uuid)).toEqual([second.uuid, item.uuid]);
  });

  it('puts full ID numbers inside the package only, with the decision of each applicant', async () => {
    const { core, session, ids } = await outboxBase({ applicants: 3 });
    const item = await ok(core, session, 'package.build', { kind: 'confirmations' });
    const zip = await ZipReader.open(outboxFile(core, item.fileName));
    try {
      const entries = await zip.entries();
      const entry = entries.find((e) => e.name === 'data/applicants.json')!;
      const applicants = JSON.parse((await zip.readAll(entry, 1e8)).toString('utf8')) as Array<{
        idNumber: string;
        confirmation: { status: string; reason: string | null };
      }>;
      expect(applicants.map((a) => a.idNumber).sort()).toEqual([...ids].sort());
      const returned = applicants.find((a) => a.idNumber === ids[2])!;
      expect(returned.confirmation).toMatchObject({ status: 'returned', reason: '缺少学位证原件' });
      expect(entries.map((e) => e.name)).toEqual(
        expect.arrayContaining(['data/confirmations.xlsx', 'data/forms/confirmations.html', 'tagmanifest-sha512.txt.minisig']),
      );
    } finally {
      zip.close();
    }
    // The list the UI shows never carries ID numbers.
    expect(JSON.stringify(await ok(core, session, 'outbox.list'))).not.toContain(ids[0]!);
  });

  it('is reproducible: the same uuid, sequence and date give byte-identical packages', async () => {
    const { core } = await outboxBase({ applicants: 4, attachmentBytes: [1000] });
    const key = await unlockSigningKey(core, await ensureSigningKey(core, ADMIN_ACTOR));
    const dir = tempDir();
    const spec = {
      kind: 'confirmations' as const,
      uuid: '01937a7e-1111-7222-8333-444455556666',
      sequence: 7,
      baggingDate: '2025-07-01',
    };
    const a = await buildKindPackage(core, key, { ...spec, outPath: join(dir, 'a.zip') });
    const b = await buildKindPackage(core, key, { ...spec, outPath: join(dir, 'b.zip') });
    expect(a.sha512).toBe(b.sha512);
    expect(readFileSync(join(dir, 'a.zip')).equals(readFileSync(join(dir, 'b.zip')))).toBe(true);
    const c = await buildKindPackage(core, key, { ...spec, sequence: 8, outPath: join(dir, 'c.zip') });
    expect(c.sha512).not.toBe(a.sha512);
  });

  it('once the provincial key is imported, packages are encrypted to it by default; in clear only when asked', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    expect(await ok(core, session, 'package.build', { kind: 'confirmations' })).toMatchObject({ encrypted: false });
    const province = await generateAgeIdentity();
    await ok(core, session, 'keys.setRecipient', { recipient: province.recipient });
    const byDefault = await ok(core, session, 'package.build', { kind: 'confirmations' });
    expect(byDefault).toMatchObject({ encrypted: true, fileName: `${byDefault.uuid}.zip.age` });
    const plain = await ok(core, session, 'package.build', { kind: 'confirmations', encryptToProvince: false });
    expect(plain).toMatchObject({ encrypted: false, fileName: `${plain.uuid}.zip` });
  });

  it('encrypts to the imported provincial recipient; only the province identity opens it', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    const province = await generateAgeIdentity();
    await ok(core, session, 'keys.setRecipient', { recipient: `# 省卫健委科教处\n${province.recipient}\n` });
    const item = await ok(core, session, 'package.build', { kind: 'confirmations', encryptToProvince: true });
    expect(item).toMatchObject({ encrypted: true, fileName: `${item.uuid}.zip.age` });
    const file = outboxFile(core, item.fileName);
    expect(readFileSync(file).subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
    const trustedKeys = [await activePublicKey(core)];
    expect(await verifyPackage(file, { trustedKeys })).toMatchObject({
      ok: false,
      errors: [{ code: 'PKG_ENCRYPTED_NO_IDENTITY' }],
    });
    expect(await verifyPackage(file, { trustedKeys, identities: [province.identity] })).toMatchObject({
      ok: true,
      encrypted: true,
    });
    expect((await err(core, session, 'package.build', { kind: 'confirmations', encryptTo: 'age1notakey' })).code).toBe(
      'AGE_RECIPIENT_INVALID',
    );
  });

  it('refuses kinds without data with a coded error and leaves the outbox untouched', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    expect((await err(core, session, 'package.build', { kind: 'scores' })).code).toBe('PKG_EMPTY');
    expect((await err(core, session, 'package.build', { kind: 'admissions' })).code).toBe('PKG_EMPTY');
    expect((await err(core, session, 'package.build', { kind: 'rotations' })).code).toBe('INVALID_INPUT');
    expect(await ok(core, session, 'outbox.list')).toEqual([]);
    const kinds = await ok(core, session, 'package.kinds');
    expect(kinds.map((k) => [k.kind, k.ready])).toEqual([
      ['confirmations', true],
      ['scores', true],
      ['admissions', true],
      ['rotation-plans', true],
      ['exam-registrations', true],
    ]);
  });

  it('is reported not ready when a feature table is missing (PKG_KIND_NOT_READY)', async () => {
    const { core, session } = await outboxBase({ applicants: 1 });
    await core.raw.exec('DROP TABLE ranking_overrides; ALTER TABLE component_scores RENAME TO component_scores_gone');
    const e = await err(core, session, 'package.build', { kind: 'scores' });
    expect(e.code).toBe('PKG_KIND_NOT_READY');
    expect(e.details).toMatchObject({ missing: ['component_scores'] });
  });

  it('signs so that the standard minisign tool verifies the tag manifest with the exported public key', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    const item = await ok(core, session, 'package.build', { kind: 'confirmations' });
    const pub = await ok(core, session, 'keys.exportPublic');
    expect(pub.text).toBe(exportMinisignPublicKey(await activePublicKey(core)));
    const dir = mkdtempSync(join(tmpdir(), 'basedesk-minisign-'));
    writeFileSync(join(dir, 'base.pub'), pub.text);
    execFileSync('unzip', ['-q', outboxFile(core, item.fileName), '-d', join(dir, 'bag')]);
    const out = execFileSync('minisign', ['-Vm', join(dir, 'bag', 'tagmanifest-sha512.txt'), '-p', join(dir, 'base.pub')], {
      encoding: 'utf8',
    });
    expect(out).toContain('Signature and comment signature verified');
    expect(out).toContain(`uuid:${item.uuid} base:JL001 kind:confirmations seq:1`);
    execFileSync('sha512sum', ['--quiet', '-c', 'tagmanifest-sha512.txt'], { cwd: join(dir, 'bag') });
    execFileSync('sha512sum', ['--quiet', '-c', 'manifest-sha512.txt'], { cwd: join(dir, 'bag') });
    expect(existsSync(join(dir, 'bag', 'data', 'confirmations.xlsx'))).toBe(true);
  });
});
