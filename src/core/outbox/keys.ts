import type { KeysView, SigningKeyView } from '../../shared/contract/outbox';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx } from '../context';
import {
  exportMinisignPublicKey,
  generateSigningKey,
  keyFingerprint,
  minisignPublicKeyBase64,
  normalizeFingerprint,
  parseMinisignPublicKey,
  type PublicKey,
  type SigningKey,
} from '../crypto/signing-key';
import type { SigningKeyTable } from './tables';
import { isoNow } from '../util/clock';
import { keyProtectorOf, requireKeyProtector } from './key-protector';
import { getSetting, parseAgeRecipient, setSetting, SETTING_ENDPOINT, SETTING_RECIPIENT } from './settings';

/** The intake's receipt-signing public key (minisign base64 line), pinned like the age recipient. */
export const SETTING_INTAKE_KEY = 'intake_key';
/** '1' when the user allowed plain http:// to a non-loopback endpoint. */
export const SETTING_ALLOW_HTTP = 'endpoint_allow_http';

export function rowPublicKey(row: Pick<SigningKeyTable, 'key_id' | 'public_key'>): PublicKey {
  return {
    keyId: new Uint8Array(Buffer.from(row.key_id, 'hex')),
    publicKey: new Uint8Array(Buffer.from(row.public_key, 'base64')),
  };
}

async function keyView(tx: Tx, row: SigningKeyTable): Promise<SigningKeyView> {
  const seals = await tx
    .selectFrom('signing_key_seals')
    .select('scheme')
    .where('key_id', '=', row.key_id)
    .orderBy('scheme')
    .execute();
  return {
    keyId: row.key_id,
    fingerprint: row.fingerprint,
    publicKeyMinisign: exportMinisignPublicKey(rowPublicKey(row)),
    status: row.status,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
    sealedWith: seals.map((s) => s.scheme),
  };
}

export async function keysView(core: Core, tx: Tx = core.db): Promise<KeysView> {
  const rows = await tx.selectFrom('signing_keys').selectAll().orderBy('created_at', 'desc').orderBy('key_id').execute();
  const active = rows.find((r) => r.status === 'active');
  const trusted = await tx.selectFrom('trusted_keys').selectAll().orderBy('added_at').execute();
  return {
    active: active ? await keyView(tx, active) : null,
    retired: await Promise.all(rows.filter((r) => r.status === 'retired').map((r) => keyView(tx, r))),
    provinceRecipient: await getSetting(tx, SETTING_RECIPIENT),
    trusted: trusted.map((t) => ({ keyId: t.key_id, fingerprint: t.fingerprint, label: t.label, addedAt: t.added_at })),
    endpoint: await getSetting(tx, SETTING_ENDPOINT),
    intakeKey: await intakeKeyFingerprint(tx),
    protector: keyProtectorOf(core)?.scheme ?? null,
  };
}

async function sealNewKey(core: Core, passphrase?: string): Promise<{ key: SigningKey; scheme: string; sealed: string }> {
  const protector = requireKeyProtector(core, passphrase);
  const key = generateSigningKey();
  return { key, scheme: protector.scheme, sealed: await protector.seal(key) };
}

async function insertKey(
  tx: Tx,
  core: Core,
  actor: Actor,
  k: { key: SigningKey; scheme: string; sealed: string },
): Promise<SigningKeyTable> {
  const now = isoNow(core.clock);
  const row: SigningKeyTable = {
    key_id: Buffer.from(k.key.keyId).toString('hex'),
    fingerprint: keyFingerprint(k.key),
    public_key: Buffer.from(k.key.publicKey).toString('base64'),
    status: 'active',
    created_at: now,
    created_by: actor.username,
    retired_at: null,
  };
  await tx.insertInto('signing_keys').values(row).execute();
  await tx
    .insertInto('signing_key_seals')
    .values({ key_id: row.key_id, scheme: k.scheme, sealed: k.sealed, created_at: now })
    .execute();
  return row;
}

/**
 * The active signing key's public record, generating the key the first time (setup calls this; every
 * build calls it lazily). Generation and sealing happen before the transaction; if another call created
 * a key meanwhile, that one wins and ours is dropped.
 */
export async function ensureSigningKey(core: Core, actor: Actor, passphrase?: string): Promise<SigningKeyTable> {
  const existing = await core.db.selectFrom('signing_keys').selectAll().where('status', '=', 'active').executeTakeFirst();
  if (existing) return existing;
  const fresh = await sealNewKey(core, passphrase);
  return core.db.transaction().execute(async (tx) => {
    const again = await tx.selectFrom('signing_keys').selectAll().where('status', '=', 'active').executeTakeFirst();
    if (again) return again;
    const row = await insertKey(tx, core, actor, fresh);
    await appendEvent(tx, core, actor.username, {
      action: 'keys.init',
      entity: 'signing_key',
      entityId: row.fingerprint,
      after: { fingerprint: row.fingerprint, publicKey: row.public_key, sealedWith: fresh.scheme },
    });
    return row;
  });
}

