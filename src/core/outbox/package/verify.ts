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
import type { PublicKey } from '../../crypto/signing-key';
import { parseBagInfo, type BagInfo } from './bag-info';
import { BAG_FILES } from './bagit';
import { DEFAULT_VERIFY_LIMITS, type VerifyLimits } from './limits';
import { checkEntries } from './verify-entries';
import { checkPayload, type PayloadFacts } from './verify-payload';
import { failed, type Failure, type StageResult, type VerifyError } from './verify-result';
import { checkSignature, type SignatureFacts } from './verify-signature';
import { checkBagStructure, checkTagManifest, TagFiles } from './verify-tags';
import { ZipReader } from './zip-read';

export type { VerifyError, VerifyErrorCode } from './verify-result';

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

/**
 * The stages inside the archive, in order, stopping at the first that finds anything: archive safety
 * -> bag structure -> tag manifest -> bag-info -> payload manifest and Payload-Oxum -> signature.
 */
async function checkArchive(
  reader: ZipReader,
  pkgName: string,
  options: VerifyOptions,
  limits: VerifyLimits,
): Promise<StageResult<ZipFacts>> {
  const entries = await checkEntries(reader, pkgName, limits);
  if (!entries.ok) return entries;
  const files = entries.value;
  const tags = new TagFiles(reader, files, limits);
  const structure = await checkBagStructure(files, tags);
  if (!structure.ok) return structure;
  const tagManifest = await checkTagManifest(reader, files, tags);
  if (!tagManifest.ok) return tagManifest;

  const infoParse = parseBagInfo(tags.text(BAG_FILES.info));
  if (!infoParse.ok)
    return failed('BAG_INFO_INVALID', BAG_FILES.info, `bag-info.txt 不符合 BaseDesk 规范：${infoParse.message}。`);
  const info = infoParse.info;

  const payload = await checkPayload(reader, files, tags.text(BAG_FILES.manifest), info);
  if (!payload.ok) return payload;
  const signature = await checkSignature(reader, files, tagManifest.value, info, options.trustedKeys);
  if (!signature.ok) return signature;
  return { ok: true, value: zipFacts(info, payload.value, signature.value) };
}

function zipFacts(info: BagInfo, payload: PayloadFacts, signature: SignatureFacts): ZipFacts {
  return {
    uuid: info.uuid,
    baseCode: info.baseCode,
    baseName: info.baseName,
    kind: info.kind,
    cohortYear: info.cohortYear,
    schemaVersion: info.schemaVersion,
    sequence: info.sequence,
    baggingDate: info.baggingDate,
    files: payload.files,
    bytes: payload.bytes,
    recordCounts: info.recordCounts,
    keyFingerprint: signature.keyFingerprint,
    trustedComment: signature.trustedComment,
  };
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
