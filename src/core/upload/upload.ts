import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DetailedError } from 'tus-js-client';
import { AppError } from '../../shared/errors';
import { getJson, joinUrl, type FetchLike } from './http-get';
import type { PublicKey } from '../crypto/signing-key';
import { checkReceipt, type ExpectedReceipt, type Receipt } from './receipt';
import { tusUrlStorage, type ResumeStore } from './resume-store';

export type UploadPackageOptions = {
  /** Intake base URL, e.g. "https://intake.example.cn/basedesk". tus lives at {endpoint}/files/. */
  endpoint: string;
  filePath: string;
  /** SHA-512 (hex) of the file: the tus fingerprint, the receipt key, and what the intake re-checks. */
  sha512: string;
  uuid: string;
  /** The intake's receipt-signing keys pinned in the base: a receipt signed by anything else proves nothing. */
  receiptKeys: readonly PublicKey[];
  resumeStore: ResumeStore;
  onProgress?: (bytesSent: number, bytesTotal: number) => void;
  signal?: AbortSignal;
  /** For the receipt requests (tus itself uses Node's http). Default: global fetch. */
  fetchImpl?: FetchLike;
  /** tus retries within this call. Default [0, 1000, 3000, 5000, 10000]; the caller retries across calls. */
  retryDelays?: number[];
  /** Bytes per PATCH request. Default 64 MiB (the server keeps partial requests, so this only bounds a request). */
  chunkSize?: number;
  /** Give up (UPLOAD_OFFLINE) when nothing moves for this long. Default 120 s. */
  stallTimeoutMs?: number;
  /** How long to wait for the intake to finish checking an uploaded package. Default 10 min. */
  receiptTimeoutMs?: number;
  /** Timeout of each receipt request. Default 15 s. */
  requestTimeoutMs?: number;
};

export type UploadOutcome = { status: 'delivered'; receipt: Receipt } | { status: 'rejected'; receipt: Receipt };

/**
 * Sends a package with tus and returns only on a receipt for exactly this (uuid, sha512, size), signed
 * by one of the pinned receipt keys.
 *
 * 1. Ask for the receipt first: a package already accepted (e.g. the last attempt's answer was lost)
 *    is delivered without sending a byte; a 200 that is not a receipt means a captive portal.
 * 2. Upload with tus, resuming from the URL kept in `resumeStore` under the package hash.
 * 3. Poll GET {endpoint}/receipts/{uuid}?sha512=... (202 while the intake verifies) until it answers.
 *
 * Throws AppError: UPLOAD_OFFLINE (no connection / stalled), UPLOAD_HTTP_<status>, UPLOAD_NO_RECEIPT,
 * UPLOAD_RECEIPT_UNSIGNED, UPLOAD_RECEIPT_SIGNATURE, UPLOAD_RECEIPT_MISMATCH, UPLOAD_HASH_MISMATCH (the intake received other bytes than announced),
 * UPLOAD_ABORTED, UPLOAD_FILE_MISSING. In every error case the package stays queued.
 */
export async function uploadPackage(opts: UploadPackageOptions): Promise<UploadOutcome> {
  const sha512 = opts.sha512.toLowerCase();
  if (!/^[0-9a-f]{128}$/.test(sha512)) throw new AppError('UPLOAD_BAD_INPUT', '数据包校验值（SHA-512）格式不正确。');
  const fetchImpl = opts.fetchImpl ?? (globalThis.fetch as FetchLike);
  const endpoint = opts.endpoint.replace(/\/+$/, '');
  if (opts.receiptKeys.length === 0) {
    throw new AppError(
      'OUTBOX_NO_INTAKE_KEY',
      '尚未登记接收方的回执签名公钥，无法确认送达，因此不发送。请先导入省里提供的接收方公钥。',
    );
  }
  const st = await stat(opts.filePath).catch(() => null);
  if (!st || !st.isFile()) {
    throw new AppError('UPLOAD_FILE_MISSING', `找不到待发送的数据包文件 ${opts.filePath}。请重新生成该数据包。`, {
      uuid: opts.uuid,
    });
  }
  const expected: ExpectedReceipt = { uuid: opts.uuid, sha512, bytes: st.size };
  throwIfAborted(opts.signal);

  const first = await askReceipt(endpoint, expected, fetchImpl, opts, false);
  // Same uuid and bytes -> same answer: an accepted or rejected package is not sent again.
  if (first.kind === 'receipt') return outcome(first.receipt);
  if (first.kind === 'absent') {
    await tusUpload(endpoint, st.size, opts, sha512);
  }
  return outcome(await waitForReceipt(endpoint, expected, fetchImpl, opts));
}

