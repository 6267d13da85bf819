import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { copyFile, link, mkdir, rm, stat, unlink } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Upload as TusUpload } from '@tus/utils';
import { hashFile } from '../crypto/hash-file';
import type { PublicKey, SigningKey } from '../crypto/signing-key';
import { UUID_RE } from '../outbox/package/bag-info';
import { DEFAULT_VERIFY_LIMITS, type VerifyLimits } from '../outbox/package/limits';
import { verifyPackage, type VerifiedPackage } from '../outbox/package/verify';
import { IntakeIndex, type AcceptedPackage, type IntakeIndexData } from './intake-index';
import { INTAKE_SERVICE } from './probe';
import { signReceipt, type Receipt, type ReceiptFields } from './receipt';
import { loadOrCreateReceiptKey } from './receipt-key';

export type IntakeServerOptions = {
  /** Holds uploads/, accepted/, tmp/ and index.json. Reusing a dir is how a restarted server remembers. */
  dir: string;
  port?: number;
  host?: string;
  trustedKeys: readonly PublicKey[];
  /**
   * The key receipts are signed with. Default: the one kept in {dir}/receipt-key.json (made on first
   * start); its public half is written to {dir}/receipt-key.pub for bases to pin.
   */
  receiptKey?: SigningKey;
  /** age identities, to accept packages encrypted to this intake. */
  identities?: readonly string[];
  limits?: Partial<VerifyLimits>;
  onAccepted?: (pkg: AcceptedPackage, verified: VerifiedPackage) => void | Promise<void>;
  /** Processed tus uploads (their bytes; accepted packages stay in accepted/) are removed after this. Default 24 h. */
  keepUploadsMs?: number;
  /** For tests and logs. */
  log?: (message: string) => void;
};

export type IntakeServer = {
  url: string;
  port: number;
  acceptedDir: string;
  /** Bases pin this (`basedesk keys set-intake-key`) to trust this intake's receipts. */
  receiptPublicKey: PublicKey;
  snapshot(): IntakeIndexData;
  close(): Promise<void>;
};

/**
 * A reference intake on @tus/server + @tus/file-store:
 *   tus uploads     {url}/files/
 *   GET {url}/health                         -> {"service":"basedesk-intake","version":1}
 *   GET {url}/receipts/{uuid}?sha512={hex}   -> 200 receipt | 202 while checking | 404
 * When an upload completes it is checked (sha512 against the announced one, then verifyPackage) before
 * the final PATCH is answered, one package at a time. Accepted packages are hard-linked into
 * accepted/<uuid>.zip (or .zip.age); the same uuid with the same bytes gets the same receipt again;
 * the same uuid with other bytes is rejected with PKG_REPLAY_DIFFERENT. Completed uploads whose check
 * was interrupted (crash, restart) are checked at the next start.
 */
