import type { VerifyLimits } from './limits';
import { RATIO_CHECK_MIN_BYTES } from './limits';
import { collisionKey, unsafePathReason } from './paths';
import { errText, failed, failIfAny, type BagFiles, type StageResult, type VerifyError } from './verify-result';
import { isSpecialFile, isSymlink, type RawZipEntry, type ZipReader } from './zip-read';

/**
 * Stage: archive safety. Every entry's name, kind, method and size, the totals, then the local
 * headers; every problem is reported. Gives the files by name for the stages after it.
 */
export async function checkEntries(reader: ZipReader, pkgName: string, limits: VerifyLimits): Promise<StageResult<BagFiles>> {
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
    errors.push(...entryProblems(e, seen, limits));
    if (e.name !== null) total += e.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) {
    errors.push({
      code: 'PKG_ZIP_BOMB',
      file: pkgName,
      message: `数据包解压后共 ${total} 字节，超过 ${limits.maxTotalBytes} 字节的上限，疑似压缩炸弹。`,
    });
  }
  const failure = failIfAny(errors) ?? failIfAny(await checkLayout(reader, entries));
  if (failure) return failure;
  const files: BagFiles = new Map();
  for (const e of entries) if (!e.name!.endsWith('/')) files.set(e.name!, e);
  return { ok: true, value: files };
}

/** Everything wrong with one entry; `seen` collects the names so far to find collisions. */
function entryProblems(e: RawZipEntry, seen: Map<string, string>, limits: VerifyLimits): VerifyError[] {
  if (e.name === null) {
    const shown = e.nameBytes.toString('utf8');
    return [{ code: 'PKG_UNSAFE_PATH', file: shown, message: `条目名称不是有效的 UTF-8 编码：${shown}。` }];
  }
  const name = e.name;
  return [
    ...directoryProblem(e, name),
    ...pathProblems(e, name),
    ...collisionProblem(name, seen),
    ...contentProblems(e, name, limits),
  ];
}

function directoryProblem(e: RawZipEntry, name: string): VerifyError[] {
  if (!name.endsWith('/')) return [];
  // FORMAT.md: no directory entries. One carrying bytes would hide data no manifest covers.
  const carries = e.compressedSize > 0 || e.uncompressedSize > 0;
  return [
    {
      code: 'PKG_DIRECTORY_ENTRY',
      file: name,
      message: carries
        ? `条目 "${name}" 是目录却带有 ${Math.max(e.compressedSize, e.uncompressedSize)} 字节内容，这些内容不受清单保护，数据包不予接受。`
        : `条目 "${name}" 是目录条目；BaseDesk 数据包不含目录条目，请让发送方用 BaseDesk 重新生成。`,
    },
  ];
}

function pathProblems(e: RawZipEntry, name: string): VerifyError[] {
  const errors: VerifyError[] = [];
  const reason = unsafePathReason(name, { allowDirectory: true });
  if (reason) {
    errors.push({ code: 'PKG_UNSAFE_PATH', file: name, message: `条目 "${name}" ${reason}，解压时可能写到数据包以外的位置。` });
  }
  if (isSymlink(e)) {
    errors.push({ code: 'PKG_LINK', file: name, message: `条目 "${name}" 是符号链接，数据包中不允许出现链接。` });
  } else if (isSpecialFile(e)) {
    errors.push({ code: 'PKG_SPECIAL_FILE', file: name, message: `条目 "${name}" 是设备或管道等特殊文件，数据包中不允许。` });
  }
  return errors;
}

function collisionProblem(name: string, seen: Map<string, string>): VerifyError[] {
  const key = collisionKey(name);
  const prev = seen.get(key);
  if (prev === undefined) {
    seen.set(key, name);
    return [];
  }
  return [
    {
      code: 'PKG_DUPLICATE_ENTRY',
      file: name,
      message:
        prev === name
          ? `条目 "${name}" 在数据包中出现了不止一次。`
          : `条目 "${name}" 与 "${prev}" 仅大小写或编码不同，解压时会互相覆盖。`,
    },
  ];
}

function contentProblems(e: RawZipEntry, name: string, limits: VerifyLimits): VerifyError[] {
  const errors: VerifyError[] = [];
  if ((e.generalPurposeBitFlag & 0x1) !== 0 || (e.compressionMethod !== 0 && e.compressionMethod !== 8)) {
    errors.push({ code: 'PKG_UNSUPPORTED_ENTRY', file: name, message: `条目 "${name}" 使用了 ZIP 加密或不支持的压缩方式。` });
  }
  if (e.uncompressedSize > limits.maxEntryBytes) {
    errors.push({
      code: 'PKG_TOO_LARGE',
      file: name,
      message: `条目 "${name}" 解压后有 ${e.uncompressedSize} 字节，超过单个文件 ${limits.maxEntryBytes} 字节的上限。`,
    });
  }
  if (e.uncompressedSize > RATIO_CHECK_MIN_BYTES) {
    const ratio = e.compressedSize === 0 ? Infinity : e.uncompressedSize / e.compressedSize;
    if (ratio > limits.maxCompressionRatio) {
      errors.push({
        code: 'PKG_ZIP_BOMB',
        file: name,
        message: `条目 "${name}" 的压缩比为 ${Number.isFinite(ratio) ? ratio.toFixed(0) : '无穷'}:1，超过 ${limits.maxCompressionRatio}:1，疑似压缩炸弹。`,
      });
    }
  }
  return errors;
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
