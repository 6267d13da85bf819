import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { bech32Decode, bech32Encode } from './bech32';
import { AGE_ERROR, ageError } from './errors';

/**
 * X25519 keys for age, held as OpenSSL KeyObjects so the scalar multiplication runs natively.
 * Raw 32-byte keys enter OpenSSL through the fixed DER prefixes of RFC 8410 (PKCS#8 / SPKI for X25519).
 */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

const IDENTITY_HRP = 'age-secret-key-';
const RECIPIENT_HRP = 'age';

export type X25519Identity = { privateKey: KeyObject; publicBytes: Buffer };
export type X25519Recipient = { publicKey: KeyObject; publicBytes: Buffer };

export function privateKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}

function rawPrivateKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
}

/** X25519(private, public). Null for the all-zero result of a low-order point, which age must refuse. */
export function x25519(privateKey: KeyObject, publicKey: KeyObject): Buffer | null {
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey });
  } catch {
    // OpenSSL itself refuses an all-zero shared secret.
    return null;
  }
  return shared.every((b) => b === 0) ? null : shared;
}

export function parseIdentity(text: string): X25519Identity {
  const decoded = bech32Decode(text.trim());
  if (!decoded || decoded.hrp !== IDENTITY_HRP || decoded.data.length !== 32) {
    throw ageError(AGE_ERROR.identityInvalid, 'age 私钥格式不正确（应以 AGE-SECRET-KEY-1 开头）。');
  }
  const privateKey = privateKeyFromRaw(decoded.data);
  return { privateKey, publicBytes: rawPublicKey(createPublicKey(privateKey)) };
}

const RECIPIENT_SHAPE = /^age1[02-9ac-hj-np-z]+$/;

export function parseRecipient(text: string): X25519Recipient {
  if (!RECIPIENT_SHAPE.test(text)) {
    throw ageError(AGE_ERROR.recipientInvalid, `接收方公钥格式不正确："${text.slice(0, 12)}…"，应为 age1 开头的 age 公钥。`);
  }
  const decoded = bech32Decode(text);
  if (!decoded || decoded.hrp !== RECIPIENT_HRP || decoded.data.length !== 32) {
    throw ageError(AGE_ERROR.recipientInvalid, `接收方公钥无效："${text.slice(0, 12)}…"。请核对省级接收方提供的 age 公钥。`);
  }
  return { publicKey: publicKeyFromRaw(decoded.data), publicBytes: decoded.data };
}

export function encodeIdentity(raw: Uint8Array): string {
  return bech32Encode(IDENTITY_HRP, raw).toUpperCase();
}

export function encodeRecipient(raw: Uint8Array): string {
  return bech32Encode(RECIPIENT_HRP, raw);
}

/** A fresh X25519 identity and its recipient, in age's text encodings. */
export function generateX25519KeyPair(): { identity: string; recipient: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { identity: encodeIdentity(rawPrivateKey(privateKey)), recipient: encodeRecipient(rawPublicKey(publicKey)) };
}

export function recipientOfIdentity(identity: string): string {
  return encodeRecipient(parseIdentity(identity).publicBytes);
}
