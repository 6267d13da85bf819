import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isAppError } from '../../../shared/errors';
import { decryptStream, detectAgeFile } from '../../crypto/age';
import { hashFileInWorker, READ_CHUNK } from '../../crypto/hash-file';
import { parseMinisignSignature, parseTrustedComment, verifyMinisignSignature } from '../../crypto/minisign';
import { keyFingerprint, type PublicKey } from '../../crypto/signing-key';
import { parseBagInfo, type BagInfo } from './bag-info';
import { BAG_FILES, bagitDeclarationProblem, parseManifest, PAYLOAD_DIR } from './bagit';
import { DEFAULT_VERIFY_LIMITS, RATIO_CHECK_MIN_BYTES, type VerifyLimits } from './limits';
import { collisionKey, unsafePathReason } from './paths';
import { EntryTooLargeError, isSpecialFile, isSymlink, ZipReader, type RawZipEntry } from './zip-read';

export type VerifyErrorCode =
  | 'PKG_NOT_FOUND'
  | 'PKG_ENCRYPTED_NO_IDENTITY'
  | 'PKG_DECRYPT_FAILED'
  | 'PKG_NOT_ZIP'
  | 'PKG_TRUNCATED'
  | 'PKG_CORRUPT'
  | 'PKG_UNSAFE_PATH'
  | 'PKG_LINK'
  | 'PKG_SPECIAL_FILE'
  | 'PKG_DUPLICATE_ENTRY'
  | 'PKG_DIRECTORY_ENTRY'
  | 'PKG_UNSUPPORTED_ENTRY'
  | 'PKG_TOO_LARGE'
  | 'PKG_ZIP_BOMB'
  | 'BAG_MISSING_FILE'
  | 'BAG_BAD_DECLARATION'
  | 'BAG_FETCH_NOT_ALLOWED'
  | 'BAG_MANIFEST_FORMAT'
  | 'BAG_TAG_NOT_COVERED'
  | 'BAG_TAG_DIGEST'
  | 'BAG_INFO_INVALID'
  | 'BAG_PAYLOAD_NOT_IN_MANIFEST'
  | 'BAG_PAYLOAD_MISSING'
  | 'BAG_PAYLOAD_DIGEST'
  | 'BAG_OXUM'
  | 'SIG_MISSING'
  | 'SIG_FORMAT'
  | 'SIG_UNKNOWN_KEY'
  | 'SIG_INVALID'
  | 'SIG_MISMATCH_UUID'
  | 'SIG_MISMATCH_BAGINFO'
  | 'PKG_REPLAY_DIFFERENT';

export type VerifyError = { code: VerifyErrorCode; file?: string; message: string };

/** Findings that do not fail verification but a person should see (e.g. a sequence going back). */
export type VerifyWarning = { code: 'PKG_SEQUENCE_BACKWARDS'; file?: string; message: string };

export type VerifyOptions = {
  /** Pinned signing keys. A package signed by any other key fails with SIG_UNKNOWN_KEY. */
  trustedKeys: readonly PublicKey[];
  /**
   * The SHA-512 recorded when this uuid was accepted before, or null. A match with either the package
   * file hash or the inner ZIP hash (they differ when encrypted) is an identical re-submission.
   */
  acceptedPackages?: (uuid: string) => string | null | undefined | Promise<string | null | undefined>;
  /**
   * The highest Sequence-Number accepted so far from this base for this kind (other uuids), or null.
   * A package whose sequence is not above it is still verified, with a PKG_SEQUENCE_BACKWARDS warning:
   * an old package sent again late, or sequences reused by a second installation of the base.
   */
  latestSequence?: (
    baseCode: string,
    kind: string,
    uuid: string,
  ) => number | null | undefined | Promise<number | null | undefined>;
  limits?: Partial<VerifyLimits>;
  /** age identities (`AGE-SECRET-KEY-1...`) to open encrypted packages. */
  identities?: readonly string[];
  /** Where an encrypted package is decrypted to while checking (removed afterwards). Default: os.tmpdir(). */
  tmpDir?: string;
};