export async function createIntakeServer(opts: IntakeServerOptions): Promise<IntakeServer> {
  const uploadsDir = join(opts.dir, 'uploads');
  const acceptedDir = join(opts.dir, 'accepted');
  const tmpDir = join(opts.dir, 'tmp');
  await Promise.all([uploadsDir, acceptedDir, tmpDir].map((d) => mkdir(d, { recursive: true })));
  const receiptKey = opts.receiptKey ?? (await loadOrCreateReceiptKey(opts.dir));
  const sign = (fields: ReceiptFields): Receipt => signReceipt(fields, receiptKey);
  const index = await IntakeIndex.load(join(opts.dir, 'index.json'), sign);
  const limits: VerifyLimits = { ...DEFAULT_VERIFY_LIMITS, ...opts.limits };
  const keepUploadsMs = opts.keepUploadsMs ?? 24 * 3600 * 1000;
  const log = opts.log ?? (() => {});
  // The tus server is loaded only by the command that runs it (loading it costs more than Node's start-up).
  const [{ FileStore }, { Server: TusServer }] = await Promise.all([import('@tus/file-store'), import('@tus/server')]);
  const store = new FileStore({ directory: uploadsDir });
  const processing = new Set<string>();
  const hashMismatch = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  let closing = false;

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  };

  const processUpload = async (id: string, metadata: Record<string, string | null> | undefined): Promise<void> => {
    const uuid = metadata?.uuid ?? '';
    const claimed = (metadata?.sha512 ?? '').toLowerCase();
    const uploadPath = join(uploadsDir, id);
    const existing = index.data.packages[uuid];
    const verified = await verifyPackage(uploadPath, {
      trustedKeys: opts.trustedKeys,
      ...(opts.identities ? { identities: opts.identities } : {}),
      limits,
      tmpDir,
      acceptedPackages: () => existing?.bagSha512 ?? null,
      latestSequence: (baseCode, kind, id) => latestSequence(index.data, baseCode, kind, id),
    });
    const actual = verified.ok ? verified.sha512 : (await hashFile(uploadPath, 'sha512')).digest;
    const bytes = verified.ok ? verified.packageBytes : (await stat(uploadPath)).size;
    const now = new Date().toISOString();
    if (actual !== claimed) {
      // The bytes are not the ones announced: a transport or client problem, not a verdict on the package.
      // No receipt; the client is told so and sends again.
      log(`upload ${id}: sha512 mismatch for ${uuid}`);
      hashMismatch.add(`${uuid}:${claimed}`);
      index.data.processedUploads[id] = now;
      await index.save();
      return;
    }
    hashMismatch.delete(`${uuid}:${claimed}`);
    let receipt: Receipt;
    if (verified.ok && verified.uuid !== uuid) {
      receipt = rejected(sign, { uuid, sha512: claimed, bytes, receivedAt: now }, [
        {
          code: 'PKG_UUID_MISMATCH',
          file: 'bag-info.txt',
          message: `上传时声明的编号 ${uuid} 与数据包内的编号 ${verified.uuid} 不一致。`,
        },
      ]);
    } else if (verified.ok && verified.duplicate && existing) {
      const prior = index.receipt(uuid, existing.sha512)!;
      receipt =
        index.receipt(uuid, claimed) ??
        sign({ uuid, sha512: claimed, bytes, receivedAt: prior.receivedAt, status: prior.status, duplicate: true });
    } else if (verified.ok) {
      const file = `${uuid}.zip${verified.encrypted ? '.age' : ''}`;
      const target = join(acceptedDir, file);
      await unlink(target).catch(() => {}); // left over from a crash before the index was saved
      // A hard link keeps the tus upload answering HEAD (a client whose last response was lost sees
      // "complete" instead of starting over) without a second copy of the bytes.
      await link(uploadPath, target).catch(() => copyFile(uploadPath, target));
      const pkg: AcceptedPackage = {
        uuid,
        sha512: claimed,
        bagSha512: verified.bagSha512,
        file,
        receivedAt: now,
        baseCode: verified.baseCode,
        kind: verified.kind,
        sequence: verified.sequence,
        bytes: verified.packageBytes,
      };
      index.data.packages[uuid] = pkg;
      const warnings = verified.warnings.map((w) => ({ code: w.code, message: w.message, ...(w.file ? { file: w.file } : {}) }));
      receipt = sign({
        uuid,
        sha512: claimed,
        bytes,
        receivedAt: now,
        status: 'accepted',
        ...(warnings.length ? { warnings } : {}),
      });
      index.setReceipt(receipt);
      index.data.processedUploads[id] = now;
      await index.save();
      log(
        `accepted ${uuid} (${verified.packageBytes} bytes)${warnings.length ? `; ${warnings.map((w) => w.code).join(',')}` : ''}`,
      );
      await opts.onAccepted?.(pkg, verified);
      return;
    } else {
      receipt = rejected(sign, { uuid, sha512: claimed, bytes, receivedAt: now }, verified.errors);
    }
    index.setReceipt(receipt);
    index.data.processedUploads[id] = now;
    await index.save();
    log(`${receipt.status} ${uuid}${receipt.errors ? `: ${receipt.errors.map((e) => e.code).join(',')}` : ''}`);
  };

  const handleFinished = async (upload: TusUpload): Promise<void> => {
    if (closing) return; // checked at the next start instead
    const key = `${upload.metadata?.uuid ?? ''}:${(upload.metadata?.sha512 ?? '').toLowerCase()}`;
    processing.add(key);
    try {
      await enqueue(() => processUpload(upload.id, upload.metadata));
    } catch (e) {
      // Left unprocessed: the next start checks it again. The client sees no receipt and retries.
      log(`processing ${upload.id} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      processing.delete(key);
    }
  };

  const tus = new TusServer({
    path: '/files',
    datastore: store,
    relativeLocation: true,
    maxSize: limits.maxPackageBytes,
    onUploadCreate: async (_req, upload) => {
      const m = upload.metadata ?? {};
      if (!m.uuid || !UUID_RE.test(m.uuid) || !m.sha512 || !/^[0-9a-fA-F]{128}$/.test(m.sha512)) {
        throw { status_code: 400, body: 'metadata must carry uuid and sha512\n' };
      }
      return {};
    },
    onUploadFinish: async (_req, upload) => {
      await handleFinished(upload);
      return {};
    },
  });

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      log(`request failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) json(res, 500, { code: 'INTERNAL', message: '接收服务器内部错误。' });
      else res.destroy();
    });
  });

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://intake.invalid');
    if (url.pathname === '/files' || url.pathname.startsWith('/files/')) {
      await tus.handle(req, res);
      return;
    }
    if (req.method !== 'GET') return json(res, 405, { code: 'METHOD_NOT_ALLOWED' });
    if (url.pathname === '/health') return json(res, 200, { service: INTAKE_SERVICE, version: 1 });
    const m = /^\/receipts\/([^/]+)$/.exec(url.pathname);
    if (!m) return json(res, 404, { code: 'NOT_FOUND' });
    const uuid = decodeURIComponent(m[1]!);
    const sha = url.searchParams.get('sha512')?.toLowerCase() ?? index.data.packages[uuid]?.sha512;
    if (!sha) return json(res, 404, { code: 'RECEIPT_NOT_FOUND', message: '没有该数据包的回执。' });
    const receipt = index.receipt(uuid, sha);
    if (receipt) return json(res, 200, receipt);
    if (processing.has(`${uuid}:${sha}`)) {
      res.setHeader('retry-after', '1');
      return json(res, 202, { status: 'processing', uuid, sha512: sha });
    }
    if (hashMismatch.has(`${uuid}:${sha}`)) {
      return json(res, 404, { code: 'UPLOAD_HASH_MISMATCH', message: '收到的文件与声明的 SHA-512 不一致。' });
    }
    return json(res, 404, { code: 'RECEIPT_NOT_FOUND', message: '没有该数据包的回执。' });
  };

  // Finish what a previous run left: complete uploads never checked; drop old processed uploads.
  const configstore = store.configstore as { list?: () => Promise<string[]> };
  for (const id of (await configstore.list?.()) ?? []) {
    const processedAt = index.data.processedUploads[id];
    if (processedAt !== undefined) {
      if (Date.now() - Date.parse(processedAt) > keepUploadsMs) {
        await store.remove(id).catch(() => rm(join(uploadsDir, id), { force: true }));
        delete index.data.processedUploads[id];
        await index.save();
      }
      continue;
    }
    const upload = await store.getUpload(id).catch(() => null);
    if (upload && upload.size !== undefined && upload.offset === upload.size) await handleFinished(upload);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;

  return {
    url: `http://${host}:${addr.port}`,
    port: addr.port,
    acceptedDir,
    receiptPublicKey: { keyId: receiptKey.keyId, publicKey: receiptKey.publicKey },
    snapshot: () => structuredClone(index.data),
    close: async () => {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await queue;
    },
  };
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

function rejected(
  sign: (fields: ReceiptFields) => Receipt,
  about: Pick<ReceiptFields, 'uuid' | 'sha512' | 'bytes' | 'receivedAt'>,
  errors: Receipt['errors'],
): Receipt {
  return sign({ ...about, status: 'rejected', ...(errors ? { errors } : {}) });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
