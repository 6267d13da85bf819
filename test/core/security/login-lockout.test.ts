import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/api/dispatch';
import { ADMIN, ok, setupBase } from '../../helpers/core';

describe('login lockout under parallel guesses', () => {
  it('20 wrong passwords at once: at most 5 are checked, the rest are refused as locked, and so is the right one', async () => {
    const { core, session } = await setupBase();
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        dispatch(core, `guess-${i}`, 'auth.login', { username: ADMIN.username, password: `wrong guess ${i}` }),
      ),
    );
    const codes = guesses.map((r) => (r.ok ? 'OK' : r.error.code));
    expect(codes.filter((c) => c === 'AUTH_FAILED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'AUTH_LOCKED_OUT')).toHaveLength(15);
    const failed = await ok(core, session, 'audit.list', { action: 'auth.login-failed' });
    const lockouts = await ok(core, session, 'audit.list', { action: 'auth.lockout' });
    expect(failed.total + lockouts.total).toBe(5);
    expect(lockouts.total).toBe(1);
    const right = await dispatch(core, 'late', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(right).toMatchObject({ ok: false, error: { code: 'AUTH_LOCKED_OUT' } });
  });

  it('the lock ends after five minutes and a right password then clears the count', async () => {
    let now = Date.parse('2026-07-01T08:00:00Z');
    const { core } = await setupBase('jilin-2024', '吉林大学第一医院', { clock: { nowMs: () => now } });
    for (let i = 0; i < 5; i++) await dispatch(core, 'o', 'auth.login', { username: ADMIN.username, password: 'nope nope' });
    now += 5 * 60 * 1000 + 1;
    await ok(core, 'o', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    for (let i = 0; i < 4; i++) await dispatch(core, 'o', 'auth.login', { username: ADMIN.username, password: 'nope nope' });
    await ok(core, 'o', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  });

  it('an unknown user is answered like a wrong password, and a disabled account says so only after the right password', async () => {
    const { core, session } = await setupBase();
    const unknown = await dispatch(core, 'x', 'auth.login', { username: 'nobody', password: 'whatever pass' });
    const wrong = await dispatch(core, 'x', 'auth.login', { username: ADMIN.username, password: 'whatever pass' });
    expect(unknown).toEqual(wrong);
    await ok(core, session, 'users.add', { username: 'clerk9', displayName: 'c', role: 'clerk', password: 'password-clerk9' });
    const id = (await ok(core, session, 'users.list')).find((u) => u.username === 'clerk9')!.id;
    await ok(core, session, 'users.update', { id, disabled: true });
    expect(await dispatch(core, 'y', 'auth.login', { username: 'clerk9', password: 'not the one' })).toEqual(wrong);
    expect(await dispatch(core, 'y', 'auth.login', { username: 'clerk9', password: 'password-clerk9' })).toMatchObject({
      error: { code: 'USER_DISABLED' },
    });
  });
});
