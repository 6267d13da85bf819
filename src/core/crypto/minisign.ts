import { createHash, sign, verify } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { keyFingerprint, privateKeyObject, publicKeyObject, sameKeyId, type PublicKey, type SigningKey } from './signing-key';

/**
 * minisign signatures (https://jedisct1.github.io/minisign/), written and read without the minisign
 * binary so the standard tool can check our packages and we can check its signatures:
 *
 *   untrusted comment: <free text, not signed>
 *   base64( sig_alg(2) || key_id(8) || ed25519_signature(64) )
 *   trusted comment: <text, covered by the global signature>
 *   base64( ed25519( ed25519_signature || trusted_comment_bytes ) )
 *
 * sig_alg "ED" (what minisign writes by default) signs BLAKE2b-512(file); the legacy "Ed" signs the file
 * itself. We always write "ED" and accept both when verifying.
 */
export type MinisignAlgorithm = 'ED' | 'Ed';

export type MinisignSignature = {
  algorithm: MinisignAlgorithm;
  keyId: Uint8Array;
  signature: Uint8Array;
  untrustedComment: string;
  trustedComment: string;
  globalSignature: Uint8Array;
};

export type MinisignVerification =
  | { ok: true; key: PublicKey; signature: MinisignSignature }
  | { ok: false; code: 'SIG_UNKNOWN_KEY' | 'SIG_INVALID'; message: string; keyFingerprint: string };

const UNTRUSTED_PREFIX = 'untrusted comment: ';
const TRUSTED_PREFIX = 'trusted comment: ';

export function blake2b512(data: Uint8Array): Buffer {
  return createHash('blake2b512').update(data).digest();
}

export function signMinisign(
  data: Uint8Array,
  key: SigningKey,
  comments: { trustedComment: string; untrustedComment?: string },
): string {
  const untrusted = comments.untrustedComment ?? `signature from BaseDesk key ${keyFingerprint(key)}`;
  assertOneLine(untrusted);
  assertOneLine(comments.trustedComment);
  const priv = privateKeyObject(key);
  const signature = sign(null, blake2b512(data), priv);
  const global = sign(null, Buffer.concat([signature, Buffer.from(comments.trustedComment, 'utf8')]), priv);
  const line2 = Buffer.concat([Buffer.from('ED', 'latin1'), Buffer.from(key.keyId), signature]).toString('base64');
  return `${UNTRUSTED_PREFIX}${untrusted}\n${line2}\n${TRUSTED_PREFIX}${comments.trustedComment}\n${global.toString('base64')}\n`;
}

/** Parses a .minisig file; throws AppError SIG_FORMAT when it is not one. */
export function parseMinisignSignature(text: string): MinisignSignature {
  const bad = (why: string): AppError =>
    new AppError('SIG_FORMAT', `签名文件格式不正确（${why}），不是有效的 minisign 签名。请让发送方重新生成数据包。`);
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  while (lines.length > 4 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length !== 4) throw bad('应为 4 行');
  const [l1, l2, l3, l4] = lines as [string, string, string, string];
  if (!l1.startsWith(UNTRUSTED_PREFIX)) throw bad('第 1 行应以 "untrusted comment: " 开头');
  if (!l3.startsWith(TRUSTED_PREFIX)) throw bad('第 3 行应以 "trusted comment: " 开头');
  const sig = decodeBase64Strict(l2);
  const global = decodeBase64Strict(l4);
  if (!sig || sig.length !== 74) throw bad('第 2 行应为 74 字节的 base64');
  if (!global || global.length !== 64) throw bad('第 4 行应为 64 字节的 base64');
  const alg = sig.subarray(0, 2).toString('latin1');
  if (alg !== 'ED' && alg !== 'Ed') throw bad(`不支持的签名算法 "${alg}"`);
  return {
    algorithm: alg,
    keyId: new Uint8Array(sig.subarray(2, 10)),
    signature: new Uint8Array(sig.subarray(10, 74)),
    untrustedComment: l1.slice(UNTRUSTED_PREFIX.length),
    trustedComment: l3.slice(TRUSTED_PREFIX.length),
    globalSignature: new Uint8Array(global),
  };
}

/** Checks `data` against a parsed signature using only the pinned keys. */
export function verifyMinisignSignature(
  data: Uint8Array,
  sig: MinisignSignature,
  trustedKeys: readonly PublicKey[],
): MinisignVerification {
  const fingerprint = keyFingerprint(sig);
  const key = trustedKeys.find((k) => sameKeyId(k.keyId, sig.keyId));
  if (!key) {
    return {
      ok: false,
      code: 'SIG_UNKNOWN_KEY',
      keyFingerprint: fingerprint,
      message: `签名所用的密钥 ${fingerprint} 不在本机信任的公钥列表中。请核实发送方，并在确认后导入其公钥。`,
    };
  }
  const pub = publicKeyObject(key);
  const message = sig.algorithm === 'ED' ? blake2b512(data) : Buffer.from(data);
  if (!verify(null, message, pub, sig.signature)) {
    return {
      ok: false,
      code: 'SIG_INVALID',
      keyFingerprint: fingerprint,
      message: `签名与内容不符（密钥 ${fingerprint}）：数据包在签名后被修改过，或签名已损坏。请勿使用，让发送方重新发送。`,
    };
  }
  const globalMessage = Buffer.concat([Buffer.from(sig.signature), Buffer.from(sig.trustedComment, 'utf8')]);
  if (!verify(null, globalMessage, pub, sig.globalSignature)) {
    return {
      ok: false,
      code: 'SIG_INVALID',
      keyFingerprint: fingerprint,
      message: `签名中的可信注释（trusted comment）被修改过或全局签名无效（密钥 ${fingerprint}）。请勿使用，让发送方重新发送。`,
    };
  }
  return { ok: true, key, signature: sig };
}

/** Parses "k1:v1 k2:v2" trusted comments (our format; minisign's own uses tabs, accepted too). */
export function parseTrustedComment(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of text.split(/[ \t]+/)) {
    const i = part.indexOf(':');
    if (i <= 0) continue;
    const k = part.slice(0, i);
    // First occurrence wins, so a repeated key cannot override the one a reader sees first.
    if (!Object.hasOwn(out, k)) out[k] = part.slice(i + 1);
  }
  return out;
}

function assertOneLine(s: string): void {
  if (/[\r\n]/.test(s)) {
    throw new AppError('SIG_FORMAT', '签名注释不能包含换行符。');
  }
}

function decodeBase64Strict(s: string): Buffer | null {
  const t = s.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) return null;
  return Buffer.from(t, 'base64');
}
