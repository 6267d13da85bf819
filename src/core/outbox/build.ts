import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackageKindName } from '../../shared/contract/outbox';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import type { Actor, Core } from '../context';
import type { SigningKey } from '../crypto/signing-key';
import { buildPackage, type BuiltPackage, type PayloadEntry } from './package';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { ensureSigningKey, unlockSigningKey } from './keys';
import { assertKindReady, packageKind } from './kinds';
import { releaseSequence, reserveSequence } from './sequences';
import type { ProgressReporter } from './build-progress';
import type { OutboxTable } from './tables';

export function outboxDir(core: Core): string {
  return join(core.dataDir, 'outbox');
}

/** The calendar day in China (UTC+8, no DST): the bagging date people expect on the package. */
export function chinaDate(ms: number): string {
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export type BuildSpec = {
  kind: PackageKindName;
  uuid: string;
  sequence: number;
  baggingDate: string;
  outPath: string;
  encryptTo?: readonly string[];
  progress?: ProgressReporter;
};

/**
 * Collects a kind's records (in one read transaction: a consistent snapshot) and writes the signed bag.
 * Pure with respect to the outbox: same records, uuid, sequence, date and key -> same bytes.
 */
export async function buildKindPackage(
  core: Core,
  key: SigningKey,
  spec: BuildSpec,
): Promise<BuiltPackage & { schemaVersion: number; cohortYear: number }> {
  const def = packageKind(spec.kind);
  const [year, month, day] = spec.baggingDate.split('-').map(Number) as [number, number, number];
  spec.progress?.stage('collecting');
  const { base, collected } = await core.db.transaction().execute(async (tx) => {
    await assertKindReady(tx, def);
    const base = await requireBase(tx);
    const collected = await def.collect(tx, core, {
      cohortYear: base.cohort_year,
      baseName: base.name,
      baseCode: base.code,
      baggingDate: spec.baggingDate,
      day: { year, month, day },
    });
    return { base, collected };
  });
  const payload: PayloadEntry[] = [
    ...(collected.tables ?? []).map((t) => ({ path: `data/${t.name}.xlsx`, bytes: t.bytes })),
    ...(collected.forms ?? []).map((f) => ({
      path: `data/forms/${f.name}.html`,
      bytes: new Uint8Array(Buffer.from(f.html, 'utf8')),
    })),
    ...(collected.attachments ?? []),
  ];
  const built = await buildPackage({
    baseName: base.name,
    uuid: spec.uuid,
    baseCode: base.code,
    kind: def.kind,
    cohortYear: base.cohort_year,
    schemaVersion: def.schemaVersion,
    sequence: spec.sequence,
    baggingDate: spec.baggingDate,
    outPath: spec.outPath,
    records: collected.records,
    payload,
    signingKey: key,
    ...(spec.encryptTo && spec.encryptTo.length > 0 ? { encryptTo: spec.encryptTo } : {}),
    ...(spec.progress ? { onWritten: spec.progress.written } : {}),
  });
  return { ...built, schemaVersion: def.schemaVersion, cohortYear: base.cohort_year };
}

/**
 * Builds a package of a kind into <dataDir>/outbox/<uuid>.zip (.zip.age when encrypted) and queues it.
 * The sequence number (per base and kind) is reserved first and given back if the build fails, so the
 * province, which reads the sequence to spot missing packages, sees no gap for a build that never existed.
 */
export async function buildAndQueue(
  core: Core,
  actor: Actor,
  input: { kind: PackageKindName; encryptTo?: readonly string[]; passphrase?: string; progress?: ProgressReporter },
): Promise<OutboxTable> {
  const def = packageKind(input.kind);
  await assertKindReady(core.db, def);
  const base = await requireBase(core.db);
  const keyRow = await ensureSigningKey(core, actor, input.passphrase);
  const key = await unlockSigningKey(core, keyRow, input.passphrase);
  const nowMs = core.clock.nowMs();
  const uuid = uuidv7(nowMs);
  const encrypted = (input.encryptTo?.length ?? 0) > 0;
  const fileName = `${uuid}.zip${encrypted ? '.age' : ''}`;
  await mkdir(outboxDir(core), { recursive: true });
  const sequence = await reserveSequence(core, base.code, def.kind);
  let built: Awaited<ReturnType<typeof buildKindPackage>>;
  try {
    built = await buildKindPackage(core, key, {
      kind: input.kind,
      uuid,
      sequence,
      baggingDate: chinaDate(nowMs),
      outPath: join(outboxDir(core), fileName),
      ...(encrypted ? { encryptTo: input.encryptTo! } : {}),
      ...(input.progress ? { progress: input.progress } : {}),
    });
    input.progress?.stage('queuing');
  } catch (e) {
    await releaseSequence(core, base.code, def.kind, sequence);
    throw e;
  }
  const now = isoNow(core.clock);
  const row: OutboxTable = {
    uuid,
    kind: def.kind,
    base_code: base.code,
    cohort_year: built.cohortYear,
    schema_version: built.schemaVersion,
    sequence,
    bagging_date: chinaDate(nowMs),
    file_name: fileName,
    encrypted: encrypted ? 1 : 0,
    recipient: encrypted ? input.encryptTo!.join(',') : null,
    sha512: built.sha512,
    bag_sha512: built.bagSha512,
    bytes: built.bytes,
    payload_files: built.payloadFiles,
    payload_bytes: built.payloadBytes,
    record_counts_json: JSON.stringify(built.recordCounts),
    key_fingerprint: built.keyFingerprint,
    state: 'queued',
    attempts: 0,
    last_error_code: null,
    last_error_message: null,
    receipt_json: null,
    created_at: now,
    created_by: actor.username,
    updated_at: now,
    delivered_at: null,
  };
  await core.db.transaction().execute(async (tx) => {
    await tx.insertInto('outbox').values(row).execute();
    await tx
      .insertInto('outbox_history')
      .values({
        uuid,
        from_state: null,
        to_state: 'queued',
        at: now,
        actor: actor.username,
        reason: '生成数据包',
        error_code: null,
      })
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'package.build',
      entity: 'package',
      entityId: uuid,
      after: {
        kind: def.kind,
        sequence,
        sha512: built.sha512,
        bytes: built.bytes,
        recordCounts: built.recordCounts,
        encrypted,
        keyFingerprint: built.keyFingerprint,
      },
    });
  });
  return row;
}
