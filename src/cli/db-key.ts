import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DEFAULT_SCRYPT, deriveForOpenAhead, deriveForSealAhead, normalisePassphrase } from '../core/crypto/scrypt-kdf';
import type { PublicKey, SigningKey } from '../core/crypto/signing-key';
import { DB_FILE_NAME } from '../core/db/file-names';
import { passphraseDerivationFor } from '../core/db/key-ahead';
import type { KeyProtector, PASSPHRASE_SCHEME } from '../core/outbox/key-protector';
import { defaultDataDir } from '../core/paths';
import { dataDirOption, opensDataFolder } from './command-line';
import { fail, readSecret, type CliIo } from './io';

export const DB_PASSPHRASE_ENV = 'BASEDESK_DB_PASSPHRASE';

/**
 * The CLI's and `serve`'s database key: sealed in the data folder by a passphrase from
 * BASEDESK_DB_PASSPHRASE, or typed at a terminal prompt. Never from argv, and never from piped stdin,
 * which carries the user's password (and ID lists) for the command itself. Asked for only when the key
 * file is created or opened, at most once per command.
 */
export function cliDbKeySource(io: CliIo, envName = DB_PASSPHRASE_ENV, prompt = '数据库口令：'): { protector: KeyProtector } {
  let passphrase: Promise<string> | undefined;
  const get = () => (passphrase ??= readDbPassphrase(io, envName, prompt));
  const confirmNew = () => confirmTypedPassphrase(io, envName, get);
  return { protector: remembered(lazyPassphraseProtector(get), get, confirmNew) };
}

/** The passphrase protector, loaded when a key is sealed or opened (so `--help` does not load scrypt and zod). */
function lazyPassphraseProtector(get: () => Promise<string>): KeyProtector {
  const inner = import('../core/outbox/key-protector').then((m) => m.passphraseProtector(get));
  // The compiler checks this literal against the protector's own scheme name.
  const scheme: typeof PASSPHRASE_SCHEME = 'passphrase-scrypt';
  return {
    scheme,
    seal: async (key) => (await inner).seal(key),
    open: async (sealed, expected) => (await inner).open(sealed, expected),
  };
}

/**
 * A new key is sealed with what was typed: a typing slip would lock the data for good, so a typed passphrase
 * is asked for twice before anything is created (one from the environment was written down on purpose).
 */
async function confirmTypedPassphrase(io: CliIo, envName: string, get: () => Promise<string>): Promise<void> {
  const first = await get();
  if (io.env[envName]) return;
  const again = await readSecret(io, envName, '请再次输入数据库口令：');
  if (again !== first) fail('DB_PASSPHRASE_MISMATCH', '两次输入的数据库口令不一致，未创建数据库。请重新运行并输入相同的口令。');
}

/**
 * Keys this process already unsealed, by seal and passphrase. A command line runs one command per process,
 * but a process that runs many (the test suite runs the CLI in-process hundreds of times) would otherwise
 * pay the deliberately slow scrypt on every open. Holds nothing the open database does not hold anyway.
 */
const unsealed = new Map<string, SigningKey>();

function remembered(inner: KeyProtector, getPassphrase: () => Promise<string>, confirmNew: () => Promise<void>): KeyProtector {
  return {
    scheme: inner.scheme,
    async seal(key) {
      await confirmNew();
      return inner.seal(key);
    },
    async open(sealed: string, expected: PublicKey) {
      const id = unsealedId(sealed, await getPassphrase());
      const hit = unsealed.get(id);
      if (hit) return hit;
      const key = await inner.open(sealed, expected);
      unsealed.set(id, key);
      return key;
    },
  };
}

function unsealedId(sealed: string, passphrase: string): string {
  return createHash('sha256').update(sealed).update('\0').update(passphrase).digest('hex');
}

/**
 * Starts the scrypt that opening `dataDir` with the passphrase from the environment will run, so it runs on
 * libuv's thread pool while this thread loads the code that opens the folder; the open takes it over (see
 * scrypt-kdf.ts). A typed passphrase is not asked for here: prompts keep their order. Nothing starts for a
 * folder that needs no passphrase, or whose key this process already unsealed.
 */
export function deriveDbKeyAhead(io: Pick<CliIo, 'env'>, dataDir: string, envName = DB_PASSPHRASE_ENV): void {
  const passphrase = io.env[envName];
  if (!passphrase) return;
  const need = passphraseDerivationFor(dataDir, join(dataDir, DB_FILE_NAME));
  const normalised = normalisePassphrase(passphrase);
  if (need?.kind === 'seal') deriveForSealAhead(normalised, DEFAULT_SCRYPT);
  else if (need?.kind === 'open' && !unsealed.has(unsealedId(need.sealed, passphrase))) {
    deriveForOpenAhead(normalised, need.salt, need.params);
  }
}

/**
 * The same, started by the `basedesk` entry from the bare command line: before commander and the command's
 * code load (a good part of a short command's run), for a command that will open the data folder. The
 * command asks again when it opens the folder and finds it under way. Anything odd here (an unreadable
 * folder, a bad key file) starts nothing: the open reports it as usual.
 */
export function deriveDbKeyForCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  if (!opensDataFolder(argv)) return;
  try {
    deriveDbKeyAhead({ env }, dataDirOption(argv) ?? defaultDataDir(env));
  } catch {
    // the command runs and reports as it would have without the head start
  }
}

async function readDbPassphrase(io: CliIo, envName: string, prompt: string): Promise<string> {
  if (io.env[envName]) return io.env[envName];
  if (!io.stdin.isTTY) {
    fail('DB_KEY_REQUIRED', `需要数据库口令：请设置环境变量 ${envName}（不要写在命令行参数里），或在终端中运行以便按提示输入。`);
  }
  return readSecret(io, envName, prompt);
}

/** Said on stderr whenever a plain (not yet encrypted) database is opened: the fix is one command. */
export function warnIfPlain(io: CliIo, encrypted: boolean): void {
  if (!encrypted) {
    io.stderr.write('注意：数据库尚未加密，身份证号、手机号等个人信息以明文保存在磁盘上。请运行 basedesk db encrypt 加密。\n');
  }
}
