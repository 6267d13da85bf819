import type { BlockView, PlanGridView, RotationPlanStatus } from '../../../../shared/contract/rotation';
import type { TraineeSummary } from '../../../../shared/contract/trainees';

/** What the grid shows of a trainee (a TraineeSummary has these and more). */
export type GridTrainee = Pick<TraineeSummary, 'id' | 'name' | 'cohortYear' | 'startDate' | 'years' | 'status'>;

/** What the grid shows of a block (a TraineePlanView's BlockView has these and more, so an edit's answer fits). */
export type GridBlock = Pick<BlockView, 'id' | 'department' | 'departmentId' | 'standardDepartment' | 'start' | 'end'>;

export type GridPlan = { traineeId: string; status: RotationPlanStatus | null; example: boolean; blocks: GridBlock[] };

/** Per trainee id: the plan, or null when the trainee has none yet. */
export type GridPlans = Map<string, GridPlan | null>;

export type CohortGrid = { cohorts: number[]; cohortYear: number | null; trainees: GridTrainee[]; plans: GridPlans };

/** The grid's answer with each block's department named; a plan without blocks counts as none. */
export function cohortGridOf(view: PlanGridView, departmentName: (id: string) => string): CohortGrid {
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
  return { cohorts: view.cohorts, cohortYear: view.cohortYear, trainees, plans };
}
