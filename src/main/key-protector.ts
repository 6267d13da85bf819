import { safeStorage } from 'electron';
import { z } from 'zod';
import type { Core } from '../core/context';
import { signingKeyFromSeed } from '../core/crypto/signing-key';
import { passphraseProtector, useKeyProtector, type KeyProtector } from '../core/outbox/key-protector';
import { AppError } from '../shared/errors';

export const SAFE_STORAGE_SCHEME = 'electron-safestorage';

type SafeStorage = Pick<typeof safeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

function assertUsable(storage: SafeStorage, platform: NodeJS.Platform): void {
  // On Linux without a keyring Electron falls back to a hard-coded key ('basic_text'): not protection.
  const weak = platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text';
  if (!storage.isEncryptionAvailable() || weak) {
    throw new AppError(
      'KEY_KEYCHAIN_UNAVAILABLE',
      '系统钥匙串不可用，无法安全保存签名私钥。请登录带钥匙串的桌面会话，或设置环境变量 BASEDESK_KEY_PASSPHRASE 后重新启动。',
    );
  }
}

/** What the keychain seals: the key id (hex) and the 32-byte seed (base64). */
const keychainSeal = z.object({ keyId: z.string().regex(/^[0-9a-f]+$/), seed: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/) });

/** The sealed blob opened and read as JSON; a keychain that cannot open it (other machine or account) is coded. */
function unseal(storage: SafeStorage, sealed: string): unknown {
  try {
    return JSON.parse(storage.decryptString(Buffer.from(sealed, 'base64')));
  } catch {
    throw new AppError(
      'KEY_KEYCHAIN_DECRYPT',
      '系统钥匙串无法解开签名私钥（可能换了电脑或系统账户）。请在原电脑上操作，或更换签名密钥。',
    );
  }
}

/** The signing key sealed by the OS keychain (DPAPI, Keychain, libsecret) through Electron's safeStorage. */
export function safeStorageProtector(storage: SafeStorage = safeStorage, platform = process.platform): KeyProtector {
  return {
    scheme: SAFE_STORAGE_SCHEME,
    async seal(key) {
      assertUsable(storage, platform);
      const plain = JSON.stringify({
        keyId: Buffer.from(key.keyId).toString('hex'),
        seed: Buffer.from(key.secretKey).toString('base64'),
      });
      return storage.encryptString(plain).toString('base64');
    },
    async open(sealed, expected) {
      assertUsable(storage, platform);
      const opened = keychainSeal.safeParse(unseal(storage, sealed));
      if (!opened.success) {
        throw new AppError('KEY_FORMAT', '保存的签名私钥格式不对，数据库可能被改动。请联系管理员。');
      }
      const parsed = opened.data;
      if (parsed.keyId !== Buffer.from(expected.keyId).toString('hex')) {
        throw new AppError('KEY_FORMAT', '保存的签名私钥与其公钥记录不一致，数据库可能被改动。请联系管理员。');
      }
      return signingKeyFromSeed(Buffer.from(parsed.keyId, 'hex'), Buffer.from(parsed.seed, 'base64'), expected.publicKey);
    },
  };
}

/** Electron main's hook: the keychain, or a passphrase when BASEDESK_KEY_PASSPHRASE is set (servers, CI). */
export function installKeyProtector(core: Core, env: NodeJS.ProcessEnv = process.env): void {
  const pass = env.BASEDESK_KEY_PASSPHRASE;
  useKeyProtector(core, pass ? passphraseProtector(() => pass) : safeStorageProtector());
}
