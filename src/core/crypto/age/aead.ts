import { createCipheriv, createDecipheriv } from 'node:crypto';

/** ChaCha20-Poly1305 (RFC 7539) through OpenSSL, for the small one-shot seals in the header. */
export const TAG_BYTES = 16;

export function seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Buffer {
  const c = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_BYTES });
  return Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
}

/** Null when the tag does not authenticate. */
export function open(key: Uint8Array, nonce: Uint8Array, sealed: Buffer): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_BYTES });
  d.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const out = d.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    d.final();
  } catch {
    return null;
  }
  return out;
}
