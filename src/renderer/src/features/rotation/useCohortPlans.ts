import { useCallback, useEffect, useRef, useState } from 'react';
import type { TraineePlanView } from '../../../../shared/contract/rotation';
import type { TraineeSummary } from '../../../../shared/contract/trainees';
import { call } from '../../app/call';

const PARALLEL = 8;

export type CohortPlans = {
  /** Per trainee id: the plan, or null when the trainee has none yet. */
  plans: Map<string, TraineePlanView | null>;
  loaded: number;
  reload: () => void;
  /** An edit answered with the trainee's new plan: show it without reading every plan again. */
  replace: (view: TraineePlanView) => void;
};

/**
 * Every plan of a cohort, read a few at a time (the contract has one plan per call). Kept here rather than
 * in the query cache: a move changes one trainee's plan and must not refetch six hundred.
 */
export function useCohortPlans(trainees: readonly TraineeSummary[]): CohortPlans {
  const [plans, setPlans] = useState<Map<string, TraineePlanView | null>>(new Map());
  const [loaded, setLoaded] = useState(0);
  const [tick, setTick] = useState(0);
  const ids = trainees.map((t) => t.id).join(',');
  const run = useRef(0);

  useEffect(() => {
    const mine = ++run.current;
    const queue = ids === '' ? [] : ids.split(',');
    const next = new Map<string, TraineePlanView | null>();
    setLoaded(0);
    let done = 0;
    async function worker() {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const r = await call('rotation.show', { traineeId: id });
        if (mine !== run.current) return;
        next.set(id, r.ok && r.value.blocks.length > 0 ? r.value : null);
        setLoaded(++done);
      }
    }
    void Promise.all(Array.from({ length: PARALLEL }, worker)).then(() => {
      if (mine === run.current) setPlans(next);
    });
  }, [ids, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const replace = useCallback((view: TraineePlanView) => setPlans((m) => new Map(m).set(view.traineeId, view)), []);
  return { plans, loaded, reload, replace };
}
