import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../src/shared/account-rules';
import { err, setupBase } from '../../helpers/core';

describe('password patterns beyond the common list', () => {
  it('refuses a short unit or a common word repeated to reach the length', () => {
    for (const p of ['abcabcabcabc', 'abc123abc123', 'passwordpassword', 'Qwerty12Qwerty12']) {
      expect(passwordProblem(p), p).toContain('重复');
    }
  });

  it('refuses letters in alphabet order, up or down', () => {
    for (const p of ['abcdefghij', 'ABCDEFGHIJKL', 'zyxwvutsrq']) expect(passwordProblem(p), p).toContain('顺序');
  });

  it('still accepts long passphrases, including one made of two different words', () => {
    for (const p of ['门诊三楼 2024 春', 'clerk-pass-1', 'correct horse 1', 'hospitalcampus', 'password-clerk9']) {
      expect(passwordProblem(p), p).toBeNull();
    }
  });

  it('the core refuses them for a new user', async () => {
    const { core, session } = await setupBase();
    const e = await err(core, session, 'users.add', {
      username: 'clerk2',
      displayName: '教秘',
      role: 'clerk',
      password: 'abcdefghij',
    });
    expect(e.code).toBe('PASSWORD_WEAK');
    expect(e.message).toContain('顺序');
  });
});
