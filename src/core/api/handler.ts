import type { Contract, OpName, OpParsed, OpResult } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Actor, CallContext } from '../context';

export type Handler<K extends OpName> = (ctx: CallContext, input: OpParsed<K>) => Promise<OpResult<K>>;

/** `defineHandlers<typeof xxxOps>()({...})`: one handler per op of that feature, typed from the contract. */
export function defineHandlers<T extends Partial<Contract>>() {
  return <H extends { [K in keyof T & OpName]: Handler<K> }>(h: H): H => h;
}

/** The dispatcher has already checked access; this narrows the type for handlers that need a user. */
export function actorOf(ctx: CallContext): Actor {
  if (!ctx.actor) throw new AppError('AUTH_REQUIRED', '请先登录。');
  return ctx.actor;
}
