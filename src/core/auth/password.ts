import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { passwordProblem } from '../../shared/account-rules';
import { AppError } from '../../shared/errors';

// scrypt with OWASP's minimum (N=2^17, r=8, p=1) costs ~128 MiB and ~0.3 s here; N=2^15 keeps login snappy
// on old base laptops while staying far beyond brute force for local accounts. Parameters are stored with
// each hash so they can be raised later without breaking old passwords.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, PARAMS.keylen, {
    N: PARAMS.N,
    r: PARAMS.r,
    p: PARAMS.p,
    maxmem: 256 * 1024 * 1024,
  });
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
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

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same scrypt work as checking a real account's password, so a login for a name that does not
 * exist takes as long as a wrong password and cannot be told apart by timing. Always false.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64'));
  await verifyPassword(password, await dummyHash);
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
