import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { passwordProblem } from '../../shared/account-rules';
import { AppError } from '../../shared/errors';

// scrypt with OWASP's minimum (N=2^17, r=8, p=1) costs ~128 MiB and ~0.3 s here; N=2^15 keeps login snappy
// on old base laptops while staying far beyond brute force for local accounts. Parameters are stored with
// each hash so they can be raised later without breaking old passwords.
export const DEFAULT_SCRYPT_N = 2 ** 15;
const PARAMS = { r: 8, p: 1, keylen: 32 };

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `cost` is scrypt's N; only tests lower it, and verifying reads N back from the stored hash. */
export async function hashPassword(password: string, cost = DEFAULT_SCRYPT_N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, PARAMS.keylen, {
    N: cost,
    r: PARAMS.r,
    p: PARAMS.p,
    maxmem: 256 * 1024 * 1024,
  });
  return `scrypt$${cost}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * Spends the same scrypt work as checking a real account's password, so a login for a name that does not
 * exist takes as long as a wrong password and cannot be told apart by timing. `cost` must be the one new
 * hashes use here. Always false.
 */
export async function verifyDummyPassword(password: string, cost = DEFAULT_SCRYPT_N): Promise<false> {
  let dummy = dummyHashes.get(cost);
  if (!dummy) {
    dummy = hashPassword(randomBytes(16).toString('base64'), cost);
    dummyHashes.set(cost, dummy);
  }
  await verifyPassword(password, await dummy);
  return false;
}

export { passwordProblem };

/** The signing-key passphrase follows the password rules: it is all that guards the sealed key in the database. */
export function assertPassphrase(passphrase: string): void {
  const problem = passwordProblem(passphrase);
  if (problem) throw new AppError('KEY_PASSPHRASE_WEAK', `签名私钥口令太弱：${problem.replace(/密码/g, '口令')}`);
}

/** Refuses a password the account rules call weak, with the rule's own words. */
export function assertPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('PASSWORD_WEAK', problem);
}
