import type { UserView } from '../../shared/contract/users';
import { AppError } from '../../shared/errors';
import { isRole, type Role } from '../../shared/permissions';
import type { Actor, Tx } from '../context';
import type { UserTable } from '../db/schema';

export function toUserView(u: UserTable): UserView {
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role as Role, disabled: u.disabled === 1 };
}

export function toActor(u: UserTable): Actor {
  if (!isRole(u.role)) throw new AppError('USER_BAD_ROLE', `用户 ${u.username} 的角色无效：${u.role}`);
  return { userId: u.id, username: u.username, displayName: u.display_name, role: u.role };
}

export async function findUserByName(tx: Tx, username: string): Promise<UserTable | undefined> {
  return tx.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function getUser(tx: Tx, id: string): Promise<UserTable> {
  const u = await tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!u) throw new AppError('USER_NOT_FOUND', '找不到该用户。', { id });
  return u;
}

/** Audit snapshots never contain password hashes. */
export function auditUser(u: UserTable): Record<string, unknown> {
  return { username: u.username, displayName: u.display_name, role: u.role, disabled: u.disabled === 1 };
}
