import { describe, expect, it } from 'vitest';
import { passphraseProtector, useKeyProtector } from '../../../src/core/outbox/key-protector';
import { passwordProblem } from '../../../src/shared/account-rules';
import { ADMIN, err, freshCore, ok, setupBase } from '../../helpers/core';
import { FAST_SCRYPT } from '../outbox/helpers';

const WEAK = [
  'password',
  '12345678',
  'aaaaaaaa',
  'aaaaaaaaaaaa',
  'Password123',
  'qwertyuiop',
  '1234567890',
  'abababababab',
  'woaini1314520',
];

describe('password rules', () => {
  it('refuses short, common and repeated-character passwords, each with a reason in Chinese', () => {
    for (const p of WEAK) expect(passwordProblem(p), p).toMatch(/[\u4e00-\u9fff]/);
  });

  it('accepts the passwords people are told to use: long, not on the list', () => {
    for (const p of [ADMIN.password, 'password-clerk9', 'clerk-pass-1', '签名口令 cli', 'longenough1']) {
      expect(passwordProblem(p), p).toBeNull();
    }
  });

  it('the core enforces them for a new base, a new user and a changed password', async () => {
    const core = await freshCore();
    const setup = (password: string) =>
      err(core, 'setup', 'setup.initialize', {
        baseName: '测试基地',
        baseCode: 'T1',
        presetId: 'jilin-2024',
        cohortYear: 2024,
        admin: { ...ADMIN, password },
      });
    for (const p of ['password', '12345678', 'aaaaaaaa']) expect((await setup(p)).code, p).toBe('PASSWORD_WEAK');
    const { core: base, session } = await setupBase();
    const add = await err(base, session, 'users.add', {
      username: 'clerk3',
      displayName: 'c',
      role: 'clerk',
      password: 'qwertyuiop',
    });
    expect(add.code).toBe('PASSWORD_WEAK');
    const change = await err(base, session, 'auth.changePassword', { oldPassword: ADMIN.password, newPassword: '1234567890' });
    expect(change.code).toBe('PASSWORD_WEAK');
  });
});

describe('signing-key passphrase', () => {
  it('a passphrase like "1" cannot seal a new key; a strong one can', async () => {
    const { core, session } = await setupBase();
    useKeyProtector(
      core,
      passphraseProtector(() => '1', FAST_SCRYPT),
    );
    expect((await err(core, session, 'keys.init')).code).toBe('KEY_PASSPHRASE_WEAK');
    useKeyProtector(
      core,
      passphraseProtector(() => 'aaaaaaaaaaaa', FAST_SCRYPT),
    );
    expect((await err(core, session, 'keys.init')).code).toBe('KEY_PASSPHRASE_WEAK');
    useKeyProtector(
      core,
      passphraseProtector(() => '测试口令 outbox', FAST_SCRYPT),
    );
    expect((await ok(core, session, 'keys.init')).active).not.toBeNull();
  });
});
