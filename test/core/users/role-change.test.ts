import { describe, expect, it } from 'vitest';
import { addUserAndLogin, err, ok, setupBase } from '../../helpers/core';

async function userId(core: Parameters<typeof ok>[0], session: string, username: string): Promise<string> {
  return (await ok(core, session, 'users.list')).find((u) => u.username === username)!.id;
}

describe('role changes', () => {
  it('promotion to 管理员 needs a reason, which the audit event keeps; the old session ends', async () => {
    const { core, session } = await setupBase();
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    const id = await userId(core, session, 'clerk1');

    const refused = await err(core, session, 'users.update', { id, role: 'admin' });
    expect(refused.code).toBe('REASON_REQUIRED');
    expect(refused.message).toContain('原因');
    expect((await err(core, session, 'users.update', { id, role: 'admin', reason: '   ' })).code).toBe('REASON_REQUIRED');
    expect((await ok(core, session, 'users.list')).find((u) => u.id === id)!.role).toBe('clerk');

    const updated = await ok(core, session, 'users.update', { id, role: 'admin', reason: '接任系统管理员（院办通知）' });
    expect(updated.role).toBe('admin');
    const event = await core.db
      .selectFrom('events')
      .select(['action', 'reason', 'before_json', 'after_json'])
      .where('action', '=', 'user.update')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(event.reason).toBe('接任系统管理员（院办通知）');
    expect(JSON.parse(event.before_json!)).toMatchObject({ role: 'clerk' });
    expect(JSON.parse(event.after_json!)).toMatchObject({ role: 'admin' });
    // Rights come from a new login, not from the clerk's open session.
    expect((await err(core, clerk, 'users.list')).code).toBe('AUTH_REQUIRED');
  });

  it('disabling needs no reason; an administrator still cannot demote or disable themselves', async () => {
    const { core, session } = await setupBase();
    await addUserAndLogin(core, session, 'clerk2', 'clerk');
    await ok(core, session, 'users.update', { id: await userId(core, session, 'clerk2'), disabled: true });
    const second = await addUserAndLogin(core, session, 'admin2', 'admin');
    const secondId = await userId(core, session, 'admin2');
    const self = await err(core, second, 'users.update', { id: secondId, role: 'clerk', reason: '不再负责系统' });
    expect(self.code).toBe('USER_SELF_DEMOTE');
    expect((await err(core, second, 'users.update', { id: secondId, disabled: true })).code).toBe('USER_SELF_DEMOTE');
    // Another administrator may, with a reason; the only one left then keeps the role.
    await ok(core, session, 'users.update', { id: secondId, role: 'coordinator', reason: '调到住培办' });
    const adminId = await userId(core, session, 'admin');
    expect((await err(core, session, 'users.update', { id: adminId, role: 'clerk', reason: '测试' })).code).toBe(
      'USER_SELF_DEMOTE',
    );
    expect((await ok(core, session, 'users.list')).filter((u) => u.role === 'admin' && !u.disabled)).toHaveLength(1);
  });
});
