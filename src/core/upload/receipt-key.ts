import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { exportMinisignPublicKey, generateSigningKey, signingKeyFromSeed, type SigningKey } from '../crypto/signing-key';

const KEY_FILE = 'receipt-key.json';
export const RECEIPT_PUBLIC_KEY_FILE = 'receipt-key.pub';

const keyFileSchema = z.object({
  format: z.literal('basedesk-intake-receipt-key'),
  version: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: z.string(),
  secretKey: z.string(),
});

/**
 * The reference intake's receipt-signing key, kept beside its index (owner-only file: it is what makes a
 * receipt unforgeable). Made on first start; the minisign public key is (re)written next to it so the
 * province can hand it to bases. A production intake would keep this key in its own key store.
 */
export async function loadOrCreateReceiptKey(dir: string): Promise<SigningKey> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, KEY_FILE);
  const key = (await readKey(path)) ?? (await createKey(path));
  await writeFile(join(dir, RECEIPT_PUBLIC_KEY_FILE), exportMinisignPublicKey(key), 'utf8');
  return key;
}

async function readKey(path: string): Promise<SigningKey | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const parsed = keyFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new AppError(
      'KEY_FORMAT',
      `接收端回执签名密钥文件 ${path} 格式不正确。请从备份恢复该文件；换用新密钥需通知各基地重新登记公钥。`,
    );
  }
  const k = parsed.data;
  return signingKeyFromSeed(
    new Uint8Array(Buffer.from(k.keyId, 'hex')),
    new Uint8Array(Buffer.from(k.secretKey, 'base64')),
    new Uint8Array(Buffer.from(k.publicKey, 'base64')),
  );
}

async function createKey(path: string): Promise<SigningKey> {
  const key = generateSigningKey();
  const body = {
    format: 'basedesk-intake-receipt-key',
    version: 1,
    keyId: Buffer.from(key.keyId).toString('hex'),
    publicKey: Buffer.from(key.publicKey).toString('base64'),
    secretKey: Buffer.from(key.secretKey).toString('base64'),
  };
  try {
    // 'wx': two intakes started on one dir at once must not each make (and hand out) a different key.
    await writeFile(path, JSON.stringify(body), { encoding: 'utf8', mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return (await readKey(path))!;
    throw e;
  }
  await chmod(path, 0o600);
  return key;
}