export type VerifiedPackage = {
  ok: true;
  uuid: string;
  baseCode: string;
  baseName: string;
  kind: string;
  cohortYear: number;
  schemaVersion: number;
  sequence: number;
  baggingDate: string;
  /** SHA-512 of the package file as given (the transport bytes). */
  sha512: string;
  /** SHA-512 of the BagIt ZIP (after decryption); equals sha512 when not encrypted. */
  bagSha512: string;
  packageBytes: number;
  /** Payload files and their total size (what Payload-Oxum says). */
  files: number;
  bytes: number;
  recordCounts: Record<string, number>;
  encrypted: boolean;
  keyFingerprint: string;
  trustedComment: string;
  /** True when acceptedPackages says this exact package was accepted before. */
  duplicate: boolean;
  warnings: VerifyWarning[];
};

export type VerifyResult = VerifiedPackage | { ok: false; errors: VerifyError[] };

type Failure = { ok: false; errors: VerifyError[] };
type ZipFacts = Omit<VerifiedPackage, 'ok' | 'sha512' | 'bagSha512' | 'packageBytes' | 'encrypted' | 'duplicate' | 'warnings'>;

/**
 * Verifies a package, stage by stage, stopping after the first stage that finds anything:
 * encryption -> archive safety -> bag structure -> tag manifest -> bag-info -> payload manifest ->
 * Payload-Oxum -> signature -> replay. Within a stage every problem is reported, each naming its file.
 * Never extracts anything to disk (except the decrypted ZIP of an encrypted package, in tmpDir).
 */
export async function verifyPackage(filePath: string, options: VerifyOptions): Promise<VerifyResult> {
  const limits: VerifyLimits = { ...DEFAULT_VERIFY_LIMITS, ...options.limits };
  const pkgName = basename(filePath);
  const st = await stat(filePath).catch(() => null);
  if (!st || !st.isFile()) return failed('PKG_NOT_FOUND', pkgName, `找不到数据包文件 ${filePath}，或它不是普通文件。`);
  if (st.size > limits.maxPackageBytes) {
    return failed('PKG_TOO_LARGE', pkgName, `数据包有 ${st.size} 字节，超过允许的 ${limits.maxPackageBytes} 字节上限。`);
  }

  const age = await detectAgeFile(filePath);
  let zipPath = filePath;
  let tmpPath: string | undefined;
  let fileDigest: Promise<string>;
  let bagDigest: Promise<string>;
  let stopHashing = (): void => {};
  try {
    if (age !== 'none') {
      if (age === 'armored') {
        return failed(
          'PKG_DECRYPT_FAILED',
          pkgName,
          '数据包是 ASCII 封装（armored）的 age 文件，本程序只接受二进制 age 文件。请让发送方重新导出。',
        );
      }
      if (!options.identities || options.identities.length === 0) {
        return failed(
          'PKG_ENCRYPTED_NO_IDENTITY',
          pkgName,
          '数据包已加密，但本机没有配置用于解密的 age 私钥。请先导入本单位的解密私钥。',
        );
      }
      tmpPath = join(options.tmpDir ?? tmpdir(), `basedesk-verify-${randomBytes(8).toString('hex')}.zip`);
      const dec = await decryptToFile(filePath, tmpPath, options.identities, limits.maxPackageBytes, pkgName);
      if (!dec.ok) return dec;
      zipPath = tmpPath;
      fileDigest = Promise.resolve(dec.cipherSha512);
      bagDigest = Promise.resolve(dec.plainSha512);
    } else {
      // The whole-file hash runs on another core while this thread reads the entries.
      const w = hashFileInWorker(filePath, 'sha512');
      stopHashing = w.terminate;
      fileDigest = w.result.then((r) => r.digest);
      // Not awaited when an earlier stage fails (the worker is then terminated): keep that quiet.
      fileDigest.catch(() => {});
      bagDigest = fileDigest;
    }

    const facts = await verifyZip(zipPath, pkgName, options, limits);
    if (!facts.ok) return facts;

    const sha512 = await fileDigest;
    const bagSha512 = await bagDigest;
    let duplicate = false;
    if (options.acceptedPackages) {
      const previous = await options.acceptedPackages(facts.value.uuid);
      if (previous) {
        const prev = previous.toLowerCase();
        if (prev === sha512 || prev === bagSha512) duplicate = true;
        else {
          return failed(
            'PKG_REPLAY_DIFFERENT',
            BAG_FILES.info,
            `编号为 ${facts.value.uuid} 的数据包此前已接收，但内容与本次不同。同一编号不能重复提交不同内容：如需更正，请生成新编号的数据包。`,
          );
        }
      }
    }
    return {
      ok: true,
      ...facts.value,
      sha512,
      bagSha512,
      packageBytes: st.size,
      encrypted: age !== 'none',
      duplicate,
      warnings: duplicate ? [] : await sequenceWarnings(facts.value, options),
    };
  } finally {
    stopHashing();
    if (tmpPath) await rm(tmpPath, { force: true });
  }
}

