import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Connectivity, ExportedPackage, OutboxItem, OutboxStatus, PushResult } from '../../shared/contract/outbox';
import { formatDate } from '../../shared/dates';
import { AppError, isAppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx } from '../context';
import { hashFile } from '../crypto/hash-file';
import { copyPrivateFileAtomic, writePrivateFileAtomic } from '../db/private-files';
import type { PublicKey } from '../crypto/signing-key';
import { probeEndpoint, uploadPackage, type UploadPackageOptions } from '../upload';
import { isoNow } from '../util/clock';
import { parseJsonAs } from '../util/json';
import { outboxDir } from './build';
import { sqliteResumeStore } from './resume-store';
import { assertSecureEndpoint, intakeKeys, SETTING_ALLOW_HTTP } from './keys';
import { getSetting, SETTING_ENDPOINT } from './settings';
import type { OutboxState, OutboxTable } from './tables';

const recordCounts = z.record(z.string(), z.number());
/** The receiver's signed receipt carries more; the list shows when it arrived. */
const receiptTime = z.object({ receivedAt: z.string().optional() });

/** What runs now in this process: the push and each upload's bytes. Not persisted (the resume store is). */
export type OutboxLive = { pushing: Promise<PushResult> | null; progress: Map<string, { sent: number; total: number }> };

export function packagePath(core: Core, row: Pick<OutboxTable, 'file_name'>): string {
  return join(outboxDir(core), row.file_name);
}

export async function outboxItems(core: Core, tx: Tx = core.db, uuid?: string): Promise<OutboxItem[]> {
  let q = tx.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').orderBy('uuid', 'desc');
  if (uuid) q = q.where('uuid', '=', uuid);
  const rows = await q.execute();
  const history = rows.length
    ? await tx
        .selectFrom('outbox_history')
        .selectAll()
        .where(
          'uuid',
          'in',
          rows.map((r) => r.uuid),
        )
        .orderBy('id')
        .execute()
    : [];
  const progress = core.outboxLive.progress;
  return rows.map((r) => ({
    uuid: r.uuid,
    kind: r.kind,
    sequence: r.sequence,
    cohortYear: r.cohort_year,
    baggingDate: r.bagging_date,
    fileName: r.file_name,
    encrypted: r.encrypted === 1,
    sha512: r.sha512,
    bytes: r.bytes,
    payloadFiles: r.payload_files,
    recordCounts: parseJsonAs(recordCounts, r.record_counts_json, 'outbox.record_counts_json'),
    keyFingerprint: r.key_fingerprint,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error_code ? { code: r.last_error_code, message: r.last_error_message ?? '' } : null,
    receivedAt: r.receipt_json ? (parseJsonAs(receiptTime, r.receipt_json, 'outbox.receipt_json').receivedAt ?? null) : null,
    createdAt: r.created_at,
    createdBy: r.created_by,
    progress: progress.get(r.uuid) ?? null,
    history: history
      .filter((h) => h.uuid === r.uuid)
      .map((h) => ({ from: h.from_state, to: h.to_state, at: h.at, actor: h.actor, reason: h.reason, errorCode: h.error_code })),
  }));
}

export async function outboxItem(core: Core, uuid: string, tx: Tx = core.db): Promise<OutboxItem> {
  const [item] = await outboxItems(core, tx, uuid);
  if (!item) throw new AppError('OUTBOX_NOT_FOUND', `待发件箱中没有编号为 ${uuid} 的数据包。`);
  return item;
}

type Change = {
  reason?: string | null;
  error?: { code: string; message: string } | null;
  receipt?: unknown;
  countAttempt?: boolean;
};

/** One state change: the row, its history line and the audit event, together. */
export async function transition(core: Core, actor: Actor, uuid: string, to: OutboxState, change: Change = {}): Promise<void> {
  await core.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('outbox').selectAll().where('uuid', '=', uuid).executeTakeFirstOrThrow();
    const now = isoNow(core.clock);
    await tx
      .updateTable('outbox')
      .set({
        state: to,
        updated_at: now,
        attempts: change.countAttempt ? row.attempts + 1 : row.attempts,
        ...(change.error !== undefined
          ? { last_error_code: change.error?.code ?? null, last_error_message: change.error?.message ?? null }
          : {}),
        ...(change.receipt !== undefined ? { receipt_json: JSON.stringify(change.receipt) } : {}),
        ...(to === 'delivered' ? { delivered_at: now } : {}),
      })
      .where('uuid', '=', uuid)
      .execute();
    await tx
      .insertInto('outbox_history')
      .values({
        uuid,
        from_state: row.state,
        to_state: to,
        at: now,
        actor: actor.username,
        reason: change.reason ?? null,
        error_code: change.error?.code ?? null,
      })
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: `outbox.${to}`,
      entity: 'package',
      entityId: uuid,
      before: { state: row.state },
      after: {
        state: to,
        ...(change.error ? { error: change.error.code } : {}),
        ...(change.receipt ? { receipt: change.receipt } : {}),
      },
      reason: change.reason ?? null,
    });
  });
}

