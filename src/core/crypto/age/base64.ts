/**
 * The unpadded base64 of the age header. Decoders must refuse anything but the canonical encoding
 * (no `=`, no stray bits in the last character), otherwise one header could be written several ways and
 * the header MAC would no longer pin the stanzas.
 */
const BASE64_CHARS = /^[A-Za-z0-9+/]*$/;

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64').replace(/=+$/, '');
}

/** Returns null for padding, foreign characters, an impossible length or a non-canonical last character. */
export function decodeBase64(text: string): Buffer | null {
  if (!BASE64_CHARS.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64');
  return encodeBase64(bytes) === text ? bytes : null;
}