async function sequenceWarnings(facts: ZipFacts, options: VerifyOptions): Promise<VerifyWarning[]> {
  const latest = await options.latestSequence?.(facts.baseCode, facts.kind, facts.uuid);
  if (latest === null || latest === undefined || facts.sequence > latest) return [];
  return [
    {
      code: 'PKG_SEQUENCE_BACKWARDS',
      file: BAG_FILES.info,
      message: `基地 ${facts.baseCode} 的 ${facts.kind} 数据包序号为 ${facts.sequence}，不大于此前已接收的最新序号 ${latest}：可能是旧数据包迟到或被重发，也可能是另一套安装在用同一基地代码报送。请与基地核实哪一份是最新的。`,
    },
  ];
}

function failed(code: VerifyErrorCode, file: string | undefined, message: string): Failure {
  return { ok: false, errors: [file === undefined ? { code, message } : { code, file, message }] };
}

async function decryptToFile(
  src: string,
  dst: string,
  identities: readonly string[],
  maxBytes: number,
  pkgName: string,
): Promise<Failure | { ok: true; cipherSha512: string; plainSha512: string }> {
  const cipherHash = createHash('sha512');
  const plainHash = createHash('sha512');
  let plainBytes = 0;
  const input = createReadStream(src, { highWaterMark: READ_CHUNK });
  const cipherTap = new Transform({
    transform(chunk: Buffer, _e, done) {
      cipherHash.update(chunk);
      done(null, chunk);
    },
  });
  input.on('error', (e) => cipherTap.destroy(e));
  let tooLarge = false;
  const plainTap = new Transform({
    transform(chunk: Buffer, _e, done) {
      plainBytes += chunk.length;
      if (plainBytes > maxBytes) {
        tooLarge = true;
        done(new Error('too large'));
        return;
      }
      plainHash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    const plain = await decryptStream(input.pipe(cipherTap) as AsyncIterable<Uint8Array>, identities);
    await pipeline(plain, plainTap, createWriteStream(dst, { mode: 0o600 }));
  } catch (e) {
    input.destroy();
    if (tooLarge) return failed('PKG_TOO_LARGE', pkgName, `解密后的数据包超过允许的 ${maxBytes} 字节上限。`);
    if (isAppError(e) && e.code === 'PKG_DECRYPT_FAILED') return failed('PKG_DECRYPT_FAILED', pkgName, e.message);
    return failed('PKG_DECRYPT_FAILED', pkgName, '解密失败：加密内容被篡改或文件不完整（可能传输中断）。请让发送方重新发送。');
  }
  return { ok: true, cipherSha512: cipherHash.digest('hex'), plainSha512: plainHash.digest('hex') };
}

async function verifyZip(
  zipPath: string,
  pkgName: string,
  options: VerifyOptions,
  limits: VerifyLimits,
): Promise<Failure | { ok: true; value: ZipFacts }> {
  let reader: ZipReader;
  try {
    reader = await ZipReader.open(zipPath);
  } catch {
    const head = await readHead(zipPath, 4);
    return head.length >= 4 && head.readUInt32LE(0) === 0x04034b50
      ? failed('PKG_TRUNCATED', pkgName, '数据包不完整（ZIP 结尾的目录缺失），可能下载或拷贝中断。请重新获取完整文件。')
      : failed('PKG_NOT_ZIP', pkgName, '文件不是 ZIP 格式的数据包。请确认选择的是 BaseDesk 生成的数据包文件。');
  }
  try {
    return await checkArchive(reader, pkgName, options, limits);
  } finally {
    reader.close();
  }
}

async function checkArchive(
  reader: ZipReader,
  pkgName: string,
  options: VerifyOptions,
  limits: VerifyLimits,
): Promise<Failure | { ok: true; value: ZipFacts }> {
  // ---- Stage: archive safety -------------------------------------------------------------------
  if (reader.entryCount > limits.maxEntries) {
    return failed('PKG_TOO_LARGE', pkgName, `数据包含有 ${reader.entryCount} 个条目，超过允许的 ${limits.maxEntries} 个。`);
  }
  let entries: RawZipEntry[];
  try {
    entries = await reader.entries();
  } catch (e) {
    return failed('PKG_CORRUPT', pkgName, `ZIP 目录已损坏，无法读取（${errText(e)}）。请重新获取完整文件。`);
  }
  const errors: VerifyError[] = [];
  const seen = new Map<string, string>();
  let total = 0;
  for (const e of entries) {
    const shown = e.name ?? e.nameBytes.toString('utf8');
    if (e.name === null) {
      errors.push({ code: 'PKG_UNSAFE_PATH', file: shown, message: `条目名称不是有效的 UTF-8 编码：${shown}。` });
      continue;
    }
    if (e.name.endsWith('/')) {
      // FORMAT.md: no directory entries. One carrying bytes would hide data no manifest covers.
      const carries = e.compressedSize > 0 || e.uncompressedSize > 0;
      errors.push({
        code: 'PKG_DIRECTORY_ENTRY',
        file: e.name,
        message: carries
          ? `条目 "${e.name}" 是目录却带有 ${Math.max(e.compressedSize, e.uncompressedSize)} 字节内容，这些内容不受清单保护，数据包不予接受。`
          : `条目 "${e.name}" 是目录条目；BaseDesk 数据包不含目录条目，请让发送方用 BaseDesk 重新生成。`,
      });
    }
    const reason = unsafePathReason(e.name, { allowDirectory: true });
    if (reason)
      errors.push({
        code: 'PKG_UNSAFE_PATH',
        file: e.name,
        message: `条目 "${e.name}" ${reason}，解压时可能写到数据包以外的位置。`,
      });
    if (isSymlink(e))
      errors.push({ code: 'PKG_LINK', file: e.name, message: `条目 "${e.name}" 是符号链接，数据包中不允许出现链接。` });
    else if (isSpecialFile(e))
      errors.push({
        code: 'PKG_SPECIAL_FILE',
        file: e.name,
        message: `条目 "${e.name}" 是设备或管道等特殊文件，数据包中不允许。`,
      });
    const key = collisionKey(e.name);
    const prev = seen.get(key);
    if (prev !== undefined) {
      errors.push({
        code: 'PKG_DUPLICATE_ENTRY',
        file: e.name,
        message:
          prev === e.name
            ? `条目 "${e.name}" 在数据包中出现了不止一次。`
            : `条目 "${e.name}" 与 "${prev}" 仅大小写或编码不同，解压时会互相覆盖。`,
      });
    } else seen.set(key, e.name);
    if ((e.generalPurposeBitFlag & 0x1) !== 0 || (e.compressionMethod !== 0 && e.compressionMethod !== 8)) {
      errors.push({
        code: 'PKG_UNSUPPORTED_ENTRY',
        file: e.name,
        message: `条目 "${e.name}" 使用了 ZIP 加密或不支持的压缩方式。`,
      });
    }
    if (e.uncompressedSize > limits.maxEntryBytes) {
      errors.push({
        code: 'PKG_TOO_LARGE',
        file: e.name,
        message: `条目 "${e.name}" 解压后有 ${e.uncompressedSize} 字节，超过单个文件 ${limits.maxEntryBytes} 字节的上限。`,
      });
    }
    if (e.uncompressedSize > RATIO_CHECK_MIN_BYTES) {
      const ratio = e.compressedSize === 0 ? Infinity : e.uncompressedSize / e.compressedSize;
      if (ratio > limits.maxCompressionRatio) {
        errors.push({
          code: 'PKG_ZIP_BOMB',
          file: e.name,
          message: `条目 "${e.name}" 的压缩比为 ${Number.isFinite(ratio) ? ratio.toFixed(0) : '无穷'}:1，超过 ${limits.maxCompressionRatio}:1，疑似压缩炸弹。`,
        });
      }
    }
    total += e.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) {
    errors.push({
      code: 'PKG_ZIP_BOMB',
      file: pkgName,
      message: `数据包解压后共 ${total} 字节，超过 ${limits.maxTotalBytes} 字节的上限，疑似压缩炸弹。`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const layoutErrors = await checkLayout(reader, entries);
  if (layoutErrors.length > 0) return { ok: false, errors: layoutErrors };

  // ---- Stage: bag structure ----------------------------------------------------------------------
  const files = new Map<string, RawZipEntry>();
  for (const e of entries) if (!e.name!.endsWith('/')) files.set(e.name!, e);
  for (const required of [BAG_FILES.declaration, BAG_FILES.info, BAG_FILES.manifest, BAG_FILES.tagManifest]) {
    if (!files.has(required))
      errors.push({ code: 'BAG_MISSING_FILE', file: required, message: `数据包缺少必需的文件 ${required}。` });
  }
  if (files.has('fetch.txt')) {
    errors.push({
      code: 'BAG_FETCH_NOT_ALLOWED',
      file: 'fetch.txt',
      message: '数据包含有 fetch.txt（需联网下载的内容），BaseDesk 只接受内容完整的数据包。',
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const tagBytes = new Map<string, Buffer>();
  const readTag = async (name: string): Promise<Buffer | VerifyError> => {
    const cached = tagBytes.get(name);
    if (cached) return cached;
    try {
      const b = await reader.readAll(files.get(name)!, limits.maxTagFileBytes);
      tagBytes.set(name, b);
      return b;
    } catch (e) {
      if (e instanceof EntryTooLargeError) {
        return { code: 'PKG_TOO_LARGE', file: name, message: `标签文件 ${name} 超过 ${limits.maxTagFileBytes} 字节的上限。` };
      }
      return { code: 'PKG_CORRUPT', file: name, message: `无法读取 ${name}（${errText(e)}），数据包已损坏。` };
    }
  };
  const declaration = await readTag(BAG_FILES.declaration);
  if (!Buffer.isBuffer(declaration)) return { ok: false, errors: [declaration] };
  const declProblem = bagitDeclarationProblem(declaration.toString('utf8'));
  if (declProblem) return failed('BAG_BAD_DECLARATION', BAG_FILES.declaration, `bagit.txt 声明不正确：${declProblem}。`);

  // ---- Stage: tag manifest -----------------------------------------------------------------------
  const tagManifest = await readTag(BAG_FILES.tagManifest);
  if (!Buffer.isBuffer(tagManifest)) return { ok: false, errors: [tagManifest] };
  const tagList = parseManifest(tagManifest.toString('utf8'), 128);
  if (!tagList.ok) {
    return failed(
      'BAG_MANIFEST_FORMAT',
      BAG_FILES.tagManifest,
      `标签清单 ${BAG_FILES.tagManifest} 格式不正确：${tagList.message}。`,
    );
  }
  for (const [path, digest] of tagList.entries) {
    if (path.startsWith(PAYLOAD_DIR) || path === BAG_FILES.tagManifest || path === BAG_FILES.signature) {
      errors.push({ code: 'BAG_MANIFEST_FORMAT', file: BAG_FILES.tagManifest, message: `标签清单不应列出 ${path}。` });
      continue;
    }
    if (!files.has(path)) {
      errors.push({ code: 'BAG_MISSING_FILE', file: path, message: `标签清单列出了 ${path}，但数据包中没有这个文件。` });
      continue;
    }
    let actual: string;
    if (path === BAG_FILES.declaration || path === BAG_FILES.info || path === BAG_FILES.manifest) {
      const bytes = await readTag(path);
      if (!Buffer.isBuffer(bytes)) {
        errors.push(bytes);
        continue;
      }
      actual = sha512Hex(bytes);
    } else {
      // Other tag files are allowed when listed, but only hashed (streamed), never kept in memory.
      const got = await hashEntry(reader, files.get(path)!);
      if ('error' in got) {
        errors.push({ code: 'PKG_CORRUPT', file: path, message: `无法读取 ${path}（${got.error}），数据包已损坏。` });
        continue;
      }
      actual = got.digest;
    }
    if (actual !== digest) {
      errors.push({
        code: 'BAG_TAG_DIGEST',
        file: path,
        message: `${path} 的内容与签名清单记录的摘要不一致：该文件在签名后被修改过。`,
      });
    }
  }
  for (const name of files.keys()) {
    if (name.startsWith(PAYLOAD_DIR) || name === BAG_FILES.tagManifest || name === BAG_FILES.signature) continue;
    if (!tagList.entries.has(name)) {
      errors.push({ code: 'BAG_TAG_NOT_COVERED', file: name, message: `标签文件 ${name} 未列入签名的标签清单，无法确认来源。` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  // ---- Stage: bag-info ---------------------------------------------------------------------------
  const infoParse = parseBagInfo(tagBytes.get(BAG_FILES.info)!.toString('utf8'));
  if (!infoParse.ok)
    return failed('BAG_INFO_INVALID', BAG_FILES.info, `bag-info.txt 不符合 BaseDesk 规范：${infoParse.message}。`);
  const info: BagInfo = infoParse.info;

  // ---- Stage: payload manifest -------------------------------------------------------------------
  const manifest = parseManifest(tagBytes.get(BAG_FILES.manifest)!.toString('utf8'), 128);
  if (!manifest.ok) {
    return failed('BAG_MANIFEST_FORMAT', BAG_FILES.manifest, `内容清单 ${BAG_FILES.manifest} 格式不正确：${manifest.message}。`);
  }
  for (const path of manifest.entries.keys()) {
    if (!path.startsWith(PAYLOAD_DIR)) {
      errors.push({
        code: 'BAG_MANIFEST_FORMAT',
        file: BAG_FILES.manifest,
        message: `内容清单列出了 data/ 以外的文件 ${path}。`,
      });
    } else if (!files.has(path)) {
      errors.push({
        code: 'BAG_PAYLOAD_MISSING',
        file: path,
        message: `内容清单列出了 ${path}，但数据包中没有这个文件（被删除或改名）。`,
      });
    }
  }
  const payload = [...files.values()].filter((e) => e.name!.startsWith(PAYLOAD_DIR));
  for (const e of payload) {
    if (!manifest.entries.has(e.name!)) {
      errors.push({
        code: 'BAG_PAYLOAD_NOT_IN_MANIFEST',
        file: e.name!,
        message: `文件 ${e.name} 不在内容清单中：它是签名之后加入的。`,
      });
    }
  }
  let octets = 0;
  for (const e of [...payload].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)) {
    const expected = manifest.entries.get(e.name!);
    if (expected === undefined) continue;
    const got = await hashEntry(reader, e);
    if ('error' in got) {
      errors.push({ code: 'PKG_CORRUPT', file: e.name!, message: `无法读取 ${e.name}（${got.error}），数据包已损坏。` });
      continue;
    }
    octets += got.bytes;
    if (got.digest !== expected) {
      errors.push({
        code: 'BAG_PAYLOAD_DIGEST',
        file: e.name!,
        message: `文件 ${e.name} 的内容与内容清单记录的摘要不一致：内容被修改或损坏。`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  // Checked only now, so that a renamed records file is reported as what it is (BAG_PAYLOAD_MISSING).
  for (const name of Object.keys(info.recordCounts)) {
    const path = `${PAYLOAD_DIR}${name}.json`;
    if (!files.has(path)) {
      errors.push({
        code: 'BAG_INFO_INVALID',
        file: BAG_FILES.info,
        message: `bag-info.txt 声明了 ${name} 记录，但数据包中没有 ${path}。`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  // ---- Stage: Payload-Oxum -----------------------------------------------------------------------
  if (info.payloadOxum.octets !== octets || info.payloadOxum.count !== payload.length) {
    return failed(
      'BAG_OXUM',
      BAG_FILES.info,
      `Payload-Oxum 声明 ${info.payloadOxum.octets} 字节、${info.payloadOxum.count} 个文件，实际为 ${octets} 字节、${payload.length} 个文件。`,
    );
  }

  // ---- Stage: signature --------------------------------------------------------------------------
  if (!files.has(BAG_FILES.signature)) {
    return failed(
      'SIG_MISSING',
      BAG_FILES.signature,
      `数据包没有签名文件 ${BAG_FILES.signature}，无法确认来源。请让发送方用 BaseDesk 重新生成。`,
    );
  }
  const sigEntry = files.get(BAG_FILES.signature)!;
  let sigText: string;
  try {
    sigText = new TextDecoder('utf-8', { fatal: true }).decode(await reader.readAll(sigEntry, 4096));
  } catch {
    return failed('SIG_FORMAT', BAG_FILES.signature, '签名文件过大或不是 UTF-8 文本，不是有效的 minisign 签名。');
  }
  let sig;
  try {
    sig = parseMinisignSignature(sigText);
  } catch (e) {
    return failed('SIG_FORMAT', BAG_FILES.signature, isAppError(e) ? e.message : '签名文件格式不正确。');
  }
  const check = verifyMinisignSignature(tagManifest, sig, options.trustedKeys);
  if (!check.ok) return failed(check.code, BAG_FILES.signature, check.message);
  const tc = parseTrustedComment(sig.trustedComment);
  if (tc.uuid !== info.uuid) {
    return failed(
      'SIG_MISMATCH_UUID',
      BAG_FILES.signature,
      `签名中的数据包编号（${tc.uuid ?? '无'}）与 bag-info.txt 中的编号（${info.uuid}）不一致：签名属于另一个数据包。`,
    );
  }
  if (tc.base !== info.baseCode || tc.kind !== info.kind || (tc.seq !== undefined && tc.seq !== String(info.sequence))) {
    return failed(
      'SIG_MISMATCH_BAGINFO',
      BAG_FILES.signature,
      `签名中的基地代码/类型/序号（${tc.base ?? '无'}/${tc.kind ?? '无'}/${tc.seq ?? '无'}）与 bag-info.txt（${info.baseCode}/${info.kind}/${info.sequence}）不一致。`,
    );
  }

  return {
    ok: true,
    value: {
      uuid: info.uuid,
      baseCode: info.baseCode,
      baseName: info.baseName,
      kind: info.kind,
      cohortYear: info.cohortYear,
      schemaVersion: info.schemaVersion,
      sequence: info.sequence,
      baggingDate: info.baggingDate,
      files: payload.length,
      bytes: octets,
      recordCounts: info.recordCounts,
      keyFingerprint: keyFingerprint(sig),
      trustedComment: sig.trustedComment,
    },
  };
}

/**
 * Local headers must repeat the central directory's name (streaming extractors read the local one),
 * and entry data must not overlap (overlapping entries are the classic non-recursive zip bomb).
 */
async function checkLayout(reader: ZipReader, entries: RawZipEntry[]): Promise<VerifyError[]> {
  const errors: VerifyError[] = [];
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    let header;
    try {
      header = await reader.localHeader(e);
    } catch (err) {
      errors.push({ code: 'PKG_CORRUPT', file: e.name!, message: `条目 "${e.name}" 的本地文件头损坏（${errText(err)}）。` });
      continue;
    }
    if (!Buffer.from(header.fileName).equals(e.nameBytes)) {
      errors.push({
        code: 'PKG_UNSAFE_PATH',
        file: e.name!,
        message: `条目 "${e.name}" 的本地文件头中的名称与目录不一致，不同的解压工具会得到不同的文件。`,
      });
    }
    const end = header.fileDataStart + e.compressedSize;
    const next = i + 1 < sorted.length ? sorted[i + 1]!.localHeaderOffset : reader.centralDirectoryOffset;
    if (end > next) {
      errors.push({ code: 'PKG_ZIP_BOMB', file: e.name!, message: `条目 "${e.name}" 的数据与其他条目重叠，疑似压缩炸弹。` });
    }
  }
  return errors;
}

async function hashEntry(reader: ZipReader, e: RawZipEntry): Promise<{ digest: string; bytes: number } | { error: string }> {
  try {
    const s = await reader.openStream(e);
    const h = createHash('sha512');
    let bytes = 0;
    for await (const chunk of s as AsyncIterable<Buffer>) {
      h.update(chunk);
      bytes += chunk.length;
    }
    return { digest: h.digest('hex'), bytes };
  } catch (err) {
    return { error: errText(err) };
  }
}

function sha512Hex(b: Uint8Array): string {
  return createHash('sha512').update(b).digest('hex');
}

async function readHead(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
