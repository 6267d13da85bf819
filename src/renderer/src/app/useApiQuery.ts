import { useCallback, useEffect, useState } from 'react';
import type { OpInput, OpName, OpResult } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import { call } from './call';
import { useSession } from './session';

export type ApiQuery<T> = {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  refresh: () => void;
  /** Mutations that return the new view (plan.setQuota, ...) put it here instead of fetching again. */
  setData: (data: T) => void;
};

/**
 * Loads one operation's result and reloads when the input changes, on refresh(), and after a sign-in (a
 * locked session answered with an error that unlocking should clear).
 */
export function useApiQuery<K extends OpName>(name: K, input?: OpInput<K>, enabled = true): ApiQuery<OpResult<K>> {
  const key = JSON.stringify(input ?? {});
  const epoch = useSession((s) => s.epoch);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ data: OpResult<K> | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: enabled,
  });

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    void call(name, JSON.parse(key) as OpInput<K>).then((r) => {
      if (cancelled) return;
      setState((s) => (r.ok ? { data: r.value, error: null, loading: false } : { data: s.data, error: r.error, loading: false }));
    });
    return () => {
      cancelled = true;
    };
  }, [name, key, tick, epoch, enabled]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((data: OpResult<K>) => setState({ data, error: null, loading: false }), []);
  return { ...state, refresh, setData };
}
