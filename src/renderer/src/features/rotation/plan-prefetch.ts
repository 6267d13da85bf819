import type { OpInput } from '../../../../shared/contract';
import { prefetch } from '../../app/prefetch';

/**
 * Rows read first when a cohort opens: a screenful (15 rows) and the rows rendered around it, with room for
 * a first PageDown. A cohort of thousands then shows as soon as these are read; the rest follow.
 */
export const FIRST_ROWS = 40;

/** The first read of a cohort's grid (null = the latest cohort). */
export function firstGridInput(cohortYear: number | null): OpInput<'rotation.grid'> {
  return cohortYear === null ? { limit: FIRST_ROWS } : { cohortYear, limit: FIRST_ROWS };
}

/** 轮转计划's first calls, started at the click so they travel while the page's chunk loads. */
export function prefetchPlanPage(): void {
  prefetch('rotation.listDepartments', {});
  prefetch('rotation.grid', firstGridInput(null));
}