function outcome(receipt: Receipt): UploadOutcome {
  return receipt.status === 'accepted' ? { status: 'delivered', receipt } : { status: 'rejected', receipt };
}

type Asked = { kind: 'receipt'; receipt: Receipt } | { kind: 'pending'; retryAfterMs: number | null } | { kind: 'absent' };

async function askReceipt(
  endpoint: string,
  expected: ExpectedReceipt,
  fetchImpl: FetchLike,
  opts: UploadPackageOptions,
  afterUpload: boolean,
): Promise<Asked> {
  const url = joinUrl(endpoint, `receipts/${encodeURIComponent(expected.uuid)}?sha512=${expected.sha512}`);
  let r;
  try {
    r = await getJson(url, fetchImpl, {
      timeoutMs: opts.requestTimeoutMs ?? 15_000,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch {
    throw aborted();
  }
  if (r.kind === 'network-error') throw offline(r.message);
  if (r.status === 200) {
    return { kind: 'receipt', receipt: checkReceipt(r.isJson ? r.json : undefined, expected, opts.receiptKeys) };
  }
  if (r.status === 202 && r.isJson) return { kind: 'pending', retryAfterMs: r.retryAfterMs };
  if (r.status === 404) {
    const code = r.isJson ? (r.json as { code?: unknown } | null)?.code : undefined;
    // Before sending, an old mismatch only means the last attempt went wrong: send again.
    if (code === 'UPLOAD_HASH_MISMATCH' && afterUpload) {
      throw new AppError(
        'UPLOAD_HASH_MISMATCH',
        '接收方收到的文件与本机数据包的校验值不一致（文件可能在发送期间被改动）。请重新生成数据包后再发送。',
        { uuid: expected.uuid },
      );
    }
    return { kind: 'absent' };
  }
  if (r.status >= 200 && r.status < 300) {
    return { kind: 'receipt', receipt: checkReceipt(undefined, expected, opts.receiptKeys) };
  }
  throw httpError(r.status);
}

async function waitForReceipt(
  endpoint: string,
  expected: ExpectedReceipt,
  fetchImpl: FetchLike,
  opts: UploadPackageOptions,
): Promise<Receipt> {
  const deadline = Date.now() + (opts.receiptTimeoutMs ?? 600_000);
  let delay = 200;
  let absentCount = 0;
  let networkErrors = 0;
  // Bounded by time and by count: at most ~1 poll per 200 ms, at most 2000 polls.
  for (let attempt = 0; attempt < 2000; attempt++) {
    let asked: Asked;
    try {
      asked = await askReceipt(endpoint, expected, fetchImpl, opts, true);
    } catch (e) {
      if (e instanceof AppError && e.code === 'UPLOAD_OFFLINE' && ++networkErrors <= 5 && Date.now() < deadline) {
        await pause(delay, opts.signal);
        continue;
      }
      throw e;
    }
    if (asked.kind === 'receipt') return asked.receipt;
    if (asked.kind === 'absent' && ++absentCount > 3) {
      throw new AppError(
        'UPLOAD_NO_RECEIPT',
        '文件已传完，但接收方没有给出接收回执。数据包仍保留在待发送队列中，稍后会自动重试。',
        { uuid: expected.uuid },
      );
    }
    if (Date.now() >= deadline) {
      throw new AppError(
        'UPLOAD_NO_RECEIPT',
        '接收方长时间未完成数据包校验，尚未给出回执。数据包仍保留在待发送队列中，稍后会自动重试。',
        {
          uuid: expected.uuid,
        },
      );
    }
    await pause(asked.kind === 'pending' && asked.retryAfterMs ? Math.min(asked.retryAfterMs, 5000) : delay, opts.signal);
    delay = Math.min(delay * 2, 2000);
  }
  throw new AppError('UPLOAD_NO_RECEIPT', '接收方未给出接收回执。数据包仍保留在待发送队列中，稍后会自动重试。', {
    uuid: expected.uuid,
  });
}

async function tusUpload(endpoint: string, size: number, opts: UploadPackageOptions, sha512: string): Promise<void> {
  // Loaded when a package is actually sent, not by every command.
  const { Upload } = await import('tus-js-client');
  const stallMs = opts.stallTimeoutMs ?? 120_000;
  return new Promise<void>((resolve, reject) => {
    const source = createReadStream(opts.filePath);
    let settled = false;
    let lastActivity = Date.now();
    const touch = (): void => {
      lastActivity = Date.now();
    };
    const finish = (err?: AppError): void => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      opts.signal?.removeEventListener('abort', onAbort);
      source.destroy();
      if (err) reject(err);
      else resolve();
    };
    const upload = new Upload(source as unknown as Buffer, {
      endpoint: joinUrl(endpoint, 'files/'),
      // The package hash, not tus-js-client's default (path + size + mtime): stable across restarts
      // and renames, and a rebuilt package with other bytes can never resume into the old upload.
      fingerprint: async () => `basedesk-${sha512}`,
      urlStorage: tusUrlStorage(opts.resumeStore),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      uploadSize: size,
      chunkSize: opts.chunkSize ?? 64 * 1024 * 1024,
      retryDelays: opts.retryDelays ?? [0, 1000, 3000, 5000, 10000],
      metadata: { filename: basename(opts.filePath), uuid: opts.uuid, sha512 },
      onShouldRetry: (err) => {
        // Retry lost connections and server trouble; not answers from something that is not a tus server.
        const status = err.originalResponse?.getStatus() ?? 0;
        return status === 0 || status >= 500 || status === 409 || status === 423;
      },
      onProgress: (sent, total) => {
        touch();
        opts.onProgress?.(sent, total);
      },
      onChunkComplete: touch,
      onAfterResponse: () => touch(),
      onSuccess: () => finish(),
      onError: (err) => finish(mapTusError(err)),
    });
    const onAbort = (): void => {
      upload.abort(false).catch(() => {});
      finish(aborted());
    };
    const watchdog = setInterval(
      () => {
        if (Date.now() - lastActivity > stallMs) {
          upload.abort(false).catch(() => {});
          finish(
            new AppError(
              'UPLOAD_OFFLINE',
              `上传已停滞超过 ${Math.round(stallMs / 1000)} 秒，连接可能已断开。数据包仍在待发送队列中，稍后会从断点续传。`,
            ),
          );
        }
      },
      Math.min(1000, stallMs),
    );
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    upload
      .findPreviousUploads()
      .then((previous) => {
        if (settled) return;
        if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      })
      .catch((e: unknown) =>
        finish(new AppError('UPLOAD_RESUME_STORE', `读取断点续传记录失败：${e instanceof Error ? e.message : String(e)}。`)),
      );
  });
}

function mapTusError(err: Error | DetailedError): AppError {
  const res = 'originalResponse' in err ? err.originalResponse : null;
  if (!res) {
    if ('originalRequest' in err) return offline(err.message);
    return new AppError('UPLOAD_FILE_UNREADABLE', `读取待发送的数据包失败：${err.message}。`);
  }
  const status = res.getStatus();
  if (status >= 200 && status < 300) {
    return new AppError(
      'UPLOAD_NO_RECEIPT',
      '服务器的应答不符合上传协议，可能不是 BaseDesk 接收服务（例如 Wi-Fi 登录页）。数据包仍保留在待发送队列中。',
    );
  }
  return httpError(status);
}

function httpError(status: number): AppError {
  const hint =
    status === 413
      ? '数据包超过接收方允许的大小。'
      : status >= 500
        ? '接收服务器出错，稍后会自动重试。'
        : '接收方拒绝了请求，请检查接收地址配置。';
  return new AppError(`UPLOAD_HTTP_${status}`, `接收服务器返回 HTTP ${status}：${hint}数据包仍保留在待发送队列中。`, { status });
}

function offline(detail: string): AppError {
  return new AppError(
    'UPLOAD_OFFLINE',
    '无法连接接收服务器（网络不通或服务器未开启）。数据包仍保留在待发送队列中，联网后会从断点续传。',
    {
      detail,
    },
  );
}

function aborted(): AppError {
  return new AppError('UPLOAD_ABORTED', '上传已取消。数据包仍保留在待发送队列中，下次会从断点续传。');
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw aborted();
}

async function pause(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : {});
  } catch {
    throw aborted();
  }
}
