import { BAG_FILES, bagitDeclarationProblem, parseManifest, PAYLOAD_DIR } from './bagit';
import type { VerifyLimits } from './limits';
import {
  errText,
  failed,
  failIfAny,
  hashEntry,
  sha512Hex,
  type BagFiles,
  type StageResult,
  type VerifyError,
} from './verify-result';
import { EntryTooLargeError, type ZipReader } from './zip-read';

/** Tag files read whole (bounded by maxTagFileBytes), each read once and kept for the later stages. */
export class TagFiles {
  private readonly bytes = new Map<string, Buffer>();

  constructor(
    private readonly reader: ZipReader,
    private readonly files: BagFiles,
    private readonly limits: VerifyLimits,
  ) {}

  /** The bytes of a tag file that is in the archive, or the problem reading it. */
  async read(name: string): Promise<Buffer | VerifyError> {
    const cached = this.bytes.get(name);
    if (cached) return cached;
    try {
      const b = await this.reader.readAll(this.files.get(name)!, this.limits.maxTagFileBytes);
      this.bytes.set(name, b);
      return b;
    } catch (e) {
      if (e instanceof EntryTooLargeError) {
        return {
          code: 'PKG_TOO_LARGE',
          file: name,
          message: `标签文件 ${name} 超过 ${this.limits.maxTagFileBytes} 字节的上限。`,
        };
      }
      return { code: 'PKG_CORRUPT', file: name, message: `无法读取 ${name}（${errText(e)}），数据包已损坏。` };
    }
  }

  /** The text of a tag file already read (the tag manifest stage reads all that it covers). */
  text(name: string): string {
    return this.bytes.get(name)!.toString('utf8');
  }
}

/** Stage: bag structure. The required tag files are there, no fetch.txt, and bagit.txt declares BagIt. */
export async function checkBagStructure(files: BagFiles, tags: TagFiles): Promise<StageResult<null>> {
  const errors: VerifyError[] = [];
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
  const failure = failIfAny(errors);
  if (failure) return failure;
  const declaration = await tags.read(BAG_FILES.declaration);
  if (!Buffer.isBuffer(declaration)) return { ok: false, errors: [declaration] };
  const declProblem = bagitDeclarationProblem(declaration.toString('utf8'));
  if (declProblem) return failed('BAG_BAD_DECLARATION', BAG_FILES.declaration, `bagit.txt 声明不正确：${declProblem}。`);
  return { ok: true, value: null };
}

/**
 * Stage: tag manifest. Every tag file it lists matches its digest, and every tag file is listed (the
 * signature covers this manifest, so through it every tag file). Gives the manifest's bytes, which the
 * signature stage checks.
 */
export async function checkTagManifest(reader: ZipReader, files: BagFiles, tags: TagFiles): Promise<StageResult<Buffer>> {
  const tagManifest = await tags.read(BAG_FILES.tagManifest);
  if (!Buffer.isBuffer(tagManifest)) return { ok: false, errors: [tagManifest] };
  const tagList = parseManifest(tagManifest.toString('utf8'), 128);
  if (!tagList.ok) {
    return failed(
      'BAG_MANIFEST_FORMAT',
      BAG_FILES.tagManifest,
      `标签清单 ${BAG_FILES.tagManifest} 格式不正确：${tagList.message}。`,
    );
  }
  const errors: VerifyError[] = [];
  for (const [path, digest] of tagList.entries) {
    errors.push(...(await listedTagProblems(reader, files, tags, path, digest)));
  }
  for (const name of files.keys()) {
    if (isTagFile(name) && !tagList.entries.has(name)) {
      errors.push({ code: 'BAG_TAG_NOT_COVERED', file: name, message: `标签文件 ${name} 未列入签名的标签清单，无法确认来源。` });
    }
  }
  return failIfAny(errors) ?? { ok: true, value: tagManifest };
}

/** Files the tag manifest covers: everything but the payload, itself and the signature over it. */
function isTagFile(path: string): boolean {
  return !path.startsWith(PAYLOAD_DIR) && path !== BAG_FILES.tagManifest && path !== BAG_FILES.signature;
}

async function listedTagProblems(
  reader: ZipReader,
  files: BagFiles,
  tags: TagFiles,
  path: string,
  digest: string,
): Promise<VerifyError[]> {
  if (!isTagFile(path)) {
    return [{ code: 'BAG_MANIFEST_FORMAT', file: BAG_FILES.tagManifest, message: `标签清单不应列出 ${path}。` }];
  }
  if (!files.has(path)) {
    return [{ code: 'BAG_MISSING_FILE', file: path, message: `标签清单列出了 ${path}，但数据包中没有这个文件。` }];
  }
  const actual = await tagDigest(reader, files, tags, path);
  if (typeof actual !== 'string') return [actual];
  if (actual === digest) return [];
  return [{ code: 'BAG_TAG_DIGEST', file: path, message: `${path} 的内容与签名清单记录的摘要不一致：该文件在签名后被修改过。` }];
}

async function tagDigest(reader: ZipReader, files: BagFiles, tags: TagFiles, path: string): Promise<string | VerifyError> {
  if (path === BAG_FILES.declaration || path === BAG_FILES.info || path === BAG_FILES.manifest) {
    const bytes = await tags.read(path);
    return Buffer.isBuffer(bytes) ? sha512Hex(bytes) : bytes;
  }
  // Other tag files are allowed when listed, but only hashed (streamed), never kept in memory.
  const got = await hashEntry(reader, files.get(path)!);
  if ('error' in got) return { code: 'PKG_CORRUPT', file: path, message: `无法读取 ${path}（${got.error}），数据包已损坏。` };
  return got.digest;
}
