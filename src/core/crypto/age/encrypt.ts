import { randomBytes } from 'node:crypto';
import { ByteSource } from './byte-source';
import { AGE_ERROR, ageError } from './errors';
import { formatHeader } from './header';
import { parseRecipient } from './keys';
import { NONCE_BYTES, payloadKey, sealChunks } from './stream';
import { wrapFileKey } from './x25519-stanza';

const FILE_KEY_BYTES = 16;

/**
 * Encrypts a byte stream to X25519 recipients (`age1…`). Recipients are checked before this returns
 * (AGE_RECIPIENT_INVALID); the returned generator yields the age file: header, nonce, sealed chunks.
 */
export function sealAge(source: AsyncIterable<Uint8Array>, recipients: readonly string[]): AsyncGenerator<Buffer> {
  if (recipients.length === 0) throw ageError(AGE_ERROR.recipientInvalid, '没有指定加密接收方的 age 公钥。');
  const parsed = recipients.map(parseRecipient);
  return sealed(source, parsed);
}

async function* sealed(source: AsyncIterable<Uint8Array>, recipients: ReturnType<typeof parseRecipient>[]): AsyncGenerator<Buffer> {
  const fileKey = randomBytes(FILE_KEY_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  yield Buffer.concat([formatHeader(fileKey, recipients.map((r) => wrapFileKey(fileKey, r))), nonce]);
  const input = new ByteSource(source);
  try {
    yield* sealChunks(payloadKey(fileKey, nonce), input);
  } finally {
    await input.cancel();
  }
}