const UPLOAD_CHUNK = 16 * 1024 * 1024;

export type PushOptions = {
  uuid?: string;
  signal?: AbortSignal;
  /** Tuning for tests (retry delays, chunk size, timeouts). */
  upload?: Partial<
    Pick<
      UploadPackageOptions,
      'retryDelays' | 'chunkSize' | 'stallTimeoutMs' | 'receiptTimeoutMs' | 'requestTimeoutMs' | 'fetchImpl'
    >
  >;
};

async function requireEndpoint(core: Core): Promise<string> {
  const endpoint = await getSetting(core.db, SETTING_ENDPOINT);
  if (!endpoint) {
    throw new AppError(
      'OUTBOX_NO_ENDPOINT',
      '尚未设置省级接收地址，无法联网发送。请在“待发件箱”中设置接收地址；没有网络时可导出到文件夹或 U 盘报送。',
    );
  }
  // Checked again here: an http:// address saved before this rule existed is not silently used.
  if ((await getSetting(core.db, SETTING_ALLOW_HTTP)) !== '1') assertSecureEndpoint(endpoint);
  return endpoint;
}

async function requireIntakeKeys(core: Core): Promise<PublicKey[]> {
  const keys = await intakeKeys(core.db);
  if (keys.length === 0) {
    throw new AppError(
      'OUTBOX_NO_INTAKE_KEY',
      '尚未登记接收方的回执签名公钥：没有它就无法确认数据包已送达，因此不发送。请导入省里提供的接收方公钥（basedesk keys set-intake-key 文件）。',
    );
  }
  return keys;
}

/**
 * Sends every queued or failed package (or one): probe, then tus upload with the package hash as
 * fingerprint and the resume store in SQLite, then delivered only on the intake's matching receipt.
 * Any failure leaves the package file and its row in place, in 'failed' with the coded error: retryable.
 * Rejected packages (the intake checked and refused them) are not re-sent until re-queued.
 */
export function pushOutbox(core: Core, actor: Actor, opts: PushOptions = {}): Promise<PushResult> {
  const l = core.outboxLive;
  if (l.pushing) throw new AppError('OUTBOX_BUSY', '正在发送待发件箱中的数据包，请等待本轮发送结束。');
  const run = doPush(core, actor, opts).finally(() => {
    l.pushing = null;
  });
  l.pushing = run;
  return run;
}

