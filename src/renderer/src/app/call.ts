import type { OpInput, OpName, OpResult } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import { api } from '../api/client';
import { useSession } from './session';

/**
 * Every feature calls the core through here: a SESSION_LOCKED answer (the core's idle timer) brings up the
 * lock screen, an AUTH_REQUIRED answer (session ended elsewhere, e.g. password reset) the login screen.
 */
export async function call<K extends OpName>(name: K, input?: OpInput<K>): Promise<Result<OpResult<K>>> {
  const result = await api[name](input);
  if (!result.ok) {
    if (result.error.code === 'SESSION_LOCKED') useSession.getState().markLocked();
    else if (result.error.code === 'AUTH_REQUIRED') useSession.getState().markSignedOut();
  }
  return result;
}
