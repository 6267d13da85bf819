import { ByteSource } from './byte-source';
import { AGE_ERROR, ageError, headerInvalid } from './errors';
import { headerMacMatches, parseHeader, type ParsedHeader } from './header';
import { parseIdentity, type X25519Identity } from './keys';
import { NONCE_BYTES, openChunks, payloadKey } from './stream';
import { unwrapFileKey, x25519Stanzas } from './x25519-stanza';

/**
 * Opens an age file with X25519 identities (`AGE-SECRET-KEY-1…`). Resolves once the header is read, a
 * stanza is unwrapped and the header MAC is checked; the returned generator then yields the plaintext,
 * one authenticated chunk at a time, and throws an AppError (AGE_PAYLOAD_*) on damage.
 */
export async function openAge(source: AsyncIterable<Uint8Array>, identities: readonly string[]): Promise<AsyncGenerator<Buffer>> {
  const ids = identities.map(parseIdentity);
  const input = new ByteSource(source);
  try {
    const fileKey = unlockHeader(await readHeader(input), ids);
    // The age test vectors count a missing or short payload nonce as a header failure.
    if (!(await input.fill(NONCE_BYTES))) throw headerInvalid('文件头之后缺少 16 字节的 nonce（文件不完整）');
    const nonce = Buffer.concat(input.take(NONCE_BYTES));
    return plaintext(payloadKey(fileKey, nonce), input);
  } catch (e) {
    await input.cancel();
    throw e;
  }
}

async function* plaintext(key: Buffer, input: ByteSource): AsyncGenerator<Buffer> {
  try {
    yield* openChunks(key, input);
  } finally {
    await input.cancel();
  }
}

async function readHeader(input: ByteSource): Promise<ParsedHeader> {
  // The first piece of a file read almost always holds the whole header.
  let want = 1;
  for (;;) {
    const complete = !(await input.fill(want));
    const parsed = parseHeader(input.peekAll(), complete);
    if (parsed !== 'need-more') {
      input.take(parsed.end);
      return parsed;
    }
    want = input.buffered + 1;
  }
}

/** The file key of a parsed header, once one identity opens a stanza and the header MAC checks. */
export function unlockHeader(header: ParsedHeader, identities: readonly X25519Identity[]): Buffer {
  const fileKey = findFileKey(header, identities);
  if (!headerMacMatches(fileKey, header)) {
    throw ageError(AGE_ERROR.headerMacInvalid, 'age 文件头的校验码（MAC）不符：文件头被改动过。请让发送方重新发送。');
  }
  return fileKey;
}

function findFileKey(header: ParsedHeader, identities: readonly X25519Identity[]): Buffer {
  // An scrypt stanza vouches that only the passphrase holder wrote the file; mixed with others it would not.
  if (header.stanzas.length > 1 && header.stanzas.some((s) => s.args[0] === 'scrypt')) {
    throw headerInvalid('口令（scrypt）条目不能与其他接收方条目同时出现');
  }
  for (const stanza of x25519Stanzas(header.stanzas)) {
    for (const id of identities) {
      const fileKey = unwrapFileKey(stanza, id);
      if (fileKey) return fileKey;
    }
  }
  throw ageError(AGE_ERROR.noMatch, '没有与此文件匹配的 age 私钥：文件不是加密给本单位的，或私钥选错了。');
}
