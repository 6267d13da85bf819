import type { BlockView, PlanGridSummary, PlanGridView, RotationPlanStatus } from '../../../../shared/contract/rotation';
import type { TraineeSummary } from '../../../../shared/contract/trainees';

/** What the grid shows of a trainee (a TraineeSummary has these and more). */
export type GridTrainee = Pick<TraineeSummary, 'id' | 'name' | 'cohortYear' | 'startDate' | 'years' | 'status'>;

/** What the grid shows of a block (a TraineePlanView's BlockView has these and more, so an edit's answer fits). */
export type GridBlock = Pick<BlockView, 'id' | 'department' | 'departmentId' | 'standardDepartment' | 'start' | 'end'>;

export type GridPlan = { traineeId: string; status: RotationPlanStatus | null; example: boolean; blocks: GridBlock[] };

/** Per trainee id: the plan, or null when the trainee has none yet. */
export type GridPlans = Map<string, GridPlan | null>;

/**
 * The cohort as read so far: `trainees` are the first rows in list order (all of them once `complete`),
 * `total` how many the cohort has, `summary` the server's facts over all of them.
 */
export type CohortGrid = {
  cohorts: number[];
  cohortYear: number | null;
  trainees: GridTrainee[];
  plans: GridPlans;
  total: number;
  complete: boolean;
  summary: PlanGridSummary;
};

/** One answer's rows: its trainees in order and their plans. */
export type GridRows = { trainees: GridTrainee[]; plans: GridPlans };

/** An answer's rows with each block's department named; a plan without blocks counts as none. */
export function gridRowsOf(view: PlanGridView, departmentName: (id: string) => string): GridRows {
  const trainees: GridTrainee[] = [];
  const plans: GridPlans = new Map();
  for (const row of view.rows) {
    trainees.push({
      id: row.traineeId,
      name: row.name,
      cohortYear: view.cohortYear ?? 0,
      startDate: row.startDate,
      years: row.years,
      status: row.traineeStatus,
    });
    plans.set(
      row.traineeId,
      row.blocks.length === 0
        ? null
        : {
            traineeId: row.traineeId,
            status: row.planStatus,
            example: row.example,
            blocks: row.blocks.map(([id, department, standard, start, end]) => {
              const departmentId = view.departmentIds[department]!;
              const standardDepartment = view.standardDepartments[standard]!;
              return { id, department: departmentName(departmentId), departmentId, standardDepartment, start, end };
            }),
          },
    );
  }
  return { trainees, plans };
}

/** The first answer's rows followed by the rest's (read after the first rows are on screen). */
export function cohortGridOf(first: PlanGridView, parts: readonly GridRows[]): CohortGrid {
  const [head, ...tail] = parts;
  const trainees = tail.length === 0 ? (head?.trainees ?? []) : parts.flatMap((p) => p.trainees);
  const plans: GridPlans = tail.length === 0 ? (head?.plans ?? new Map()) : new Map(parts.flatMap((p) => [...p.plans]));
  return {
    cohorts: first.cohorts,
    cohortYear: first.cohortYear,
    trainees,
    plans,
    total: first.total,
    complete: trainees.length >= first.total,
    summary: first.summary,
  };
}

/**
 * What the page says about the cohort: counted from the rows once they are all read (so an edit shows at
 * once), the server's summary until then.
 */
export function cohortFacts(grid: CohortGrid): PlanGridSummary {
  if (!grid.complete) return grid.summary;
  const { trainees, plans } = grid;
  return {
    start: trainees.map((x) => x.startDate).sort()[0] ?? null,
    maxYears: Math.max(1, ...trainees.map((x) => x.years)),
    unapproved: trainees.filter((x) => (plans.get(x.id)?.status ?? 'draft') === 'draft').length,
    unplanned: trainees.filter((x) => !plans.get(x.id)).length,
    example: [...plans.values()].some((p) => p?.example),
  };
}
