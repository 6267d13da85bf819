import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { AppError } from '../../shared/errors';

/**
 * Ed25519 signing keys in minisign's shape: an 8-byte random key id travels with every signature, so a
 * verifier can tell "signed by a key I do not know" (SIG_UNKNOWN_KEY) from "forged" (SIG_INVALID).
 */
export type PublicKey = {
  /** 8 random bytes, stored in the order minisign writes them (its "key number"). */
  keyId: Uint8Array;
  /** 32-byte raw Ed25519 public key. */
  publicKey: Uint8Array;
};

export type SigningKey = PublicKey & {
  /** 32-byte Ed25519 seed (RFC 8032 private key). Keep encrypted at rest: see key-envelope.ts. */
  secretKey: Uint8Array;
};

const PUBLIC_KEY_ALG = Buffer.from('Ed', 'latin1');

export function generateSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    keyId: new Uint8Array(randomBytes(8)),
    publicKey: rawPublicKey(publicKey),
    secretKey: rawSeed(privateKey),
  };
}

/** Rebuilds a signing key from its seed, checking the public half matches (guards against mixed-up files). */
export function signingKeyFromSeed(keyId: Uint8Array, secretKey: Uint8Array, expectedPublicKey?: Uint8Array): SigningKey {
  if (keyId.length !== 8 || secretKey.length !== 32) {
    throw new AppError('KEY_FORMAT', '签名私钥格式不正确：密钥编号应为 8 字节、私钥种子应为 32 字节。请重新导入密钥文件。');
  }
  const priv = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(secretKey).toString('base64url'), x: '' },
    format: 'jwk',
  });
  const publicKey = rawPublicKey(createPublicKey(priv));
  if (expectedPublicKey && !Buffer.from(publicKey).equals(Buffer.from(expectedPublicKey))) {
    throw new AppError('KEY_FORMAT', '签名私钥与其记录的公钥不一致，密钥文件可能已损坏或被替换。请重新导入正确的密钥文件。');
  }
  return { keyId: new Uint8Array(keyId), publicKey, secretKey: new Uint8Array(secretKey) };
}

export function publicKeyOf(key: PublicKey): PublicKey {
  return { keyId: new Uint8Array(key.keyId), publicKey: new Uint8Array(key.publicKey) };
}

/**
 * The key id as `minisign` prints it: the 8 bytes read as a little-endian integer, upper-case hex. Always 16
 * digits (stored and compared in that form); minisign itself drops leading zeros, so one key in sixteen reads
 * one digit shorter there: `normalizeFingerprint` accepts either.
 */
export function keyFingerprint(key: Pick<PublicKey, 'keyId'>): string {
  return Buffer.from(key.keyId).reverse().toString('hex').toUpperCase();
}

/** A key id typed by a person (as BaseDesk or minisign shows it) in the stored 16-digit upper-case form. */
export function normalizeFingerprint(text: string): string {
  const hex = text.trim().toUpperCase();
  return /^[0-9A-F]{1,16}$/.test(hex) ? hex.padStart(16, '0') : hex;
}

export function sameKeyId(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
}

/** The base64 line of a minisign public key ("Ed" || key id || public key), usable with `minisign -P`. */
export function minisignPublicKeyBase64(key: PublicKey): string {
  return Buffer.concat([PUBLIC_KEY_ALG, Buffer.from(key.keyId), Buffer.from(key.publicKey)]).toString('base64');
}

/** A minisign public key file (`minisign -V -p file`). */
export function exportMinisignPublicKey(key: PublicKey): string {
  return `untrusted comment: minisign public key ${keyFingerprint(key)}\n${minisignPublicKeyBase64(key)}\n`;
}

/**
 * Parses a minisign public key: either the whole .pub file or just its base64 line (as `minisign -P`
 * takes it). Anything else is KEY_FORMAT.
 */
export function parseMinisignPublicKey(text: string): PublicKey {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let b64: string | undefined;
  if (lines.length === 1) b64 = lines[0];
  else if (lines.length === 2 && lines[0]!.startsWith('untrusted comment:')) b64 = lines[1];
  if (b64 === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
    throw new AppError(
      'KEY_FORMAT',
      '无法识别的 minisign 公钥：应为两行（"untrusted comment: ..." 和一行 base64）。请确认导入的是 .pub 公钥文件。',
    );
  }
  const raw = Buffer.from(b64, 'base64');
  if (raw.length !== 42 || !raw.subarray(0, 2).equals(PUBLIC_KEY_ALG)) {
    throw new AppError('KEY_FORMAT', 'minisign 公钥内容不正确：应为 Ed25519 公钥（42 字节，以 "Ed" 开头）。请确认公钥文件完整。');
  }
  return { keyId: new Uint8Array(raw.subarray(2, 10)), publicKey: new Uint8Array(raw.subarray(10, 42)) };
}

export function privateKeyObject(key: SigningKey): KeyObject {
  return createPrivateKey({
    key: {
      kty: 'OKP',
      crv: 'Ed25519',
      d: Buffer.from(key.secretKey).toString('base64url'),
      x: Buffer.from(key.publicKey).toString('base64url'),
    },
    format: 'jwk',
  });
}

export function publicKeyObject(key: PublicKey): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.publicKey).toString('base64url') },
    format: 'jwk',
  });
}

function rawPublicKey(k: KeyObject): Uint8Array {
  const jwk = k.export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
}

function rawSeed(k: KeyObject): Uint8Array {
  const jwk = k.export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(jwk.d!, 'base64url'));
}