/** Opens the active key with this process's protector (or the passphrase typed for this call). */
export async function unlockSigningKey(core: Core, row: SigningKeyTable, passphrase?: string): Promise<SigningKey> {
  const protector = requireKeyProtector(core, passphrase);
  const seal = await core.db
    .selectFrom('signing_key_seals')
    .select('sealed')
    .where('key_id', '=', row.key_id)
    .where('scheme', '=', protector.scheme)
    .executeTakeFirst();
  if (!seal) {
    const others = await core.db.selectFrom('signing_key_seals').select('scheme').where('key_id', '=', row.key_id).execute();
    throw new AppError(
      'KEY_SEAL_UNAVAILABLE',
      `签名私钥（${row.fingerprint}）是用“${others.map((o) => schemeLabel(o.scheme)).join('、') || '其他方式'}”保护的，当前程序（${schemeLabel(protector.scheme)}）无法解锁。请在生成该密钥的程序中生成数据包。`,
      { fingerprint: row.fingerprint, sealedWith: others.map((o) => o.scheme) },
    );
  }
  return protector.open(seal.sealed, rowPublicKey(row));
}

function schemeLabel(scheme: string): string {
  if (scheme === 'passphrase-scrypt') return '口令';
  if (scheme === 'electron-safestorage') return '桌面应用系统钥匙串';
  return scheme;
}

export async function rotateSigningKey(core: Core, actor: Actor, reason: string, passphrase?: string): Promise<KeysView> {
  const fresh = await sealNewKey(core, passphrase);
  return core.db.transaction().execute(async (tx) => {
    const old = await tx.selectFrom('signing_keys').selectAll().where('status', '=', 'active').executeTakeFirst();
    const now = isoNow(core.clock);
    if (old)
      await tx.updateTable('signing_keys').set({ status: 'retired', retired_at: now }).where('key_id', '=', old.key_id).execute();
    const row = await insertKey(tx, core, actor, fresh);
    await appendEvent(tx, core, actor.username, {
      action: 'keys.rotate',
      entity: 'signing_key',
      entityId: row.fingerprint,
      before: old ? { fingerprint: old.fingerprint, status: 'active' } : undefined,
      after: { fingerprint: row.fingerprint, publicKey: row.public_key, retired: old?.fingerprint ?? null },
      reason,
    });
    return keysView(core, tx);
  });
}

export async function exportPublicKey(
  core: Core,
  keyId?: string,
): Promise<{ fileName: string; text: string; fingerprint: string }> {
  let q = core.db.selectFrom('signing_keys').selectAll();
  q = keyId
    ? q.where((eb) => eb.or([eb('key_id', '=', keyId.toLowerCase()), eb('fingerprint', '=', normalizeFingerprint(keyId))]))
    : q.where('status', '=', 'active');
  const row = await q.executeTakeFirst();
  if (!row) {
    throw new AppError(
      'KEY_NOT_FOUND',
      keyId ? `找不到签名密钥 ${keyId}。` : '尚未生成签名密钥：请先在“密钥”页面生成（或运行 basedesk package build）。',
    );
  }
  const base = await core.db.selectFrom('base').select('code').executeTakeFirst();
  return {
    fileName: `basedesk-${base?.code ?? 'base'}-${row.fingerprint}.pub`,
    text: exportMinisignPublicKey(rowPublicKey(row)),
    fingerprint: row.fingerprint,
  };
}

export async function setProvinceRecipient(core: Core, actor: Actor, text: string, reason?: string): Promise<KeysView> {
  const recipient = parseAgeRecipient(text);
  return core.db.transaction().execute(async (tx) => {
    const before = await getSetting(tx, SETTING_RECIPIENT);
    if (before === recipient) return keysView(core, tx);
    if (before && !reason) {
      throw new AppError('REASON_REQUIRED', '已导入过省级接收方公钥；更换公钥需要填写原因（例如省里通知更换密钥的文号）。');
    }
    await setSetting(tx, SETTING_RECIPIENT, recipient, isoNow(core.clock));
    await appendEvent(tx, core, actor.username, {
      action: 'keys.setRecipient',
      entity: 'province_recipient',
      entityId: 'province',
      before,
      after: recipient,
      reason: reason ?? null,
    });
    return keysView(core, tx);
  });
}

