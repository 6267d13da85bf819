import { createServer, type Server } from 'node:http';
import { mkdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Upload as TusUpload } from '@tus/utils';
import type { FileStore } from '@tus/file-store';
import type { PublicKey, SigningKey } from '../crypto/signing-key';
import { UUID_RE } from '../outbox/package/bag-info';
import { DEFAULT_VERIFY_LIMITS, type VerifyLimits } from '../outbox/package/limits';
import type { VerifiedPackage } from '../outbox/package/verify';
import { IntakeIndex, type AcceptedPackage, type IntakeIndexData } from './intake-index';
import { processUpload, type IntakeState } from './intake-process';
import { json, routeRequest } from './intake-routes';
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
  const s = await openState(opts);
  const keepUploadsMs = opts.keepUploadsMs ?? 24 * 3600 * 1000;
  // The tus server is loaded only by the command that runs it (loading it costs more than Node's start-up).
  const [{ FileStore }, { Server: TusServer }] = await Promise.all([import('@tus/file-store'), import('@tus/server')]);
  const store = new FileStore({ directory: s.uploadsDir });
  const checks = new CheckQueue(s);

  const tus = new TusServer({
    path: '/files',
    datastore: store,
    relativeLocation: true,
    maxSize: s.limits.maxPackageBytes,
    onUploadCreate: async (_req, upload) => {
      const m = upload.metadata ?? {};
      if (!m.uuid || !UUID_RE.test(m.uuid) || !m.sha512 || !/^[0-9a-fA-F]{128}$/.test(m.sha512)) {
        throw { status_code: 400, body: 'metadata must carry uuid and sha512\n' };
      }
      return {};
    },
    onUploadFinish: async (_req, upload) => {
      await checks.finished(upload);
      return {};
    },
  });

  const server = createServer((req, res) => {
    routeRequest(s, tus, req, res).catch((e: unknown) => {
      s.log(`request failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) json(res, 500, { code: 'INTERNAL', message: '接收服务器内部错误。' });
      else res.destroy();
    });
  });

  await finishPreviousRun(s, store, keepUploadsMs, (upload) => checks.finished(upload));
  const addr = await listen(server, opts.port ?? 0, opts.host ?? '127.0.0.1');
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;

  return {
    url: `http://${host}:${addr.port}`,
    port: addr.port,
    acceptedDir: s.acceptedDir,
    receiptPublicKey: { keyId: s.receiptKey.keyId, publicKey: s.receiptKey.publicKey },
    snapshot: () => structuredClone(s.index.data),
    close: async () => {
      checks.closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await checks.idle();
    },
  };
}

/** Makes the folders, loads the receipt key and the index. */
async function openState(opts: IntakeServerOptions): Promise<IntakeState & { receiptKey: SigningKey }> {
  const uploadsDir = join(opts.dir, 'uploads');
  const acceptedDir = join(opts.dir, 'accepted');
  const tmpDir = join(opts.dir, 'tmp');
  await Promise.all([uploadsDir, acceptedDir, tmpDir].map((d) => mkdir(d, { recursive: true })));
  const receiptKey = opts.receiptKey ?? (await loadOrCreateReceiptKey(opts.dir));
  const sign = (fields: ReceiptFields): Receipt => signReceipt(fields, receiptKey);
  return {
    uploadsDir,
    acceptedDir,
    tmpDir,
    receiptKey,
    sign,
    index: await IntakeIndex.load(join(opts.dir, 'index.json'), sign),
    limits: { ...DEFAULT_VERIFY_LIMITS, ...opts.limits },
    trustedKeys: opts.trustedKeys,
    ...(opts.identities ? { identities: opts.identities } : {}),
    ...(opts.onAccepted ? { onAccepted: opts.onAccepted } : {}),
    log: opts.log ?? (() => {}),
    processing: new Set(),
    hashMismatch: new Set(),
  };
}

/** Completed uploads are checked one at a time, in the order they finished. */
class CheckQueue {
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when the server closes: uploads finishing after that are checked at the next start instead. */
  closing = false;

  constructor(private readonly s: IntakeState) {}

  async finished(upload: TusUpload): Promise<void> {
    if (this.closing) return;
    const key = `${upload.metadata?.uuid ?? ''}:${(upload.metadata?.sha512 ?? '').toLowerCase()}`;
    this.s.processing.add(key);
    try {
      await this.enqueue(() => processUpload(this.s, upload.id, upload.metadata));
    } catch (e) {
      // Left unprocessed: the next start checks it again. The client sees no receipt and retries.
      this.s.log(`processing ${upload.id} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.s.processing.delete(key);
    }
  }

  /** Resolves once every check queued so far is done. */
  async idle(): Promise<void> {
    await this.queue;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }
}

/** Finishes what a previous run left: checks complete uploads never checked, drops old processed ones. */
async function finishPreviousRun(
  s: IntakeState,
  store: FileStore,
  keepUploadsMs: number,
  check: (upload: TusUpload) => Promise<void>,
): Promise<void> {
  const configstore = store.configstore as { list?: () => Promise<string[]> };
  for (const id of (await configstore.list?.()) ?? []) {
    const processedAt = s.index.data.processedUploads[id];
    if (processedAt !== undefined) {
      if (Date.now() - Date.parse(processedAt) > keepUploadsMs) {
        await store.remove(id).catch(() => rm(join(s.uploadsDir, id), { force: true }));
        delete s.index.data.processedUploads[id];
        await s.index.save();
      }
      continue;
    }
    const upload = await store.getUpload(id).catch(() => null);
    if (upload && upload.size !== undefined && upload.offset === upload.size) await check(upload);
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}
