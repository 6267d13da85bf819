import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { AppError } from '../../shared/errors';

/**
 * The passphrase KDF behind every sealed key (key-envelope.ts), kept free of zod and the envelope format so
 * a command can start it before the code that opens the data folder has loaded.
 */
export type ScryptParams = { logN: number; r: number; p: number };

export const DEFAULT_SCRYPT = { logN: 15, r: 8, p: 1 } as const;

/**
 * The parameters a sealed key may ask for, inclusive: bounded so a hostile key file cannot make us allocate
 * gigabytes or spin for minutes. The envelope's schema and the derivation started ahead both check these.
 */
export const SCRYPT_BOUNDS = { logN: [14, 20], r: [1, 16], p: [1, 4] } as const;

/** Bytes of salt a new seal gets. */
export const SEAL_SALT_BYTES = 16;

export function normalisePassphrase(passphrase: string): string {
  // The same passphrase typed through different input methods can differ in Unicode normal form.
  const p = passphrase.normalize('NFC');
  if (p.length === 0) throw new AppError('KEY_PASSPHRASE_EMPTY', '口令不能为空，请设置用于保护签名私钥的口令。');
  return p;
}

/**
 * One derivation started ahead of need: the scrypt runs on libuv's thread pool while the main thread loads
 * code, and the seal or open that needs it takes it over instead of starting its own. One slot, taken at
 * most once and only by a call with the same passphrase, parameters and purpose (and salt, when opening),
 * so a guess that turns out wrong only costs the time it ran.
 */
type Ahead = { purpose: 'open' | 'seal'; passphrase: string; params: ScryptParams; salt: Buffer; derived: Promise<Buffer> };

let ahead: Ahead | undefined;

/**
 * Starts the derivation that opening a seal with this salt will need. `passphrase` as normalisePassphrase
 * returns it. The same derivation already under way is kept: the CLI starts it from the bare command line,
 * before the command's code loads, and the command asks again when it opens the folder.
 */
export function deriveForOpenAhead(passphrase: string, salt: Buffer, params: ScryptParams): void {
  if (pending('open', passphrase, params)?.salt.equals(salt)) return;
  ahead = { purpose: 'open', passphrase, params, salt, derived: settledLater(derive(passphrase, salt, params)) };
}

/** Starts the derivation the next new seal will use, with its (new, random) salt; one already under way is kept. */
export function deriveForSealAhead(passphrase: string, params: ScryptParams): void {
  if (pending('seal', passphrase, params)) return;
  const salt = randomBytes(SEAL_SALT_BYTES);
  ahead = { purpose: 'seal', passphrase, params, salt, derived: settledLater(derive(passphrase, salt, params)) };
}

/** Forgets a derivation nobody took (the folder turned out to need none, or another one). */
export function dropDerivationAhead(): void {
  ahead = undefined;
}

/** The key for opening a seal: the one started ahead when it matches, else derived now. */
export function deriveForOpen(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const hit = take('open', passphrase, params);
  return hit && hit.salt.equals(salt) ? hit.derived : derive(passphrase, salt, params);
}

/** A salt and key for a new seal: the pair started ahead when it matches, else a new salt derived now. */
export function deriveForSeal(passphrase: string, params: ScryptParams): { salt: Buffer; derived: Promise<Buffer> } {
  const hit = take('seal', passphrase, params);
  if (hit) return { salt: hit.salt, derived: hit.derived };
  const salt = randomBytes(SEAL_SALT_BYTES);
  return { salt, derived: derive(passphrase, salt, params) };
}

function take(purpose: Ahead['purpose'], passphrase: string, params: ScryptParams): Ahead | undefined {
  const a = pending(purpose, passphrase, params);
  if (a) ahead = undefined;
  return a;
}

/** The derivation under way for this purpose, passphrase and parameters, if any. */
function pending(purpose: Ahead['purpose'], passphrase: string, params: ScryptParams): Ahead | undefined {
  const a = ahead;
  if (!a || a.purpose !== purpose || a.passphrase !== passphrase || !sameParams(a.params, params)) return undefined;
  return a;
}

function sameParams(a: ScryptParams, b: ScryptParams): boolean {
  return a.logN === b.logN && a.r === b.r && a.p === b.p;
}

/** A rejection nobody awaits yet must not end the process: whoever takes the derivation sees it. */
function settledLater(p: Promise<Buffer>): Promise<Buffer> {
  p.catch(() => undefined);
  return p;
}

function derive(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(passphrase, salt, 32, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}
