import { describe, expect, it } from 'vitest';
import { ADMIN, addUserAndLogin, err, freshCore, ok, setupBase } from '../../helpers/core';

describe('first-run setup', () => {
  it('creates the base, seeds the catalogue with preset extras, and an admin who can log in', async () => {
    const core = await freshCore();
    expect((await ok(core, 's', 'system.status')).initialized).toBe(false);
    await ok(core, 's', 'setup.initialize', {
      baseName: '测试医院',
      baseCode: 'T1',
      presetId: 'beijing-2023',
      cohortYear: 2023,
      admin: ADMIN,
    });
    const status = await ok(core, 's', 'system.status');
    expect(status.initialized).toBe(true);
    expect(status.base).toMatchObject({
      name: '测试医院',
      province: '北京市',
      presetId: 'beijing-2023',
      programs: ['residency'],
    });
    await ok(core, 's', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const catalogue = await ok(core, 's', 'catalogue.list');
    expect(catalogue.find((c) => c.code === '0100')?.name).toBe('内科');
    expect(catalogue.find((c) => c.name === '口腔正畸科')).toMatchObject({ local: true });
  });

  it('refuses a second setup and an unknown preset', async () => {
    const { core } = await setupBase();
    expect(
      (
        await err(core, 'x', 'setup.initialize', {
          baseName: '另一家',
          baseCode: 'X',
          presetId: 'jilin-2024',
          cohortYear: 2024,
          admin: ADMIN,
        })
      ).code,
    ).toBe('SETUP_ALREADY_DONE');
    const fresh = await freshCore();
    expect(
      (
        await err(fresh, 'x', 'setup.initialize', {
          baseName: '某医院',
          baseCode: 'X',
          presetId: 'mars-2099',
          cohortYear: 2024,
          admin: ADMIN,
        })
      ).code,
    ).toBe('PRESET_UNKNOWN');
  });

  it('refuses a weak admin password and writes nothing', async () => {
    const core = await freshCore();
    const e = await err(core, 's', 'setup.initialize', {
      baseName: '某医院',
      baseCode: 'X',
      presetId: 'jilin-2024',
      cohortYear: 2024,
      admin: { ...ADMIN, password: '123' },
    });
    expect(e.code).toBe('PASSWORD_WEAK');
    expect((await ok(core, 's', 'system.status')).initialized).toBe(false);
  });
});

describe('login and roles', () => {
  it('refuses a wrong password with AUTH_FAILED and records it in the audit log', async () => {
    const { core, session } = await setupBase();
    expect((await err(core, 'other', 'auth.login', { username: 'admin', password: 'wrong password' })).code).toBe('AUTH_FAILED');
    expect((await err(core, 'other', 'auth.login', { username: 'nobody', password: 'wrong password' })).code).toBe('AUTH_FAILED');
    const log = await ok(core, session, 'audit.list', { action: 'auth.login-failed' });
    expect(log.total).toBe(1);
  });

  it('locks an account after five wrong passwords', async () => {
    const { core } = await setupBase();
    for (let i = 0; i < 5; i++) await err(core, 'o', 'auth.login', { username: 'admin', password: 'nope nope' });
    expect((await err(core, 'o', 'auth.login', { username: 'admin', password: ADMIN.password })).code).toBe('AUTH_LOCKED_OUT');
  });

  it('checks permissions in the core: a clerk cannot manage users or edit the plan', async () => {
    const { core, session } = await setupBase();
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    expect(
      (await err(core, clerk, 'users.add', { username: 'x1', displayName: 'x', role: 'admin', password: 'longenough1' })).code,
    ).toBe('FORBIDDEN');
    expect((await err(core, clerk, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 3 })).code).toBe('FORBIDDEN');
    expect((await ok(core, clerk, 'plan.show')).total).toBe(0);
    expect((await err(core, 'anonymous', 'plan.show')).code).toBe('AUTH_REQUIRED');
  });

  it('locks an idle session and ends a disabled user’s session at once', async () => {
    let now = Date.parse('2026-07-01T08:00:00Z');
    const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院', { clock: { nowMs: () => now } });
    const clerk = await addUserAndLogin(core, session, 'clerk2', 'clerk');
    now += 16 * 60 * 1000;
    expect((await err(core, session, 'users.list')).code).toBe('SESSION_LOCKED');
    await ok(core, session, 'auth.login', { username: 'admin', password: ADMIN.password });
    const users = await ok(core, session, 'users.list');
    const clerkId = users.find((u) => u.username === 'clerk2')!.id;
    expect((await err(core, clerk, 'plan.show')).code).toBe('SESSION_LOCKED');
    await ok(core, clerk, 'auth.login', { username: 'clerk2', password: 'password-clerk2' });
    await ok(core, clerk, 'plan.show');
    await ok(core, session, 'users.update', { id: clerkId, disabled: true });
    expect((await err(core, clerk, 'plan.show')).code).toBe('AUTH_REQUIRED');
    expect((await err(core, clerk, 'auth.login', { username: 'clerk2', password: 'password-clerk2' })).code).toBe(
      'USER_DISABLED',
    );
  });

  it('locks on request, keeping who was logged in for the lock screen, until the password is given again', async () => {
    const { core, session } = await setupBase();
    await ok(core, session, 'auth.lock');
    const status = await ok(core, session, 'system.status');
    expect(status).toMatchObject({ locked: true, user: { username: 'admin' } });
    expect((await err(core, session, 'plan.show')).code).toBe('SESSION_LOCKED');
    await ok(core, session, 'auth.login', { username: 'admin', password: ADMIN.password });
    expect((await ok(core, session, 'system.status')).locked).toBe(false);
    await ok(core, session, 'plan.show');
  });

  it('does not count status polls as activity, so an unattended session still locks', async () => {
    let now = Date.parse('2026-07-01T08:00:00Z');
    const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院', { clock: { nowMs: () => now } });
    for (let i = 0; i < 4; i++) {
      now += 5 * 60 * 1000;
      await ok(core, session, 'system.status');
    }
    expect((await ok(core, session, 'system.status')).locked).toBe(true);
    expect((await err(core, session, 'plan.show')).code).toBe('SESSION_LOCKED');
  });

  it('never lets the last admin be demoted', async () => {
    const { core, session } = await setupBase();
    const other = await addUserAndLogin(core, session, 'admin2', 'admin');
    const users = await ok(core, other, 'users.list');
    const first = users.find((u) => u.username === 'admin')!;
    await ok(core, other, 'users.update', { id: first.id, role: 'coordinator', reason: '调岗到住培办' });
    const second = users.find((u) => u.username === 'admin2')!;
    expect((await err(core, other, 'users.update', { id: second.id, role: 'clerk' })).code).toBe('USER_SELF_DEMOTE');
  });

  it('rejects malformed input with INVALID_INPUT naming the field', async () => {
    const { core, session } = await setupBase();
    const e = await err(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 2.5 });
    expect(e.code).toBe('INVALID_INPUT');
    // Named by its label for people; the key stays in the details for support.
    expect(e.message).toContain('计划人数');
    expect(e.message).not.toContain('quota');
    expect(e.details?.issues).toEqual([expect.objectContaining({ path: 'quota' })]);
    expect((await err(core, session, 'no.such.op')).code).toBe('UNKNOWN_OP');
  });
});
