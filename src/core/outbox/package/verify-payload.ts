import type { BagInfo } from './bag-info';
import { BAG_FILES, parseManifest, PAYLOAD_DIR } from './bagit';
import { failed, failIfAny, hashEntry, type BagFiles, type StageResult, type VerifyError } from './verify-result';
import type { RawZipEntry, ZipReader } from './zip-read';

export type PayloadFacts = { files: number; bytes: number };

type Manifest = Map<string, string>;

/**
 * Stages: payload manifest, then Payload-Oxum. The manifest and the payload list the same files, each
 * file matches its digest, the record files bag-info.txt declares exist, and the totals match the Oxum.
 */
export async function checkPayload(
  reader: ZipReader,
  files: BagFiles,
  manifestText: string,
  info: BagInfo,
): Promise<StageResult<PayloadFacts>> {
  const manifest = parseManifest(manifestText, 128);
  if (!manifest.ok) {
    return failed('BAG_MANIFEST_FORMAT', BAG_FILES.manifest, `内容清单 ${BAG_FILES.manifest} 格式不正确：${manifest.message}。`);
  }
  const payload = [...files.values()].filter((e) => e.name!.startsWith(PAYLOAD_DIR));
  const errors = [...listingProblems(files, manifest.entries, payload)];
  const hashed = await digestProblems(reader, manifest.entries, payload);
  errors.push(...hashed.errors);
  // Checked only after the digests, so that a renamed records file is reported as what it is
  // (BAG_PAYLOAD_MISSING).
  const failure = failIfAny(errors) ?? failIfAny(missingRecordFiles(files, info));
  if (failure) return failure;
  if (info.payloadOxum.octets !== hashed.octets || info.payloadOxum.count !== payload.length) {
    return failed(
      'BAG_OXUM',
      BAG_FILES.info,
      `Payload-Oxum 声明 ${info.payloadOxum.octets} 字节、${info.payloadOxum.count} 个文件，实际为 ${hashed.octets} 字节、${payload.length} 个文件。`,
    );
  }
  return { ok: true, value: { files: payload.length, bytes: hashed.octets } };
}

/** Manifest lines outside data/ or naming absent files, and payload files the manifest does not list. */
function listingProblems(files: BagFiles, manifest: Manifest, payload: RawZipEntry[]): VerifyError[] {
  const errors: VerifyError[] = [];
  for (const path of manifest.keys()) {
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
  for (const e of payload) {
    if (!manifest.has(e.name!)) {
      errors.push({
        code: 'BAG_PAYLOAD_NOT_IN_MANIFEST',
        file: e.name!,
        message: `文件 ${e.name} 不在内容清单中：它是签名之后加入的。`,
      });
    }
  }
  return errors;
}

/** Hashes the listed payload files in archive order (one pass over the file); counts their bytes. */
async function digestProblems(
  reader: ZipReader,
  manifest: Manifest,
  payload: RawZipEntry[],
): Promise<{ errors: VerifyError[]; octets: number }> {
  const errors: VerifyError[] = [];
  let octets = 0;
  for (const e of [...payload].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)) {
    const expected = manifest.get(e.name!);
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
  return { errors, octets };
}

function missingRecordFiles(files: BagFiles, info: BagInfo): VerifyError[] {
  const errors: VerifyError[] = [];
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
  return errors;
}
