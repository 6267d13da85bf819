import { createHash } from 'node:crypto';
import type { ZipReader, RawZipEntry } from './zip-read';

/** What the verification stages report, and the small helpers every stage uses. */
export type VerifyErrorCode =
  | 'PKG_NOT_FOUND'
  | 'PKG_ENCRYPTED_NO_IDENTITY'
  | 'PKG_DECRYPT_FAILED'
  | 'PKG_NOT_ZIP'
  | 'PKG_TRUNCATED'
  | 'PKG_CORRUPT'
  | 'PKG_UNSAFE_PATH'
  | 'PKG_LINK'
  | 'PKG_SPECIAL_FILE'
  | 'PKG_DUPLICATE_ENTRY'
  | 'PKG_DIRECTORY_ENTRY'
  | 'PKG_UNSUPPORTED_ENTRY'
  | 'PKG_TOO_LARGE'
  | 'PKG_ZIP_BOMB'
  | 'BAG_MISSING_FILE'
  | 'BAG_BAD_DECLARATION'
  | 'BAG_FETCH_NOT_ALLOWED'
  | 'BAG_MANIFEST_FORMAT'
  | 'BAG_TAG_NOT_COVERED'
  | 'BAG_TAG_DIGEST'
  | 'BAG_INFO_INVALID'
  | 'BAG_PAYLOAD_NOT_IN_MANIFEST'
  | 'BAG_PAYLOAD_MISSING'
  | 'BAG_PAYLOAD_DIGEST'
  | 'BAG_OXUM'
  | 'SIG_MISSING'
  | 'SIG_FORMAT'
  | 'SIG_UNKNOWN_KEY'
  | 'SIG_INVALID'
  | 'SIG_MISMATCH_UUID'
  | 'SIG_MISMATCH_BAGINFO'
  | 'PKG_REPLAY_DIFFERENT';

export type VerifyError = { code: VerifyErrorCode; file?: string; message: string };

export type Failure = { ok: false; errors: VerifyError[] };

/** A stage either fails (every problem it found) or hands its findings to the next one. */
export type StageResult<T> = Failure | { ok: true; value: T };

/** The archive's files by name (directory entries are refused before this is built). */
export type BagFiles = Map<string, RawZipEntry>;

export function failed(code: VerifyErrorCode, file: string | undefined, message: string): Failure {
  return { ok: false, errors: [file === undefined ? { code, message } : { code, file, message }] };
}

/** A stage's problems as its result: a failure when there are any. */
export function failIfAny(errors: VerifyError[]): Failure | null {
  return errors.length > 0 ? { ok: false, errors } : null;
}

export async function hashEntry(
  reader: ZipReader,
  e: RawZipEntry,
): Promise<{ digest: string; bytes: number } | { error: string }> {
  try {
    const s = await reader.openStream(e);
    const h = createHash('sha512');
    let bytes = 0;
    for await (const chunk of s as AsyncIterable<Buffer>) {
      h.update(chunk);
      bytes += chunk.length;
    }
    return { digest: h.digest('hex'), bytes };
  } catch (err) {
    return { error: errText(err) };
  }
}

export function sha512Hex(b: Uint8Array): string {
  return createHash('sha512').update(b).digest('hex');
}

export function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