export async function trustKey(core: Core, actor: Actor, publicKeyText: string, label: string): Promise<KeysView> {
  const key = parseMinisignPublicKey(publicKeyText);
  const keyId = Buffer.from(key.keyId).toString('hex');
  return core.db.transaction().execute(async (tx) => {
    const own = await tx.selectFrom('signing_keys').select('key_id').where('key_id', '=', keyId).executeTakeFirst();
    const dup = await tx.selectFrom('trusted_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
    if (own) throw new AppError('KEY_IS_OWN', '这是本基地自己的签名公钥，无需另行信任。');
    if (dup) {
      if (dup.public_key === Buffer.from(key.publicKey).toString('base64')) return keysView(core, tx);
      throw new AppError(
        'KEY_ID_CONFLICT',
        `已信任的公钥 ${dup.fingerprint}（${dup.label}）与新公钥编号相同但内容不同，请核实来源。`,
      );
    }
    const row = {
      key_id: keyId,
      fingerprint: keyFingerprint(key),
      public_key: Buffer.from(key.publicKey).toString('base64'),
      label,
      added_at: isoNow(core.clock),
      added_by: actor.username,
    };
    await tx.insertInto('trusted_keys').values(row).execute();
    await appendEvent(tx, core, actor.username, {
      action: 'keys.trust',
      entity: 'trusted_key',
      entityId: row.fingerprint,
      after: row,
    });
    return keysView(core, tx);
  });
}

export async function untrustKey(core: Core, actor: Actor, keyId: string, reason?: string): Promise<KeysView> {
  return core.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('trusted_keys')
      .selectAll()
      .where((eb) => eb.or([eb('key_id', '=', keyId.toLowerCase()), eb('fingerprint', '=', normalizeFingerprint(keyId))]))
      .executeTakeFirst();
    if (!row) throw new AppError('KEY_NOT_FOUND', `受信任公钥中没有 ${keyId}。`);
    await tx.deleteFrom('trusted_keys').where('key_id', '=', row.key_id).execute();
    await appendEvent(tx, core, actor.username, {
      action: 'keys.untrust',
      entity: 'trusted_key',
      entityId: row.fingerprint,
      before: row,
      reason: reason ?? null,
    });
    return keysView(core, tx);
  });
}

/** Keys a received package may be signed with: all of ours (old ones too) and the trusted ones. */
export async function verificationKeys(tx: Tx): Promise<PublicKey[]> {
  const own = await tx.selectFrom('signing_keys').select(['key_id', 'public_key']).execute();
  const trusted = await tx.selectFrom('trusted_keys').select(['key_id', 'public_key']).execute();
  return [...own, ...trusted].map(rowPublicKey);
}

export async function setEndpoint(
  core: Core,
  actor: Actor,
  normalised: string | null,
  opts: { allowHttp?: boolean } = {},
): Promise<KeysView> {
  const allowHttp = normalised !== null && opts.allowHttp === true && !isSecureEndpoint(normalised);
  if (normalised !== null && !allowHttp) assertSecureEndpoint(normalised);
  return core.db.transaction().execute(async (tx) => {
    const before = await getSetting(tx, SETTING_ENDPOINT);
    const allowedBefore = (await getSetting(tx, SETTING_ALLOW_HTTP)) === '1';
    if (before === normalised && allowedBefore === allowHttp) return keysView(core, tx);
    const now = isoNow(core.clock);
    await setSetting(tx, SETTING_ENDPOINT, normalised, now);
    await setSetting(tx, SETTING_ALLOW_HTTP, allowHttp ? '1' : null, now);
    await appendEvent(tx, core, actor.username, {
      action: 'outbox.setEndpoint',
      entity: 'outbox_setting',
      entityId: SETTING_ENDPOINT,
      before,
      after: allowHttp ? { url: normalised, allowHttp } : normalised,
    });
    return keysView(core, tx);
  });
}

/** https anywhere, or http to this machine only (the reference intake on 127.0.0.1). */
export function isSecureEndpoint(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'https:') return true;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function assertSecureEndpoint(url: string): void {
  if (!isSecureEndpoint(url)) {
    throw new AppError(
      'OUTBOX_ENDPOINT_INSECURE',
      `接收地址 ${url} 使用未加密的 http://，数据包和回执会在网络上明文传输。请改用 https:// 地址；确需使用时须明确允许（命令行 --allow-http）。`,
    );
  }
}

/** Pins the intake's receipt key; replacing a pinned key needs a reason, as for the age recipient. */
export async function setIntakeKey(core: Core, actor: Actor, publicKeyText: string, reason?: string): Promise<KeysView> {
  const key = parseMinisignPublicKey(publicKeyText);
  const line = minisignPublicKeyBase64(key);
  return core.db.transaction().execute(async (tx) => {
    const before = await getSetting(tx, SETTING_INTAKE_KEY);
    if (before === line) return keysView(core, tx);
    if (before && !reason) {
      throw new AppError('REASON_REQUIRED', '已登记过接收方回执公钥；更换公钥需要填写原因（例如省里通知更换密钥的文号）。');
    }
    await setSetting(tx, SETTING_INTAKE_KEY, line, isoNow(core.clock));
    await appendEvent(tx, core, actor.username, {
      action: 'keys.setIntakeKey',
      entity: 'intake_key',
      entityId: keyFingerprint(key),
      before: before ? keyFingerprint(parseMinisignPublicKey(before)) : null,
      after: { fingerprint: keyFingerprint(key), publicKey: line },
      reason: reason ?? null,
    });
    return keysView(core, tx);
  });
}

/** The pinned receipt keys (one, or none when not pinned yet). */
export async function intakeKeys(tx: Tx): Promise<PublicKey[]> {
  const line = await getSetting(tx, SETTING_INTAKE_KEY);
  return line ? [parseMinisignPublicKey(line)] : [];
}

async function intakeKeyFingerprint(tx: Tx): Promise<string | null> {
  const [key] = await intakeKeys(tx);
  return key ? keyFingerprint(key) : null;
}
