import type { OpInput, OpName, OpResult } from '../../../../shared/contract';
import type { Result } from '../../../../shared/errors';
import { call } from '../../app/call';
import { invalidate } from './cache';
import { dependentsOf } from './dependents';

/**
 * Every change goes through here: the call, then (when it succeeded) every cached answer it makes out of
 * date is fetched again, so no screen keeps showing the state from before the change.
 */
export async function mutate<K extends OpName>(
  op: K,
  input?: OpInput<K>,
  alsoInvalidate: readonly string[] = [],
): Promise<Result<OpResult<K>>> {
  const r = await call(op, input);
  if (r.ok) invalidate([...dependentsOf(op), ...alsoInvalidate]);
  return r;
}
