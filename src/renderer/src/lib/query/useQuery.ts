import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { OpInput, OpName, OpResult } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';
import { fetchQuery, peek, queryKey, setQueryData, subscribe } from './cache';

export type Query<T> = {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  /** Fetch again now (the 重试 button). */
  refresh: () => void;
  /** Mutations that answer with the new view (plan.setQuota, admission.run, ...) put it here. */
  setData: (data: T) => void;
};

const DISABLED = { data: null, error: null, loading: false };

/**
 * One operation's answer from the shared cache, keyed by operation and input: shown at once when another
 * screen fetched it before, fetched again on every mount, whenever a mutation invalidates its prefix and after
 * a sign-in (see cache.ts).
 */
export function useQuery<K extends OpName>(op: K, input?: OpInput<K>, enabled = true): Query<OpResult<K>> {
  const key = queryKey(op, input);
  const state = useSyncExternalStore(
    useCallback((listener: () => void) => subscribe(key, op, input, listener), [key]), // eslint-disable-line react-hooks/exhaustive-deps
    () => peek(key),
  );

  useEffect(() => {
    if (enabled) void fetchQuery(key, op, input);
  }, [key, enabled]); // eslint-disable-line react-hooks/exhaustive-deps

  const refresh = useCallback(() => void fetchQuery(key, op, input), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const setData = useCallback((data: OpResult<K>) => setQueryData(op, input, data), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = enabled ? state : state.data === null ? DISABLED : { ...state, loading: false };
  return { data: shown.data as OpResult<K> | null, error: shown.error, loading: shown.loading, refresh, setData };
}
