import { useCallback, useEffect, useRef, useState } from 'react';
import type { TraineePlanView } from '../../../../shared/contract/rotation';
import type { TraineeSummary } from '../../../../shared/contract/trainees';
import { call } from '../../app/call';

// Plans are read in pages so a large cohort shows progress while it loads; each page loads the base's
// rotation data once on the server, so pages are large (600 trainees: two calls).
const PAGE = 300;

export type CohortPlans = {
  /** Per trainee id: the plan, or null when the trainee has none yet. */
  plans: Map<string, TraineePlanView | null>;
  loaded: number;
  reload: () => void;
  /** An edit answered with the trainee's new plan: show it without reading every plan again. */
  replace: (view: TraineePlanView) => void;
};

/**
 * Every plan of a cohort, a page of trainees per call. Kept here rather than in the query cache: a move
 * changes one trainee's plan and must not refetch six hundred.
 */
export function useCohortPlans(trainees: readonly TraineeSummary[]): CohortPlans {
  const [plans, setPlans] = useState<Map<string, TraineePlanView | null>>(new Map());
  const [loaded, setLoaded] = useState(0);
  const [tick, setTick] = useState(0);
  const ids = trainees.map((t) => t.id).join(',');
  const run = useRef(0);

  useEffect(() => {
    const mine = ++run.current;
    const all = ids === '' ? [] : ids.split(',');
    const next = new Map<string, TraineePlanView | null>();
    setLoaded(0);
    async function load() {
      for (let i = 0; i < all.length; i += PAGE) {
        const page = all.slice(i, i + PAGE);
        const r = await call('rotation.listPlans', { traineeIds: page });
        if (mine !== run.current) return;
        const views = new Map(r.ok ? r.value.map((v) => [v.traineeId, v]) : []);
        for (const id of page) {
          const v = views.get(id);
          next.set(id, v && v.blocks.length > 0 ? v : null);
        }
        setLoaded(Math.min(all.length, i + PAGE));
      }
      if (mine === run.current) setPlans(next);
    }
    void load();
  }, [ids, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const replace = useCallback((view: TraineePlanView) => setPlans((m) => new Map(m).set(view.traineeId, view)), []);
  return { plans, loaded, reload, replace };
}
