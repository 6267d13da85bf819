import type { OpDef, OpName, OpResult } from '../../shared/contract';
import { opDefOf } from '../../shared/contract/op-loaders';
import { AppError, isAppError, type Result } from '../../shared/errors';
import { can, ROLE_LABELS } from '../../shared/permissions';
import type { Actor, CallContext, Core } from '../context';
import { handlerOf } from './handlers';
import { zodToAppError } from './zod-error';

/**
 * The one door into the core. Every transport (IPC, HTTP, CLI) calls this with an untrusted name and input:
 * the name must be in the contract, the input is parsed by the op's zod schema, the caller's role is
 * checked here (a renderer cannot skip it), and the answer is a result or a coded error, never a throw.
 */
export async function dispatch(core: Core, sessionKey: string, name: string, rawInput: unknown): Promise<Result<unknown>> {
  try {
    // Only the called op's namespace is loaded (its schemas built), not the whole contract.
    const def = await opDefOf(name);
    if (!def) throw new AppError('UNKNOWN_OP', `未知的操作：${name}`);
    // Who is calling is settled before the input is looked at: a caller who may not call the op learns
    // nothing about its input schema from validation errors.
    const actor = authorize(core, sessionKey, def);
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw zodToAppError(parsed.error);
    const ctx: CallContext = { core, actor, sessionKey };
    const handler = await handlerOf(name as OpName);
    const value = await handler(ctx, parsed.data as never);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}

/** The caller of a protected op, checked against its access rule; for a public op, whoever is logged in (or null). */
function authorize(core: Core, sessionKey: string, def: OpDef): Actor | null {
  if (def.access.kind === 'public') {
    const peek = core.sessions.resolve(sessionKey, { touch: false });
    return peek === 'locked' ? null : peek;
  }
  const actor = core.sessions.resolve(sessionKey);
  if (actor === 'locked') throw new AppError('SESSION_LOCKED', '长时间未操作，已自动锁定。请重新输入密码。');
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录。');
  if (def.access.kind === 'permission' && !can(actor.role, def.access.permission)) {
    throw new AppError('FORBIDDEN', `当前角色（${ROLE_LABELS[actor.role]}）没有权限执行此操作：${def.summary}。`, {
      permission: def.access.permission,
    });
  }
  return actor;
}

export function toApiError(e: unknown) {
  if (isAppError(e)) return e.toApiError();
  const sqliteCode = (e as { code?: string })?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_BUSY')) {
    return { code: 'DB_BUSY', message: '数据库正被另一程序占用，请稍后重试。' };
  }
  console.error('[basedesk] unexpected error', e);
  return {
    code: 'INTERNAL',
    message: `程序内部错误：${e instanceof Error ? e.message : String(e)}。数据未被修改；请把此信息告诉管理员。`,
  };
}

/**
 * Loads the contract namespace and the handler of each op ahead of its first call, so a caller can overlap
 * the loading with other waiting (the CLI does, while the database key is unsealed). Failures are left to
 * the calls themselves.
 */
export async function preloadOps(names: readonly OpName[]): Promise<void> {
  await Promise.allSettled(names.flatMap((name) => [opDefOf(name), handlerOf(name)]));
}

/** Typed convenience for in-process callers (CLI, tests). */
export async function call<K extends OpName>(
  core: Core,
  sessionKey: string,
  name: K,
  input: unknown,
): Promise<Result<OpResult<K>>> {
  return (await dispatch(core, sessionKey, name, input)) as Result<OpResult<K>>;
}
