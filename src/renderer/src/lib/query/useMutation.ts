import { useCallback, useRef, useState } from 'react';
import type { OpInput, OpName, OpResult } from '../../../../shared/contract';
import type { ApiError, Result } from '../../../../shared/errors';
import { mutate } from './mutate';

export type Mutation<K extends OpName> = {
  /** Calls the operation; resolves with its result (never throws), the error also kept in `error`. */
  run: (input?: OpInput<K>) => Promise<Result<OpResult<K>>>;
  busy: boolean;
  error: ApiError | null;
  /** For checks made before calling (a missing reason): shown the same way as the core's refusals. */
  setError: (error: ApiError | null) => void;
};

/** A change with its busy flag and last error: the state every form and dialog used to keep by hand. */
export function useMutation<K extends OpName>(op: K, alsoInvalidate: readonly string[] = []): Mutation<K> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const extra = useRef(alsoInvalidate);
  extra.current = alsoInvalidate;
  const run = useCallback(
    async (input?: OpInput<K>) => {
      setBusy(true);
      const r = await mutate(op, input, extra.current);
      setBusy(false);
      setError(r.ok ? null : r.error);
      return r;
    },
    [op],
  );
  return { run, busy, error, setError };
}
