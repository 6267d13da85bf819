import { copyFile, link, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { hashFile } from '../crypto/hash-file';
import type { PublicKey } from '../crypto/signing-key';
import type { VerifyLimits } from '../outbox/package/limits';
import { verifyPackage, type VerifiedPackage, type VerifyResult } from '../outbox/package/verify';
import type { AcceptedPackage, IntakeIndex, IntakeIndexData } from './intake-index';
import type { Receipt, ReceiptFields } from './receipt';

/** What the intake's upload checks and receipt routes share. */
export type IntakeState = {
  uploadsDir: string;
  acceptedDir: string;
  tmpDir: string;
  index: IntakeIndex;
  sign: (fields: ReceiptFields) => Receipt;
  limits: VerifyLimits;
  trustedKeys: readonly PublicKey[];
  identities?: readonly string[];
  onAccepted?: (pkg: AcceptedPackage, verified: VerifiedPackage) => void | Promise<void>;
  log: (message: string) => void;
  /** `uuid:sha512` of uploads being checked now: their receipt is "processing". */
  processing: Set<string>;
  /** `uuid:sha512` of uploads whose bytes did not match the announced hash. */
  hashMismatch: Set<string>;
};

type About = Pick<ReceiptFields, 'uuid' | 'sha512' | 'bytes' | 'receivedAt'>;

/**
 * Checks one completed upload and records the verdict: a signed receipt (accepted, duplicate or
 * rejected) kept in the index, or, when the bytes are not the ones announced, no receipt at all.
 */
export async function processUpload(
  s: IntakeState,
  id: string,
  metadata: Record<string, string | null> | undefined,
): Promise<void> {
  const uuid = metadata?.uuid ?? '';
  const claimed = (metadata?.sha512 ?? '').toLowerCase();
  const uploadPath = join(s.uploadsDir, id);
  const existing = s.index.data.packages[uuid];
  const verified = await verifyUpload(s, uploadPath, existing);
  const actual = verified.ok ? verified.sha512 : (await hashFile(uploadPath, 'sha512')).digest;
  const bytes = verified.ok ? verified.packageBytes : (await stat(uploadPath)).size;
  const about: About = { uuid, sha512: claimed, bytes, receivedAt: new Date().toISOString() };
  if (actual !== claimed) {
    // The bytes are not the ones announced: a transport or client problem, not a verdict on the package.
    // No receipt; the client is told so and sends again.
    s.log(`upload ${id}: sha512 mismatch for ${uuid}`);
    s.hashMismatch.add(`${uuid}:${claimed}`);
    s.index.data.processedUploads[id] = about.receivedAt;
    await s.index.save();
    return;
  }
  s.hashMismatch.delete(`${uuid}:${claimed}`);
  if (!verified.ok) return record(s, id, about, rejected(s.sign, about, verified.errors));
  if (verified.uuid !== uuid) return record(s, id, about, uuidMismatch(s, about, verified.uuid));
  if (verified.duplicate && existing) return record(s, id, about, duplicateReceipt(s, about, existing));
  await accept(s, id, uploadPath, about, verified);
}

function verifyUpload(s: IntakeState, uploadPath: string, existing: AcceptedPackage | undefined): Promise<VerifyResult> {
  return verifyPackage(uploadPath, {
    trustedKeys: s.trustedKeys,
    ...(s.identities ? { identities: s.identities } : {}),
    limits: s.limits,
    tmpDir: s.tmpDir,
    acceptedPackages: () => existing?.bagSha512 ?? null,
    latestSequence: (baseCode, kind, id) => latestSequence(s.index.data, baseCode, kind, id),
  });
}

function uuidMismatch(s: IntakeState, about: About, packageUuid: string): Receipt {
  return rejected(s.sign, about, [
    {
      code: 'PKG_UUID_MISMATCH',
      file: 'bag-info.txt',
      message: `上传时声明的编号 ${about.uuid} 与数据包内的编号 ${packageUuid} 不一致。`,
    },
  ]);
}

/** The same package sent again: the receipt it got before (signed anew for these exact bytes if need be). */
function duplicateReceipt(s: IntakeState, about: About, existing: AcceptedPackage): Receipt {
  const prior = s.index.receipt(about.uuid, existing.sha512)!;
  return (
    s.index.receipt(about.uuid, about.sha512) ??
    s.sign({ ...about, receivedAt: prior.receivedAt, status: prior.status, duplicate: true })
  );
}

async function record(s: IntakeState, id: string, about: About, receipt: Receipt): Promise<void> {
  s.index.setReceipt(receipt);
  s.index.data.processedUploads[id] = about.receivedAt;
  await s.index.save();
  s.log(`${receipt.status} ${about.uuid}${receipt.errors ? `: ${receipt.errors.map((e) => e.code).join(',')}` : ''}`);
}

/** Files an accepted package under accepted/, records it and its receipt, then tells the owner. */
async function accept(s: IntakeState, id: string, uploadPath: string, about: About, verified: VerifiedPackage): Promise<void> {
  const { uuid } = about;
  const file = `${uuid}.zip${verified.encrypted ? '.age' : ''}`;
  const target = join(s.acceptedDir, file);
  await unlink(target).catch(() => {}); // left over from a crash before the index was saved
  // A hard link keeps the tus upload answering HEAD (a client whose last response was lost sees
  // "complete" instead of starting over) without a second copy of the bytes.
  await link(uploadPath, target).catch(() => copyFile(uploadPath, target));
  const pkg: AcceptedPackage = {
    uuid,
    sha512: about.sha512,
    bagSha512: verified.bagSha512,
    file,
    receivedAt: about.receivedAt,
    baseCode: verified.baseCode,
    kind: verified.kind,
    sequence: verified.sequence,
    bytes: verified.packageBytes,
  };
  s.index.data.packages[uuid] = pkg;
  const warnings = verified.warnings.map((w) => ({ code: w.code, message: w.message, ...(w.file ? { file: w.file } : {}) }));
  s.index.setReceipt(s.sign({ ...about, status: 'accepted', ...(warnings.length ? { warnings } : {}) }));
  s.index.data.processedUploads[id] = about.receivedAt;
  await s.index.save();
  s.log(
    `accepted ${uuid} (${verified.packageBytes} bytes)${warnings.length ? `; ${warnings.map((w) => w.code).join(',')}` : ''}`,
  );
  await s.onAccepted?.(pkg, verified);
}

/** The highest sequence accepted from this base for this kind, other packages than `uuid`. */
function latestSequence(data: IntakeIndexData, baseCode: string, kind: string, uuid: string): number | null {
  let latest: number | null = null;
  for (const p of Object.values(data.packages)) {
    if (p.baseCode === baseCode && p.kind === kind && p.uuid !== uuid && (latest === null || p.sequence > latest)) {
      latest = p.sequence;
    }
  }
  return latest;
}

function rejected(sign: (fields: ReceiptFields) => Receipt, about: About, errors: Receipt['errors']): Receipt {
  return sign({ ...about, status: 'rejected', ...(errors ? { errors } : {}) });
}
