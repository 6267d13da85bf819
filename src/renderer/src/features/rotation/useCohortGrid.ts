import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PlanGridView, TraineePlanView } from '../../../../shared/contract/rotation';
import type { OpInput } from '../../../../shared/contract';
import type { ApiError, Result } from '../../../../shared/errors';
import { call } from '../../app/call';
import { takePrefetched } from '../../app/prefetch-store';
import { queryKey } from '../../lib/query/cache';
import { cohortGridOf, gridRowsOf, type CohortGrid, type GridPlan } from './grid-model';
import { firstGridInput } from './plan-prefetch';

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

/** `rest` is the rows after the first answer's, once read. */
type Answer = { asked: number | null; first: PlanGridView; rest: PlanGridView | null; edited: Map<string, GridPlan> };

/** A read started at the click that opened the page (see plan-prefetch.ts) is taken rather than asked again. */
function firstRead(input: OpInput<'rotation.grid'>): Promise<Result<PlanGridView>> {
  const started = takePrefetched(queryKey('rotation.grid', input)) as Promise<Result<PlanGridView>> | null;
  return started ?? call('rotation.grid', input);
}

/** Runs `f` after the browser has painted what is rendered now (a timer set in a frame callback runs after it). */
function afterPaint(f: () => void): void {
  requestAnimationFrame(() => setTimeout(f, 0));
}

/**
 * One cohort's grid (null = the latest cohort). Opening a cohort reads its first rows, then the rest once
 * those are on screen; a reload of the cohort on screen reads it whole, so what is shown never shrinks. Kept
 * here rather than in the query cache: a move changes one trainee's plan and must not read the whole cohort
 * again.
 */
export function useCohortGrid(cohortYear: number | null, departmentName: (id: string) => string): CohortGridState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const run = useRef(0);
  const shown = useRef<{ asked: number | null } | null>(null);

  useEffect(() => {
    const mine = ++run.current;
    const base = cohortYear === null ? {} : { cohortYear };
    const paged = shown.current?.asked !== cohortYear;
    void firstRead(paged ? firstGridInput(cohortYear) : base).then((r) => {
      if (mine !== run.current) return;
      setError(r.ok ? null : r.error);
      if (!r.ok) return;
      const first = r.value;
      shown.current = { asked: cohortYear };
      setAnswer({ asked: cohortYear, first, rest: null, edited: new Map() });
      if (first.rows.length < first.total) afterPaint(() => void readRest(first));
    });

    async function readRest(first: PlanGridView) {
      if (mine !== run.current) return;
      const offset = first.offset + first.rows.length;
      const r = await call('rotation.grid', { ...(first.cohortYear === null ? {} : { cohortYear: first.cohortYear }), offset });
      if (mine !== run.current) return;
      setError(r.ok ? null : r.error);
      if (!r.ok) return;
      // The cohort changed between the two reads (a trainee added or left): read it again whole.
      if (r.value.total !== first.total || r.value.offset !== offset) return setTick((t) => t + 1);
      setAnswer((a) => (a && a.first === first ? { ...a, rest: r.value } : a));
    }
  }, [cohortYear, tick]);

  const current = answer !== null && answer.asked === cohortYear ? answer : null;
  const edited = current?.edited ?? null;
  const first = current?.first ?? null;
  const rest = current?.rest ?? null;
  // Each answer converted once; an edit swaps one plan in a copy of the map, so only its row re-renders.
  const firstRows = useMemo(() => (first ? gridRowsOf(first, departmentName) : null), [first, departmentName]);
  const restRows = useMemo(() => (rest ? gridRowsOf(rest, departmentName) : null), [rest, departmentName]);
  const read = useMemo(
    () => (first && firstRows ? cohortGridOf(first, restRows ? [firstRows, restRows] : [firstRows]) : null),
    [first, firstRows, restRows],
  );
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
  return { grid, cohorts: answer?.first.cohorts ?? NO_COHORTS, error, reload, replace };
}
