import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../../src/core/crypto/age';
import { exportMinisignPublicKey, generateSigningKey, parseMinisignPublicKey } from '../../../src/core/crypto/signing-key';
import { buildKindPackage } from '../../../src/core/outbox/build';
import type { KeyProtector } from '../../../src/core/outbox/key-protector';
import { useKeyProtector } from '../../../src/core/outbox/key-protector';
import { ensureSigningKey, unlockSigningKey } from '../../../src/core/outbox/keys';
import { verifyPackage } from '../../../src/core/outbox/package';
import { addUserAndLogin, err, ok, setupBase, tempDir } from '../../helpers/core';
import { outboxBase, protectWithPassphrase } from './helpers';
import { ADMIN_ACTOR } from '../../helpers/actor';

describe('signing keys', () => {
  it('keys.init generates the key once, sealed with the passphrase; the public half is shown and exportable', async () => {
    const { core, session } = await outboxBase({ applicants: 1 });
    const first = await ok(core, session, 'keys.init');
    const again = await ok(core, session, 'keys.init');
    expect(again.active).toEqual(first.active);
    expect(first.active).toMatchObject({ status: 'active', sealedWith: ['passphrase-scrypt'] });
    expect(first.active!.fingerprint).toMatch(/^[0-9A-F]{16}$/);
    expect(first.protector).toBe('passphrase-scrypt');
    const exported = await ok(core, session, 'keys.exportPublic');
    expect(exported.text).toBe(first.active!.publicKeyMinisign);
    expect(exported.text.split('\n')[0]).toBe(`untrusted comment: minisign public key ${first.active!.fingerprint}`);
    expect(exported.fileName).toBe(`basedesk-JL001-${first.active!.fingerprint}.pub`);
    // Sealed at rest: the seed is not in the database in clear.
    const seal = await core.db.selectFrom('signing_key_seals').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(seal.sealed)).toMatchObject({
      format: 'basedesk-signing-key',
      cipher: 'aes-256-gcm',
      fingerprint: first.active!.fingerprint,
    });
    const events = await core.db.selectFrom('events').select('action').where('action', '=', 'keys.init').execute();
    expect(events).toHaveLength(1);
  });

  it('a wrong passphrase cannot unlock the key: KEY_PASSPHRASE_WRONG, nothing built', async () => {
    const { core, session } = await outboxBase({ applicants: 1 });
    await ok(core, session, 'keys.init');
    protectWithPassphrase(core, 'not the passphrase');
    expect((await err(core, session, 'package.build', { kind: 'confirmations' })).code).toBe('KEY_PASSPHRASE_WRONG');
    expect(await ok(core, session, 'outbox.list')).toEqual([]);
  });

  it('without a protector the key is never generated in clear: KEY_PROTECTOR_MISSING', async () => {
    const saved = process.env.BASEDESK_KEY_PASSPHRASE;
    delete process.env.BASEDESK_KEY_PASSPHRASE;
    try {
      const { core, session } = await setupBase();
      expect((await err(core, session, 'keys.init')).code).toBe('KEY_PROTECTOR_MISSING');
      expect(await core.db.selectFrom('signing_keys').selectAll().execute()).toEqual([]);
    } finally {
      if (saved !== undefined) process.env.BASEDESK_KEY_PASSPHRASE = saved;
    }
  });

  it('a key sealed by another protector is reported, not silently replaced (KEY_SEAL_UNAVAILABLE)', async () => {
    const { core, session } = await outboxBase({ applicants: 1 });
    const keychain: KeyProtector = {
      scheme: 'electron-safestorage',
      seal: async (k) =>
        Buffer.from(
          JSON.stringify({ keyId: Buffer.from(k.keyId).toString('hex'), seed: Buffer.from(k.secretKey).toString('base64') }),
        ).toString('base64'),
      open: async () => {
        throw new Error('unused');
      },
    };
    useKeyProtector(core, keychain);
    const k = await ok(core, session, 'keys.init');
    expect(k.active!.sealedWith).toEqual(['electron-safestorage']);
    protectWithPassphrase(core);
    const e = await err(core, session, 'package.build', { kind: 'confirmations' });
    expect(e.code).toBe('KEY_SEAL_UNAVAILABLE');
    expect(e.message).toContain('系统钥匙串');
  });

  it('rotation retires the old key but keeps its public half: old packages still verify', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    const old = await ok(core, session, 'package.build', { kind: 'confirmations' });
    expect((await err(core, session, 'keys.rotate', { reason: '' })).code).toBe('INVALID_INPUT');
    const rotated = await ok(core, session, 'keys.rotate', { reason: '笔记本更换' });
    expect(rotated.active!.fingerprint).not.toBe(old.keyFingerprint);
    expect(rotated.retired).toEqual([expect.objectContaining({ fingerprint: old.keyFingerprint, status: 'retired' })]);
    const fresh = await ok(core, session, 'package.build', { kind: 'confirmations' });
    expect(fresh.keyFingerprint).toBe(rotated.active!.fingerprint);
    // The received-package check knows both keys.
    for (const item of [old, fresh]) {
      const bytes = (await ok(core, session, 'outbox.download', { uuid: item.uuid })).contentBase64;
      const v = await ok(core, session, 'package.verify', { fileName: item.fileName, contentBase64: bytes, record: false });
      expect(v).toMatchObject({ ok: true, keyFingerprint: item.keyFingerprint });
    }
    const oldPub = await ok(core, session, 'keys.exportPublic', { keyId: old.keyFingerprint });
    expect(parseMinisignPublicKey(oldPub.text)).toBeTruthy();
  });

  it('ensureSigningKey from two callers at once keeps exactly one active key', async () => {
    const { core } = await outboxBase({ applicants: 1 });
    const [a, b] = await Promise.all([ensureSigningKey(core, ADMIN_ACTOR), ensureSigningKey(core, ADMIN_ACTOR)]);
    expect(a.key_id).toBe(b.key_id);
    expect(await core.db.selectFrom('signing_keys').selectAll().execute()).toHaveLength(1);
    const key = await unlockSigningKey(core, a);
    const out = join(tempDir(), 'p.zip');
    await buildKindPackage(core, key, {
      kind: 'confirmations',
      uuid: '01937a7e-1111-7222-8333-444455556666',
      sequence: 1,
      baggingDate: '2025-07-01',
      outPath: out,
    });
    expect(await verifyPackage(out, { trustedKeys: [key] })).toMatchObject({ ok: true });
  });

  it('the provincial recipient is validated, never a secret key, and replacing it needs a reason', async () => {
    const { core, session } = await outboxBase({ applicants: 1 });
    const pair = await generateAgeIdentity();
    expect((await err(core, session, 'keys.setRecipient', { recipient: 'age1abc' })).code).toBe('AGE_RECIPIENT_INVALID');
    expect((await err(core, session, 'keys.setRecipient', { recipient: pair.identity })).code).toBe('AGE_RECIPIENT_IS_SECRET');
    expect((await ok(core, session, 'keys.setRecipient', { recipient: pair.recipient })).provinceRecipient).toBe(pair.recipient);
    const other = await generateAgeIdentity();
    expect((await err(core, session, 'keys.setRecipient', { recipient: other.recipient })).code).toBe('REASON_REQUIRED');
    const v = await ok(core, session, 'keys.setRecipient', { recipient: other.recipient, reason: '省里 2025 年更换密钥' });
    expect(v.provinceRecipient).toBe(other.recipient);
  });

  it('trusted keys of other bases: added from a minisign .pub, listed, removed', async () => {
    const { core, session } = await outboxBase({ applicants: 1 });
    const other = generateSigningKey();
    const text = exportMinisignPublicKey(other);
    const v = await ok(core, session, 'keys.trust', { publicKey: text, label: '长春某基地' });
    expect(v.trusted).toEqual([expect.objectContaining({ label: '长春某基地' })]);
    expect((await ok(core, session, 'keys.trust', { publicKey: text, label: '长春某基地' })).trusted).toHaveLength(1);
    expect((await err(core, session, 'keys.trust', { publicKey: 'hello', label: 'x' })).code).toBe('KEY_FORMAT');
    expect((await ok(core, session, 'keys.untrust', { keyId: v.trusted[0]!.fingerprint })).trusted).toEqual([]);
  });

  it('a trusted key is found by the id minisign prints, which drops leading zeros', async () => {
    const { core, session } = await outboxBase({ applicants: 1 });
    const other = generateSigningKey();
    other.keyId[7] = 0x05; // the most significant byte of the little-endian id: minisign shows 15 digits
    const v = await ok(core, session, 'keys.trust', { publicKey: exportMinisignPublicKey(other), label: '某基地' });
    const stored = v.trusted[0]!.fingerprint;
    expect(stored).toMatch(/^05[0-9A-F]{14}$/);
    expect((await ok(core, session, 'keys.untrust', { keyId: stored.slice(1).toLowerCase() })).trusted).toEqual([]);
  });

  it('only coordinators and admins manage keys and build packages', async () => {
    const { core, session } = await outboxBase({ applicants: 1 });
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    for (const opName of ['keys.init', 'keys.show', 'outbox.list', 'outbox.push'] as const) {
      expect((await err(core, clerk, opName)).code).toBe('FORBIDDEN');
    }
    expect((await err(core, clerk, 'package.build', { kind: 'confirmations' })).code).toBe('FORBIDDEN');
    const coord = await addUserAndLogin(core, session, 'coord1', 'coordinator');
    expect((await ok(core, coord, 'package.build', { kind: 'confirmations' })).state).toBe('queued');
  });
});
