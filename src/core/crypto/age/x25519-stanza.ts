import { generateKeyPairSync, hkdfSync } from 'node:crypto';
import { decodeBase64, encodeBase64 } from './base64';
import { open, seal } from './aead';
import { headerInvalid } from './errors';
import type { Stanza } from './header';
import { publicKeyFromRaw, rawPublicKey, x25519, type X25519Identity, type X25519Recipient } from './keys';

/**
 * The X25519 recipient stanza (https://age-encryption.org/v1, "X25519 recipient stanza"): an ephemeral
 * share, and the file key sealed under HKDF(shared secret, share || recipient, label).
 */
const STANZA_TYPE = 'X25519';
const LABEL = 'age-encryption.org/v1/X25519';
const ZERO_NONCE = Buffer.alloc(12);
const FILE_KEY_BYTES = 16;
const BODY_BYTES = FILE_KEY_BYTES + 16;

function wrapKey(shared: Buffer, share: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([share, recipient]), LABEL, 32));
}

export function wrapFileKey(fileKey: Buffer, recipient: X25519Recipient): Stanza {
  const ephemeral = generateKeyPairSync('x25519');
  const share = rawPublicKey(ephemeral.publicKey);
  const shared = x25519(ephemeral.privateKey, recipient.publicKey);
  // Only a low-order recipient key gives an all-zero secret; parseRecipient cannot produce one by chance.
  if (!shared) throw headerInvalid('接收方公钥是无效的曲线点');
  const body = seal(wrapKey(shared, share, recipient.publicBytes), ZERO_NONCE, fileKey);
  return { args: [STANZA_TYPE, encodeBase64(share)], body };
}

type ParsedStanza = { share: Buffer; body: Buffer };

/**
 * The X25519 stanzas of a header, checked before any decryption: the spec says a stanza of this type
 * with the wrong number of arguments, a share that is not 32 canonical bytes, or a body that is not
 * 32 bytes must be rejected (the body length is checked first to avoid partitioning-oracle attacks).
 */
export function x25519Stanzas(stanzas: readonly Stanza[]): ParsedStanza[] {
  const out: ParsedStanza[] = [];
  for (const s of stanzas) {
    if (s.args[0] !== STANZA_TYPE) continue;
    if (s.args.length !== 2) throw headerInvalid('X25519 条目的参数个数不对');
    const share = decodeBase64(s.args[1]!);
    if (!share || share.length !== 32) throw headerInvalid('X25519 条目的临时公钥不是 32 字节的规范编码');
    if (s.body.length !== BODY_BYTES) throw headerInvalid('X25519 条目正文长度不对');
    out.push({ share, body: s.body });
  }
  return out;
}

/** The file key if this identity opens the stanza, null if the stanza is for someone else. */
export function unwrapFileKey(stanza: ParsedStanza, identity: X25519Identity): Buffer | null {
  let shared: Buffer | null;
  try {
    shared = x25519(identity.privateKey, publicKeyFromRaw(stanza.share));
  } catch {
    shared = null;
  }
  if (!shared) throw headerInvalid('X25519 条目的临时公钥是低阶点（共享密钥全为零）');
  return open(wrapKey(shared, stanza.share, identity.publicBytes), ZERO_NONCE, stanza.body);
}
