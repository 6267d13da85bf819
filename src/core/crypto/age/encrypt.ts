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
  return sealed(source, startFile(recipients));
}

export type FileStart = { head: Buffer; payloadKey: Buffer };

/** Checks the recipients and makes what begins a new file: header + nonce, and the payload key. */
export function startFile(recipients: readonly string[]): FileStart {
  if (recipients.length === 0) throw ageError(AGE_ERROR.recipientInvalid, '没有指定加密接收方的 age 公钥。');
  const parsed = recipients.map(parseRecipient);
  const fileKey = randomBytes(FILE_KEY_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const header = formatHeader(
    fileKey,
    parsed.map((r) => wrapFileKey(fileKey, r)),
  );
  return { head: Buffer.concat([header, nonce]), payloadKey: payloadKey(fileKey, nonce) };
}

async function* sealed(source: AsyncIterable<Uint8Array>, start: FileStart): AsyncGenerator<Buffer> {
  yield start.head;
  const input = new ByteSource(source);
  try {
    yield* sealChunks(start.payloadKey, input);
  } finally {
    await input.cancel();
  }
}