async function doPush(core: Core, actor: Actor, opts: PushOptions): Promise<PushResult> {
  const endpoint = await requireEndpoint(core);
  const receiptKeys = await requireIntakeKeys(core);
  let q = core.db.selectFrom('outbox').selectAll().where('state', 'in', ['queued', 'failed', 'uploading']).orderBy('sequence');
  if (opts.uuid) q = q.where('uuid', '=', opts.uuid);
  const rows = await q.execute();
  if (opts.uuid && rows.length === 0) {
    const item = await outboxItem(core, opts.uuid);
    if (item.state === 'delivered')
      return { connectivity: 'online', results: [{ uuid: item.uuid, state: item.state, errorCode: null, message: null }] };
    throw new AppError(
      'OUTBOX_NOT_SENDABLE',
      `数据包 ${opts.uuid} 当前状态为“${item.state}”，不能发送。被拒收的数据包需先重新排队。`,
    );
  }
  const fetchOpts = opts.upload?.fetchImpl;
  const connectivity: Connectivity = await probeEndpoint(endpoint, fetchOpts, {
    timeoutMs: 5000,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const results: PushResult['results'] = [];
  const store = sqliteResumeStore(core);
  const progress = core.outboxLive.progress;
  for (const row of rows) {
    if (connectivity === 'offline') {
      const error = {
        code: 'UPLOAD_OFFLINE',
        message:
          '无法连接接收服务器（网络不通或服务器未开启）。数据包仍保留在待发件箱中，联网后可继续发送，也可导出到 U 盘报送。',
      };
      if (row.state !== 'failed' || row.last_error_code !== error.code)
        await transition(core, actor, row.uuid, 'failed', { error, reason: '网络不通' });
      results.push({ uuid: row.uuid, state: 'failed', errorCode: error.code, message: error.message });
      continue;
    }
    await transition(core, actor, row.uuid, 'uploading', {
      countAttempt: true,
      reason: row.state === 'uploading' ? '上次发送中断，从断点继续' : row.state === 'failed' ? '重试发送' : '开始发送',
    });
    progress.set(row.uuid, { sent: 0, total: row.bytes });
    try {
      const outcome = await uploadPackage({
        endpoint,
        filePath: packagePath(core, row),
        sha512: row.sha512,
        uuid: row.uuid,
        receiptKeys,
        resumeStore: store,
        onProgress: (sent, total) => progress.set(row.uuid, { sent, total }),
        // tus-js-client buffers one chunk of a stream source in memory: 16 MiB keeps the app's peak low.
        chunkSize: UPLOAD_CHUNK,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...opts.upload,
      });
      if (outcome.status === 'delivered') {
        await transition(core, actor, row.uuid, 'delivered', {
          receipt: outcome.receipt,
          error: null,
          reason: outcome.receipt.duplicate ? '接收方回执（此前已收到）' : '接收方回执确认送达',
        });
        results.push({ uuid: row.uuid, state: 'delivered', errorCode: null, message: null });
      } else {
        const first = outcome.receipt.errors?.[0];
        const error = {
          code: first?.code ?? 'PKG_REJECTED',
          message: `接收方拒收：${(outcome.receipt.errors ?? []).map((e) => `[${e.code}] ${e.message}`).join('；') || '未说明原因'}`,
        };
        await transition(core, actor, row.uuid, 'rejected', { receipt: outcome.receipt, error, reason: '接收方核验未通过' });
        results.push({ uuid: row.uuid, state: 'rejected', errorCode: error.code, message: error.message });
      }
    } catch (e) {
      const error = isAppError(e)
        ? { code: e.code, message: e.message }
        : {
            code: 'UPLOAD_FAILED',
            message: `发送失败：${e instanceof Error ? e.message : String(e)}。数据包仍保留在待发件箱中。`,
          };
      await transition(core, actor, row.uuid, 'failed', { error, reason: '发送未完成' });
      results.push({ uuid: row.uuid, state: 'failed', errorCode: error.code, message: error.message });
      if (error.code === 'UPLOAD_ABORTED') break;
    } finally {
      progress.delete(row.uuid);
    }
  }
  return { connectivity, results };
}

export async function outboxStatus(core: Core, probe = true): Promise<OutboxStatus> {
  const endpoint = await getSetting(core.db, SETTING_ENDPOINT);
  const connectivity: Connectivity = !endpoint
    ? 'unconfigured'
    : probe
      ? await probeEndpoint(endpoint, undefined, { timeoutMs: 3000 })
      : 'offline';
  const rows = await core.db.selectFrom('outbox').select(['uuid', 'state']).orderBy('created_at', 'desc').execute();
  const counts: Record<OutboxState, number> = { queued: 0, uploading: 0, delivered: 0, failed: 0, rejected: 0 };
  for (const r of rows) counts[r.state]++;
  const l = core.outboxLive;
  return {
    endpoint,
    connectivity,
    pushing: l.pushing !== null,
    counts,
    items: rows.map((r) => ({ uuid: r.uuid, state: r.state, progress: l.progress.get(r.uuid) ?? null })),
  };
}

async function requireRow(core: Core, uuid: string): Promise<OutboxTable> {
  const row = await core.db.selectFrom('outbox').selectAll().where('uuid', '=', uuid).executeTakeFirst();
  if (!row) throw new AppError('OUTBOX_NOT_FOUND', `待发件箱中没有编号为 ${uuid} 的数据包。`);
  if (row.file_purged_at !== null) {
    throw new AppError(
      'OUTBOX_FILE_PURGED',
      `数据包文件 ${row.file_name} 已于${formatDate(row.file_purged_at.slice(0, 10))}按保存期限清理（已送达，编号、SHA-512 和回执仍保留）。如需再次报送，请重新生成该种类的数据包。`,
      { uuid },
    );
  }
  const st = await stat(packagePath(core, row)).catch(() => null);
  if (!st?.isFile()) {
    throw new AppError(
      'OUTBOX_FILE_MISSING',
      `数据包文件 ${row.file_name} 不在 outbox 文件夹中（可能被手工删除）。请重新生成该种类的数据包。`,
      { uuid },
    );
  }
  return row;
}

function sidecar(row: OutboxTable): string {
  return `${row.sha512}  ${row.file_name}\n`;
}

function readme(row: OutboxTable): string {
  const zip = row.encrypted ? 'package.zip' : row.file_name;
  const lines = [
    `BaseDesk 报送数据包 / BaseDesk submission package`,
    ``,
    `文件：${row.file_name}`,
    `编号（UUID）：${row.uuid}`,
    `基地代码：${row.base_code}；种类：${row.kind}；序号：${row.sequence}；打包日期：${row.bagging_date}`,
    `签名公钥指纹：${row.key_fingerprint}`,
    `SHA-512：${row.sha512}`,
    ``,
    `核对方法（无需 BaseDesk）：`,
    `  sha512sum -c ${row.file_name}.sha512`,
  ];
  if (row.encrypted) lines.push(`  age -d -i 省级私钥.txt ${row.file_name} > package.zip`);
  lines.push(
    `  unzip ${zip} tagmanifest-sha512.txt tagmanifest-sha512.txt.minisig`,
    `  minisign -Vm tagmanifest-sha512.txt -p 基地公钥.pub`,
    `  unzip ${zip} -d bag && cd bag && sha512sum -c tagmanifest-sha512.txt && sha512sum -c manifest-sha512.txt`,
    ``,
    `数据包内含完整证件号码等个人信息，请妥善保管，交接后从 U 盘删除。`,
  );
  return lines.join('\n') + '\n';
}

/**
 * Copies a package to a folder (USB stick) with a sha512sum sidecar and a README, then re-reads the copy
 * to prove it is whole. Always possible offline; the outbox keeps its own file and state.
 */
export async function exportPackage(core: Core, actor: Actor, uuid: string, dir: string): Promise<ExportedPackage> {
  const row = await requireRow(core, uuid);
  await mkdir(dir, { recursive: true });
  const target = join(dir, row.file_name);
  const existing = await stat(target).catch(() => null);
  if (existing) {
    const same = existing.size === row.bytes && (await hashFile(target)).digest === row.sha512;
    if (!same)
      throw new AppError(
        'OUTBOX_EXPORT_EXISTS',
        `目标文件夹里已有同名但内容不同的文件 ${row.file_name}，未覆盖。请换一个文件夹。`,
      );
  } else {
    // Under a temporary name until complete: a USB stick pulled mid-copy leaves no half package named like a whole one.
    copyPrivateFileAtomic(packagePath(core, row), target);
  }
  const copied = await hashFile(target);
  if (copied.digest !== row.sha512) {
    throw new AppError('OUTBOX_EXPORT_CORRUPT', `复制到 ${dir} 的数据包校验不一致（U 盘可能损坏或已满）。请换一个 U 盘重试。`);
  }
  writePrivateFileAtomic(`${target}.sha512`, sidecar(row));
  writePrivateFileAtomic(join(dir, `README-${row.uuid}.txt`), readme(row));
  await core.db.transaction().execute(async (tx) => {
    await appendEvent(tx, core, actor.username, {
      action: 'outbox.export',
      entity: 'package',
      entityId: uuid,
      after: { dir, sha512: row.sha512 },
    });
  });
  return { dir, files: [row.file_name, `${row.file_name}.sha512`, `README-${row.uuid}.txt`], sha512: row.sha512 };
}

const MAX_DOWNLOAD = 512 * 1024 * 1024;

export async function downloadPackage(
  core: Core,
  uuid: string,
): Promise<{ fileName: string; contentBase64: string; sha512: string; sidecar: string }> {
  const row = await requireRow(core, uuid);
  if (row.bytes > MAX_DOWNLOAD) {
    throw new AppError(
      'OUTBOX_TOO_LARGE_TO_DOWNLOAD',
      `数据包有 ${(row.bytes / 1024 / 1024).toFixed(0)} MB，太大，无法在界面中下载。请用命令 basedesk outbox export ${uuid} --dir 文件夹 导出。`,
    );
  }
  const bytes = await readFile(packagePath(core, row));
  return { fileName: row.file_name, contentBase64: bytes.toString('base64'), sha512: row.sha512, sidecar: sidecar(row) };
}

export async function requeuePackage(core: Core, actor: Actor, uuid: string, reason: string): Promise<OutboxItem> {
  const row = await requireRow(core, uuid);
  if (row.state !== 'rejected')
    throw new AppError('OUTBOX_NOT_REJECTED', `只有被拒收的数据包需要重新排队；该数据包当前状态为“${row.state}”。`);
  await transition(core, actor, uuid, 'queued', { reason, error: null });
  return outboxItem(core, uuid);
}
