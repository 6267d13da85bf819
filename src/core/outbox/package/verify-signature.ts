import { isAppError } from '../../../shared/errors';
import { parseMinisignSignature, parseTrustedComment, verifyMinisignSignature } from '../../crypto/minisign';
import { keyFingerprint, type PublicKey } from '../../crypto/signing-key';
import type { BagInfo } from './bag-info';
import { BAG_FILES } from './bagit';
import { failed, type BagFiles, type StageResult } from './verify-result';
import type { ZipReader } from './zip-read';

export type SignatureFacts = { keyFingerprint: string; trustedComment: string };

/**
 * Stage: signature. A minisign signature over the tag manifest by a pinned key, whose trusted comment
 * names this package (uuid, base, kind, sequence) as bag-info.txt does.
 */
export async function checkSignature(
  reader: ZipReader,
  files: BagFiles,
  tagManifest: Buffer,
  info: BagInfo,
  trustedKeys: readonly PublicKey[],
): Promise<StageResult<SignatureFacts>> {
  const sigEntry = files.get(BAG_FILES.signature);
  if (!sigEntry) {
    return failed(
      'SIG_MISSING',
      BAG_FILES.signature,
      `数据包没有签名文件 ${BAG_FILES.signature}，无法确认来源。请让发送方用 BaseDesk 重新生成。`,
    );
  }
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
  const check = verifyMinisignSignature(tagManifest, sig, trustedKeys);
  if (!check.ok) return failed(check.code, BAG_FILES.signature, check.message);
  const mismatch = commentMismatch(sig.trustedComment, info);
  if (mismatch) return mismatch;
  return { ok: true, value: { keyFingerprint: keyFingerprint(sig), trustedComment: sig.trustedComment } };
}

/** The signed comment must name the same package as the (unsigned but manifest-covered) bag-info. */
function commentMismatch(trustedComment: string, info: BagInfo): StageResult<never> | null {
  const tc = parseTrustedComment(trustedComment);
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
  return null;
}
