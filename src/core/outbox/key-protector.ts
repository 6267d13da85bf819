import { AppError } from '../../shared/errors';
import { assertPassphrase } from '../auth/password';
import type { Core } from '../context';
import { decryptSigningKey, encryptSigningKey, DEFAULT_SCRYPT } from '../crypto/key-envelope';
import type { PublicKey, SigningKey } from '../crypto/signing-key';

/**
 * Seals the base's signing key for storage in SQLite and opens it again. Injected per process: the CLI
 * uses a passphrase (BASEDESK_KEY_PASSPHRASE or stdin), Electron main uses the OS keychain (safeStorage,
 * src/main/key-protector.ts). `scheme` names the seal so a key can carry one seal per protector.
 */
export type KeyProtector = {
  scheme: string;
  seal(key: SigningKey): Promise<string>;
  open(sealed: string, expected: PublicKey): Promise<SigningKey>;
};

export const PASSPHRASE_SCHEME = 'passphrase-scrypt';

/** The passphrase is asked for only when a key is sealed or opened, never up front. */
export function passphraseProtector(
  getPassphrase: () => string | Promise<string>,
  params: { logN: number; r: number; p: number } = DEFAULT_SCRYPT,
): KeyProtector {
  return {
    scheme: PASSPHRASE_SCHEME,
    seal: async (key) => {
      // Checked when a key is sealed, never when one is opened: an existing key keeps its passphrase.
      const passphrase = await getPassphrase();
      assertPassphrase(passphrase);
      return JSON.stringify(await encryptSigningKey(key, passphrase, params));
    },
    open: async (sealed, expected) => {
      const key = await decryptSigningKey(sealed, await getPassphrase());
      if (!Buffer.from(key.keyId).equals(Buffer.from(expected.keyId))) {
        throw new AppError('KEY_FORMAT', '保存的签名私钥与其公钥记录不一致，数据库可能被改动。请联系管理员。');
      }
      return key;
    },
  };
}

/** Electron main (the OS keychain) and the CLI (a passphrase) each set theirs once, right after opening. */
export function useKeyProtector(core: Core, protector: KeyProtector): void {
  core.keyProtector = protector;
}

/**
 * The injected protector; without one (e.g. `basedesk serve`, where no OS keychain exists), a passphrase
 * protector with the passphrase the user typed for this one call, else with BASEDESK_KEY_PASSPHRASE;
 * otherwise null. A typed passphrase lives only for the call: it is never stored, logged or audited.
 */
export function keyProtectorOf(core: Core, env: NodeJS.ProcessEnv = process.env, passphrase?: string): KeyProtector | null {
  const injected = core.keyProtector;
  if (injected) return injected;
  if (passphrase) return passphraseProtector(() => passphrase);
  const pass = env.BASEDESK_KEY_PASSPHRASE;
  return pass ? passphraseProtector(() => pass) : null;
}

export function requireKeyProtector(core: Core, passphrase?: string): KeyProtector {
  const p = keyProtectorOf(core, process.env, passphrase);
  if (!p) {
    throw new AppError(
      'KEY_PROTECTOR_MISSING',
      '需要签名私钥口令：本机没有可用的系统钥匙串，请输入口令后再试（命令行可设置环境变量 BASEDESK_KEY_PASSPHRASE 或在标准输入提供口令）。',
    );
  }
  return p;
}
