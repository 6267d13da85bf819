import { createHash, randomBytes, type Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/errors';
import { assertAgeRecipients, encryptStream } from '../../crypto/age';
import { signMinisign } from '../../crypto/minisign';
import { keyFingerprint, type SigningKey } from '../../crypto/signing-key';
import { assertPackageMeta, baggingTimestamp, formatBagInfo, RECORD_NAME_RE, type PackageMeta } from './bag-info';
import { BAG_FILES, BAGIT_TXT, formatManifest, PAYLOAD_DIR } from './bagit';
import { canonicalJsonBytes } from '../../util/canonical-json';
import { collisionKey, compareUtf8, unsafePathReason } from './paths';
import { zipStream, type ZipSource } from './zip-write';

/** A payload file: in-memory bytes (records, xlsx, forms) or a file streamed from disk (attachments). */
export type PayloadEntry = { path: string; bytes: Uint8Array } | { path: string; filePath: string };

export type BuildPackageInput = PackageMeta & {
  /** Where to write the package. Written to a temporary name in the same folder, then renamed. */
  outPath: string;
  /** One `data/<name>.json` per key (canonical JSON array) and one `Record-Count: <name>=<n>` each. */
  records: Readonly<Record<string, readonly unknown[]>>;
  /** Other payload files: `data/<name>.xlsx`, `data/forms/*.html`, `data/attachments/<sha256>.<ext>`... */
  payload?: readonly PayloadEntry[];
  signingKey: SigningKey;
  /** age recipients (`age1...`): when given, the whole ZIP is encrypted (the output is then not reproducible). */
  encryptTo?: string | readonly string[];
  /**
   * 'store' (default): no compression, so the bytes depend only on the inputs, never on the zlib build
   * of the Node/Electron that ran; 'deflate': deflate text files (json, txt, html, csv), reproducible
   * only with the same zlib.
   */
  compression?: 'store' | 'deflate';
  /** Called as the bag's bytes are written (the payload size is the rough total), for a progress display. */
  onWritten?: (writtenBytes: number, payloadBytes: number) => void;
};

export type BuiltPackage = {
  filePath: string;
  uuid: string;
  /** SHA-512 (hex) of the file as written: what is uploaded and what the receipt must echo. */
  sha512: string;
  /** Size of the file as written. */
  bytes: number;
  /** SHA-512 of the BagIt ZIP itself (equals sha512 unless encrypted). */
  bagSha512: string;
  bagBytes: number;
  encrypted: boolean;
  keyFingerprint: string;
  trustedComment: string;
  payloadFiles: number;
  payloadBytes: number;
  recordCounts: Record<string, number>;
};

const TEXT_EXT = /\.(json|txt|html?|csv)$/i;

type PlannedPayload =
  | { path: string; size: number; kind: 'bytes'; bytes: Uint8Array; digest: string }
  | { path: string; size: number; kind: 'file'; filePath: string };

export async function buildPackage(input: BuildPackageInput): Promise<BuiltPackage> {
  assertPackageMeta(input);
  const recipients =
    input.encryptTo === undefined ? [] : typeof input.encryptTo === 'string' ? [input.encryptTo] : [...input.encryptTo];
  if (recipients.length > 0) assertAgeRecipients(recipients);
  const payload = await planPayload(input);
  const recordCounts: Record<string, number> = {};
  for (const name of Object.keys(input.records)) recordCounts[name] = input.records[name]!.length;
  const payloadBytes = payload.reduce((n, p) => n + p.size, 0);
  const bag: BagText = {
    info: formatBagInfo({ ...input, recordCounts, payloadOxum: { octets: payloadBytes, count: payload.length } }),
    fingerprint: keyFingerprint(input.signingKey),
    trustedComment: `timestamp:${baggingTimestamp(input.baggingDate)} uuid:${input.uuid} base:${input.baseCode} kind:${input.kind} seq:${input.sequence}`,
  };
  const sources = bagSources(input, payload, bag);
  const onWritten = input.onWritten;
  const written = await writePackage(input, sources, recipients, onWritten ? (n) => onWritten(n, payloadBytes) : undefined);
  return {
    filePath: input.outPath,
    uuid: input.uuid,
    sha512: written.file.digest(),
    bytes: written.file.bytes(),
    bagSha512: written.bag.digest(),
    bagBytes: written.bag.bytes(),
    encrypted: recipients.length > 0,
    keyFingerprint: bag.fingerprint,
    trustedComment: bag.trustedComment,
    payloadFiles: payload.length,
    payloadBytes,
    recordCounts,
  };
}

/** The bag's own text, fixed before the archive is written. */
type BagText = { info: string; fingerprint: string; trustedComment: string };

/**
 * The archive's entries in byte order of their names: bag-info.txt, bagit.txt, the payload (sorted in
 * planPayload), then the manifest, tag manifest and signature, produced only once the entries before
 * them are written.
 */
function bagSources(input: BuildPackageInput, payload: PlannedPayload[], bag: BagText): ZipSource[] {
  const deflate = input.compression === 'deflate';
  const compress = (name: string): boolean => deflate && TEXT_EXT.test(name);
  // Attachment digests are taken from the bytes as they stream into the archive (one read per file);
  // the manifest entries sort after data/, so by the time the writer asks for them every digest is final.
  const digests = new Map<string, string>();
  for (const p of payload) if (p.kind === 'bytes') digests.set(p.path, p.digest);
  let manifestBytes: Buffer | undefined;
  let tagManifestBytes: Buffer | undefined;
  const sources: ZipSource[] = [
    { name: BAG_FILES.info, compress: compress(BAG_FILES.info), bytes: Buffer.from(bag.info, 'utf8') },
    { name: BAG_FILES.declaration, compress: compress(BAG_FILES.declaration), bytes: Buffer.from(BAGIT_TXT, 'utf8') },
    ...payload.map((p) => payloadSource(p, compress(p.path), digests)),
    {
      name: BAG_FILES.manifest,
      compress: compress(BAG_FILES.manifest),
      produce: () => (manifestBytes = Buffer.from(formatManifest(manifestLines(payload, digests)), 'utf8')),
    },
    {
      name: BAG_FILES.tagManifest,
      compress: compress(BAG_FILES.tagManifest),
      produce: () => (tagManifestBytes = tagManifest(bag.info, manifestBytes!)),
    },
    {
      name: BAG_FILES.signature,
      compress: false,
      produce: () =>
        Buffer.from(
          signMinisign(tagManifestBytes!, input.signingKey, {
            trustedComment: bag.trustedComment,
            untrustedComment: `signature from BaseDesk key ${bag.fingerprint}`,
          }),
          'utf8',
        ),
    },
  ];
  assertNameOrder(sources);
  return sources;
}

/** One payload entry; a file's digest is recorded in `digests` once all its bytes have streamed by. */
function payloadSource(p: PlannedPayload, compress: boolean, digests: Map<string, string>): ZipSource {
  if (p.kind === 'bytes') return { name: p.path, compress, bytes: p.bytes };
  let h: Hash | null = createHash('sha512');
  let seen = 0;
  return {
    name: p.path,
    compress,
    filePath: p.filePath,
    size: p.size,
    onData: (chunk) => {
      h!.update(chunk);
      seen += chunk.length;
    },
    onEnd: () => {
      if (seen === p.size) digests.set(p.path, h!.digest('hex'));
      h = null;
    },
  };
}

function manifestLines(payload: PlannedPayload[], digests: Map<string, string>): { path: string; digest: string }[] {
  return payload.map((p) => {
    const digest = digests.get(p.path);
    if (!digest) throw new Error(`internal: digest of ${p.path} not ready`);
    return { path: p.path, digest };
  });
}

function tagManifest(bagInfo: string, manifestBytes: Buffer): Buffer {
  const sha = (b: Uint8Array | string): string => createHash('sha512').update(b).digest('hex');
  return Buffer.from(
    formatManifest([
      { path: BAG_FILES.declaration, digest: sha(BAGIT_TXT) },
      { path: BAG_FILES.info, digest: sha(bagInfo) },
      { path: BAG_FILES.manifest, digest: sha(manifestBytes) },
    ]),
    'utf8',
  );
}

/** Reproducibility depends on the entries being in byte order of their names. */
function assertNameOrder(sources: ZipSource[]): void {
  for (let i = 1; i < sources.length; i++) {
    if (compareUtf8(sources[i - 1]!.name, sources[i]!.name) >= 0)
      throw new Error(`internal: entries out of order at ${sources[i]!.name}`);
  }
}

type Hashed = ReturnType<typeof hashingTap>;

/**
 * Writes the archive (encrypted when there are recipients) to a temporary name beside outPath, syncs
 * it and renames it into place; on failure nothing is left behind. Gives the hashes of the bag and of
 * the file as written.
 */
async function writePackage(
  input: BuildPackageInput,
  sources: ZipSource[],
  recipients: string[],
  onBagBytes?: (n: number) => void,
): Promise<{ bag: Hashed; file: Hashed }> {
  const tmpPath = join(dirname(input.outPath), `.${basename(input.outPath)}.${randomBytes(6).toString('hex')}.part`);
  const bag = hashingTap(onBagBytes);
  // Unencrypted, the file is the bag: hash once.
  const file = recipients.length > 0 ? hashingTap() : bag;
  let zip: Readable | undefined;
  try {
    const [year, month, day] = input.baggingDate.split('-').map(Number) as [number, number, number];
    zip = zipStream(sources, { year, month, day });
    if (recipients.length > 0) {
      const plain = zip.pipe(bag.tap);
      zip.on('error', (e) => bag.tap.destroy(e));
      const encrypted = await encryptStream(plain as AsyncIterable<Uint8Array>, recipients);
      await pipeline(encrypted, file.tap, createWriteStream(tmpPath));
    } else {
      await pipeline(zip, bag.tap, createWriteStream(tmpPath));
    }
    await fsyncFile(tmpPath);
    await rename(tmpPath, input.outPath);
  } catch (e) {
    zip?.destroy();
    await unlink(tmpPath).catch(() => {});
    if (e instanceof AppError) throw e;
    throw new AppError(
      'PKG_BUILD_FAILED',
      `生成数据包失败：${e instanceof Error ? e.message : String(e)}。请确认附件文件在打包过程中没有被移动或修改，磁盘空间充足后重试。`,
    );
  }
  return { bag, file };
}

async function planPayload(input: BuildPackageInput): Promise<PlannedPayload[]> {
  const planned: PlannedPayload[] = [];
  const seen = new Map<string, string>();
  const claim = (path: string): void => {
    const reason = unsafePathReason(path);
    if (reason) throw new AppError('PKG_INPUT_INVALID', `无法生成数据包：文件路径 "${path}" ${reason}。`, { path });
    if (!path.startsWith(PAYLOAD_DIR))
      throw new AppError('PKG_INPUT_INVALID', `无法生成数据包：内容文件 "${path}" 必须位于 data/ 目录下。`, { path });
    const key = collisionKey(path);
    const prev = seen.get(key);
    if (prev !== undefined) {
      throw new AppError('PKG_INPUT_INVALID', `无法生成数据包：文件 "${path}" 与 "${prev}" 重名（不区分大小写）。`, { path });
    }
    seen.set(key, path);
  };
  for (const name of Object.keys(input.records)) {
    if (!RECORD_NAME_RE.test(name))
      throw new AppError('PKG_INPUT_INVALID', `无法生成数据包：记录类型名 "${name}" 只能包含小写字母、数字、"_" 和 "-"。`);
    const rows = input.records[name];
    if (!Array.isArray(rows)) throw new AppError('PKG_INPUT_INVALID', `无法生成数据包：记录 "${name}" 必须是数组。`);
    const path = `${PAYLOAD_DIR}${name}.json`;
    claim(path);
    const bytes = canonicalJsonBytes(rows);
    planned.push({ path, size: bytes.length, kind: 'bytes', bytes, digest: sha512Hex(bytes) });
  }
  for (const p of input.payload ?? []) {
    claim(p.path);
    if ('bytes' in p) {
      planned.push({ path: p.path, size: p.bytes.byteLength, kind: 'bytes', bytes: p.bytes, digest: sha512Hex(p.bytes) });
    } else {
      let size: number;
      try {
        const st = await stat(p.filePath);
        if (!st.isFile()) throw new Error('not a regular file');
        size = st.size;
      } catch {
        throw new AppError(
          'PKG_ATTACHMENT_MISSING',
          `无法生成数据包：找不到附件文件 ${p.filePath}（对应 ${p.path}），或它不是普通文件。`,
          {
            path: p.path,
          },
        );
      }
      planned.push({ path: p.path, size, kind: 'file', filePath: p.filePath });
    }
  }
  return planned.sort((a, b) => compareUtf8(a.path, b.path));
}

function sha512Hex(b: Uint8Array): string {
  return createHash('sha512').update(b).digest('hex');
}

function hashingTap(onBytes?: (n: number) => void): { tap: Transform; digest: () => string; bytes: () => number } {
  const h = createHash('sha512');
  let n = 0;
  let hex: string | undefined;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      h.update(chunk);
      n += chunk.length;
      onBytes?.(n);
      done(null, chunk);
    },
  });
  return { tap, digest: () => (hex ??= h.digest('hex')), bytes: () => n };
}

async function fsyncFile(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
