import type { Command } from 'commander';
import type * as DispatchModule from '../core/api/dispatch';
import type { Core } from '../core/context';
import type { openCore } from '../core/open-core';
import type { passphraseProtector, useKeyProtector } from '../core/outbox/key-protector';
import { defaultDataDir } from '../core/paths';
import type { OpInput, OpName, OpResult } from '../shared/contract';
import { isAppError } from '../shared/errors';
import { dropDerivationAhead } from '../core/crypto/scrypt-kdf';
import { cliDbKeySource, deriveDbKeyAhead, warnIfPlain } from './db-key';
import { CliExit, fail, readSecret, type CliIo } from './io';

export type GlobalOptions = { dataDir?: string; json?: boolean; user?: string };

export type CliSession = {
  core: Core;
  io: CliIo;
  json: boolean;
  /**
   * Call a contract operation as the logged-in user; a coded error ends the command. The input is typed by
   * the op, so a plain string where the contract wants one of its enum values does not compile.
   */
  call: CallOp;
};

/** The input argument of an op: optional when the op's input accepts `{}`. */
export type InputArg<K extends OpName> = Record<never, never> extends OpInput<K> ? [input?: OpInput<K>] : [input: OpInput<K>];

export type CallOp = <K extends OpName>(name: K, ...input: InputArg<K>) => Promise<OpResult<K>>;

/**
 * The core, loaded when a command first opens the data folder: `--help`, `--version` and usage errors never
 * need it. What opening needs comes first; the dispatcher (and the ops a command calls) loads while the
 * database key is unsealed.
 */
function loadOpening() {
  return (openingModules ??= Promise.all([import('../core/open-core'), import('../core/outbox/key-protector')]).then(
    ([{ openCore, loadNativeDriver }, { passphraseProtector, useKeyProtector }]) => {
      // While the key's scrypt still runs on another thread, rather than after it, on the first open.
      loadNativeDriver();
      return { openCore, passphraseProtector, useKeyProtector };
    },
  ));
}

function loadDispatch() {
  return (dispatchModule ??= import('../core/api/dispatch'));
}

let openingModules: Promise<OpeningModules> | undefined;
let dispatchModule: Promise<typeof DispatchModule> | undefined;

type OpeningModules = {
  openCore: typeof openCore;
  passphraseProtector: typeof passphraseProtector;
  useKeyProtector: typeof useKeyProtector;
};

/**
 * Opens the data folder for `fn`. `firstOps` are the ops the command is about to call: their code loads while
 * the key is unsealed (a deliberately slow KDF off this thread), instead of after it.
 */
export async function withCore<T>(
  io: CliIo,
  opts: GlobalOptions,
  fn: (core: Core) => Promise<T>,
  firstOps: readonly OpName[] = [],
): Promise<T> {
  const dataDir = opts.dataDir ?? defaultDataDir(io.env);
  // First the passphrase's scrypt (deliberately slow, on libuv's pool), then the code, loaded while it runs.
  deriveDbKeyAhead(io, dataDir);
  let core: Core;
  try {
    const { openCore, passphraseProtector, useKeyProtector } = await loadOpening();
    // Errors are left to the calls themselves; this only loads code ahead of them.
    loadDispatch()
      .then(({ preloadOps }) => preloadOps(firstOps))
      .catch(() => undefined);
    core = await openCore({ dataDir, idleMinutes: 0, dbKey: cliDbKeySource(io) });
    protectSigningKey(core, io, passphraseProtector, useKeyProtector);
  } catch (e) {
    if (isAppError(e)) throw new CliExit(1, e.toApiError());
    throw e;
  } finally {
    dropDerivationAhead();
  }
  warnIfPlain(io, core.encrypted);
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

/** The signing key is sealed with a passphrase in the CLI, asked for only when a key is used. */
function protectSigningKey(
  core: Core,
  io: CliIo,
  passphraseProtector: OpeningModules['passphraseProtector'],
  useKeyProtector: OpeningModules['useKeyProtector'],
): void {
  let passphrase: Promise<string> | undefined;
  useKeyProtector(
    core,
    passphraseProtector(() => (passphrase ??= readSecret(io, 'BASEDESK_KEY_PASSPHRASE', '签名私钥口令：'))),
  );
}

function caller(core: Core, sessionKey: string): CallOp {
  return async <K extends OpName>(name: K, ...input: InputArg<K>): Promise<OpResult<K>> => {
    const { dispatch } = await loadDispatch();
    const r = await dispatch(core, sessionKey, name, input[0] ?? {});
    if (!r.ok) throw new CliExit(1, r.error);
    return r.value as OpResult<K>;
  };
}

/** `(cmd, fn)`: runs `fn` in a session opened with the command's global options (see withSession). */
export function sessionRunner(io: CliIo): <T>(cmd: Command, fn: (s: CliSession) => Promise<T>) => Promise<T> {
  return (cmd, fn) => withSession(io, cmd.optsWithGlobals<GlobalOptions>(), fn);
}

/** For commands that need no login (init, serve). */
export function anonymous(core: Core, io: CliIo, opts: GlobalOptions): CliSession {
  return { core, io, json: !!opts.json, call: caller(core, `cli:${process.pid}:anon`) };
}

/**
 * Commands act as a user: --user NAME (default: the first administrator), password from BASEDESK_PASSWORD
 * or standard input, checked by the same login as the app (so failures and lockouts are audited).
 */
export async function withSession<T>(io: CliIo, opts: GlobalOptions, fn: (s: CliSession) => Promise<T>): Promise<T> {
  return withCore(
    io,
    opts,
    async (core) => {
      const sessionKey = `cli:${process.pid}:${Date.now()}`;
      let username = opts.user;
      if (!username) {
        const admin = await core.db
          .selectFrom('users')
          .select('username')
          .where('role', '=', 'admin')
          .where('disabled', '=', 0)
          .orderBy('created_at')
          .executeTakeFirst();
        if (!admin) fail('SETUP_REQUIRED', '尚未初始化：请先运行 basedesk init 建立基地和管理员。');
        username = admin.username;
      }
      const password = await readSecret(io, 'BASEDESK_PASSWORD', `用户 ${username} 的密码：`);
      const call = caller(core, sessionKey);
      await call('auth.login', { username, password });
      try {
        return await fn({ core, io, json: !!opts.json, call });
      } finally {
        core.sessions.end(sessionKey);
      }
    },
    ['auth.login'],
  );
}
