import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VerifyOutcome } from '../../shared/contract/outbox';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core } from '../context';
import { parseMinisignPublicKey, type PublicKey } from '../crypto/signing-key';
import { verifyPackage, type VerifyOptions } from './package';
import { isoNow } from '../util/clock';
import { verificationKeys } from './keys';

export type VerifyReceivedInput = {
  filePath: string;
  fileName: string;
  /** minisign public key text to pin; default: our keys (old ones too) and the trusted keys. */
  pubkey?: string;
  identity?: string;
  /** Record an accepted package so a replay with other bytes is refused. Default true. */
  record?: boolean;
  limits?: VerifyOptions['limits'];
};

/**
 * Checks a package received from another station or base (verifyPackage: archive safety, bag,
 * signature against pinned keys) plus replay against accepted_packages, and records it when accepted.
 */
/**
 * `username` rather than an Actor: the CLI's verify command calls this directly with the signed-in user's name.
 */
export async function verifyReceived(core: Core, username: string, input: VerifyReceivedInput): Promise<VerifyOutcome> {
  let trustedKeys: PublicKey[];
  if (input.pubkey !== undefined) trustedKeys = [parseMinisignPublicKey(input.pubkey)];
  else trustedKeys = await verificationKeys(core.db);
  if (trustedKeys.length === 0) {
    throw new AppError(
      'KEY_NONE_TRUSTED',
      '还没有任何可用于核验的公钥：请导入发送方的 minisign 公钥（--pubkey 或“添加受信任公钥”）。',
    );
  }
  const tmpDir = join(core.dataDir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const result = await verifyPackage(input.filePath, {
    trustedKeys,
    acceptedPackages: async (uuid) =>
      (await core.db.selectFrom('accepted_packages').select('bag_sha512').where('uuid', '=', uuid).executeTakeFirst())
        ?.bag_sha512 ?? null,
    latestSequence: async (baseCode, kind, uuid) =>
      (
        await core.db
          .selectFrom('accepted_packages')
          .select((eb) => eb.fn.max('sequence').as('latest'))
          .where('base_code', '=', baseCode)
          .where('kind', '=', kind)
          .where('uuid', '!=', uuid)
          .executeTakeFirst()
      )?.latest ?? null,
    ...(input.identity ? { identities: [input.identity.trim()] } : {}),
    ...(input.limits ? { limits: input.limits } : {}),
    tmpDir,
  });
  if (!result.ok) return { ok: false, errors: result.errors };
  let recorded = false;
  if (input.record !== false && !result.duplicate) {
    recorded = await core.db.transaction().execute(async (tx) => {
      // A concurrent check of the same uuid may have recorded it meanwhile: compare, never overwrite.
      const prior = await tx.selectFrom('accepted_packages').select('sha512').where('uuid', '=', result.uuid).executeTakeFirst();
      if (prior) return false;
      const row = {
        uuid: result.uuid,
        sha512: result.sha512,
        bag_sha512: result.bagSha512,
        base_code: result.baseCode,
        kind: result.kind,
        sequence: result.sequence,
        key_fingerprint: result.keyFingerprint,
        file_name: input.fileName,
        accepted_at: isoNow(core.clock),
        accepted_by: username,
      };
      await tx.insertInto('accepted_packages').values(row).execute();
      await appendEvent(tx, core, username, { action: 'package.accept', entity: 'package', entityId: result.uuid, after: row });
      return true;
    });
  }
  return {
    ok: true,
    uuid: result.uuid,
    baseCode: result.baseCode,
    baseName: result.baseName,
    kind: result.kind,
    sequence: result.sequence,
    baggingDate: result.baggingDate,
    sha512: result.sha512,
    files: result.files,
    bytes: result.bytes,
    recordCounts: result.recordCounts,
    encrypted: result.encrypted,
    keyFingerprint: result.keyFingerprint,
    duplicate: result.duplicate,
    recorded,
    warnings: result.warnings,
  };
}

/** For transports that carry the file as bytes: written to a private temp file, checked, removed. */
export async function verifyReceivedBytes(
  core: Core,
  actor: Actor,
  input: Omit<VerifyReceivedInput, 'filePath'> & { bytes: Uint8Array },
): Promise<VerifyOutcome> {
  const tmpDir = join(core.dataDir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const path = join(tmpDir, `received-${randomBytes(8).toString('hex')}`);
  await writeFile(path, input.bytes, { mode: 0o600 });
  try {
    const { bytes: _bytes, ...rest } = input;
    void _bytes;
    return await verifyReceived(core, actor.username, { ...rest, filePath: path });
  } finally {
    await rm(path, { force: true });
  }
}
