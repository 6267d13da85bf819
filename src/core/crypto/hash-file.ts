import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';

export type FileDigest = { digest: string; bytes: number };

/** 1 MiB reads: large enough for throughput, small enough that memory stays flat on multi-GB files. */
export const READ_CHUNK = 1024 * 1024;

/** Streams a file through a hash; never holds more than one chunk. */
export async function hashFile(path: string, algorithm = 'sha512', signal?: AbortSignal): Promise<FileDigest> {
  const h = createHash(algorithm);
  let bytes = 0;
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK, ...(signal ? { signal } : {}) });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    h.update(chunk);
    bytes += chunk.length;
  }
  return { digest: h.digest('hex'), bytes };
}

// Plain CommonJS so the worker runs the same under tsx, vitest and a bundled Electron main process.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
(async () => {
  const h = createHash(workerData.algorithm);
  let bytes = 0;
  for await (const chunk of createReadStream(workerData.path, { highWaterMark: workerData.chunk })) {
    h.update(chunk);
    bytes += chunk.length;
  }
  parentPort.postMessage({ digest: h.digest('hex'), bytes });
})().catch((e) => parentPort.postMessage({ error: String(e && e.message || e) }));
`;

/**
 * Same as hashFile, but on a worker thread: Node hashes on the calling thread, so hashing the whole
 * package while the main thread hashes its entries would otherwise serialise on one core.
 * `terminate()` stops it early (e.g. when verification already failed).
 */
export function hashFileInWorker(path: string, algorithm = 'sha512'): { result: Promise<FileDigest>; terminate: () => void } {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, algorithm, chunk: READ_CHUNK } });
  } catch {
    // No worker threads (unusual embedders): same answer, one core.
    return { result: hashFile(path, algorithm), terminate: () => {} };
  }
  const result = new Promise<FileDigest>((resolve, reject) => {
    worker.once('message', (m: FileDigest & { error?: string }) => {
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve({ digest: m.digest, bytes: m.bytes });
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`hash worker exited with code ${code}`)));
  });
  // Callers may drop the promise after terminate(); never leave an unhandled rejection behind.
  result.catch(() => {});
  return { result, terminate: () => void worker.terminate() };
}
