import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PlanGridView, TraineePlanView } from '../../../../shared/contract/rotation';
import type { ApiError } from '../../../../shared/errors';
import { call } from '../../app/call';
import { cohortGridOf, type CohortGrid, type GridPlan } from './grid-model';

export type CohortGridState = {
  /** null until the cohort asked for has been read (a reload keeps the previous answer on screen). */
  grid: CohortGrid | null;
  /** Every cohort year with trainees, latest first, as last read (kept while another cohort loads). */
  cohorts: number[];
  error: ApiError | null;
  reload: () => void;
  /** An edit answered with the trainee's new plan: show it without reading the cohort again. */
  replace: (view: TraineePlanView) => void;
};

const NO_COHORTS: number[] = [];

type Answer = { asked: number | null; view: PlanGridView; edited: Map<string, GridPlan> };

/**
 * One cohort's grid (null = the latest cohort), read in one call. Kept here rather than in the query cache:
 * a move changes one trainee's plan and must not read the whole cohort again.
 */
export function useCohortGrid(cohortYear: number | null, departmentName: (id: string) => string): CohortGridState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const run = useRef(0);

  useEffect(() => {
    const mine = ++run.current;
    void call('rotation.grid', cohortYear === null ? {} : { cohortYear }).then((r) => {
      if (mine !== run.current) return;
      setError(r.ok ? null : r.error);
      if (r.ok) setAnswer({ asked: cohortYear, view: r.value, edited: new Map() });
    });
  }, [cohortYear, tick]);

  const current = answer !== null && answer.asked === cohortYear ? answer : null;
  const view = current?.view ?? null;
  const edited = current?.edited ?? null;
  // Converted once per answer; an edit swaps one plan in a copy of the map, so only its row re-renders.
  const read = useMemo(() => (view ? cohortGridOf(view, departmentName) : null), [view, departmentName]);
  const grid = useMemo(() => {
    if (!read || !edited || edited.size === 0) return read;
    const plans = new Map(read.plans);
    for (const [id, plan] of edited) plans.set(id, plan);
    return { ...read, plans };
  }, [read, edited]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const replace = useCallback(
    (view: TraineePlanView) => setAnswer((a) => (a ? { ...a, edited: new Map(a.edited).set(view.traineeId, view) } : a)),
    [],
  );
  return { grid, cohorts: answer?.view.cohorts ?? NO_COHORTS, error, reload, replace };
}
