/** Read views of stored plans: one trainee's plan, the check list, the department × month roster. */
import type { BlockView, RosterView, TraineePlanView, ViolationView } from '../../shared/contract/rotation';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import type { Tx } from '../context';
import { checkPlans, roster, slotEndDate, slotStartDate } from './rules';
import type { Block, Violation } from './rules/types';
import { planRow } from './store';
import { requireTrainee, type RotationTrainee, type TraineeRef } from './trainees';
import { loadWorld, retakesOf, schemeFor, toRulesBlock, traineeStart, type World } from './world';

export async function showPlan(tx: Tx, ref: TraineeRef): Promise<TraineePlanView> {
  const t = await requireTrainee(tx, ref);
  const world = await loadWorld(tx);
  return planView(tx, world, t);
}

/**
 * Many trainees' plans from one load of the rotation data, with their plan rows and leave read in bulk: the
 * plan grid shows a whole cohort, and one `showPlan` per trainee would load every block of the base once per
 * trainee (and two more queries each).
 */
export async function listPlans(tx: Tx, traineeIds: readonly string[]): Promise<TraineePlanView[]> {
  const world = await loadWorld(tx);
  const rows = new Map<string, PlanRow>();
  const leave = new Map<string, LeaveRow[]>();
  for (let i = 0; i < traineeIds.length; i += 500) {
    const ids = traineeIds.slice(i, i + 500);
    for (const p of await tx.selectFrom('rotation_plans').selectAll().where('trainee_id', 'in', ids).execute())
      rows.set(p.trainee_id, p);
    const found = await tx.selectFrom('rotation_leave').selectAll().where('trainee_id', 'in', ids).orderBy('from_date').execute();
    for (const l of found) leave.set(l.trainee_id, [...(leave.get(l.trainee_id) ?? []), l]);
  }
  const views: TraineePlanView[] = [];
  for (const traineeId of traineeIds) {
    // Trainees no longer in training are not in the world's list, but their plans can still be read.
    const t = world.traineeById.get(traineeId) ?? (await requireTrainee(tx, { traineeId }));
    views.push(planViewOf(world, t, rows.get(traineeId), leave.get(traineeId) ?? []));
  }
  return views;
}

export { planGrid } from './grid';

type PlanRow = NonNullable<Awaited<ReturnType<typeof planRow>>>;
type LeaveRow = { id: string; type: string; from_date: string; to_date: string; reason: string | null };

export async function planView(tx: Tx, world: World, t: RotationTrainee): Promise<TraineePlanView> {
  const plan = await planRow(tx, t.id);
  const leave = await tx.selectFrom('rotation_leave').selectAll().where('trainee_id', '=', t.id).orderBy('from_date').execute();
  return planViewOf(world, t, plan, leave);
}

function planViewOf(world: World, t: RotationTrainee, plan: PlanRow | undefined, leave: readonly LeaveRow[]): TraineePlanView {
  return {
    traineeId: t.id,
    idNumber: maskIdNumber(t.idNumber),
    name: t.name,
    specialtyCode: t.specialtyCode,
    cohortYear: t.cohortYear,
    status: plan?.status ?? null,
    example: schemeFor(world, t)?.scheme.example ?? false,
    changedAfterApproval: plan?.changed_after_approval === 1,
    changeReason: plan?.change_reason ?? null,
    endFlag: plan?.end_flag ?? null,
    blocks: (world.blocks.get(t.id) ?? []).map((b): BlockView => {
      const d = world.departmentById.get(b.department_id);
      return {
        id: b.id,
        department: d?.name ?? b.department_id,
        departmentId: b.department_id,
        standardDepartments: d?.standardDepartments ?? [],
        standardDepartment: b.standard_department,
        site: d?.site ?? null,
        start: b.start_date,
        end: b.end_date,
        months: (b.to - b.from) / 2,
        exitExamResult: b.exit_exam_result,
        exitExamDate: b.exit_exam_date,
        retakeOf: b.retake_of,
      };
    }),
    leave: leave.map((l) => ({ id: l.id, type: l.type, from: l.from_date, to: l.to_date, reason: l.reason })),
  };
}

/** Stored plans as the rules see them (every block as it is, none fixed). */
export function storedPlans(world: World, traineeIds?: ReadonlySet<string>): Map<string, Block[]> {
  const plans = new Map<string, Block[]>();
  for (const t of world.trainees) {
    if (traineeIds && !traineeIds.has(t.id)) continue;
    const blocks = world.blocks.get(t.id);
    if (blocks && blocks.length > 0)
      plans.set(
        t.id,
        blocks.map((b) => toRulesBlock(b, Number.NEGATIVE_INFINITY)),
      );
  }
  return plans;
}

/** Every broken rule over the trainees who have a plan (capacity counted over everyone). */
export function violationsOf(world: World): Violation[] {
  const plans = storedPlans(world);
  const trainees = world.trainees
    .filter((t) => plans.has(t.id))
    .map((t) => {
      const scheme = schemeFor(world, t)?.scheme ?? {
        program: t.program,
        specialtyCode: t.specialtyCode,
        years: 3 as const,
        rows: [],
        electiveGroups: [],
        example: false,
      };
      return {
        id: t.id,
        label: t.name,
        scheme,
        start: traineeStart(t),
        mustServe: t.mustServe,
        leave: world.leave.get(t.id) ?? [],
        retakes: retakesOf(world.blocks.get(t.id) ?? []),
      };
    });
  return checkPlans({ trainees, plans, departments: world.departments });
}

export function violationView(world: World, v: Violation): ViolationView {
  const t = v.traineeId ? world.traineeById.get(v.traineeId) : undefined;
  return {
    code: v.code,
    traineeId: v.traineeId,
    idNumber: t ? maskIdNumber(t.idNumber) : null,
    department: v.departmentId ? (world.departmentById.get(v.departmentId)?.name ?? v.departmentId) : null,
    from: slotStartDate(v.from),
    to: slotEndDate(Math.max(v.from, v.to - 1)),
    message: v.message,
  };
}

export async function checkRotation(tx: Tx, cohortYear?: number): Promise<{ violations: ViolationView[] }> {
  const world = await loadWorld(tx);
  const inCohort = (v: Violation) =>
    cohortYear === undefined || v.traineeId === null || world.traineeById.get(v.traineeId)?.cohortYear === cohortYear;
  return {
    violations: violationsOf(world)
      .filter(inCohort)
      .map((v) => violationView(world, v)),
  };
}

function monthStartSlot(month: string): number {
  return slotOf(`${month}-01`);
}

function slotOf(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (!(m >= 1 && m <= 12)) throw new AppError('ROTATION_BAD_DATE', `月份「${date.slice(0, 7)}」不存在`);
  return y * 24 + (m - 1) * 2;
}

/** The slots from the first month's start to the end of the last, refused when backwards or over ten years. */
export function monthRange(fromMonth: string, toMonth: string): { from: number; to: number } {
  const from = monthStartSlot(fromMonth);
  const to = monthStartSlot(toMonth) + 2;
  if (to <= from) throw new AppError('ROTATION_BAD_RANGE', `结束月份 ${toMonth} 早于开始月份 ${fromMonth}`);
  if (to - from > 24 * 10) throw new AppError('ROTATION_RANGE_TOO_LONG', '科室轮转表一次最多显示10年');
  return { from, to };
}

export async function rosterView(tx: Tx, fromMonth: string, toMonth: string): Promise<RosterView> {
  const { from, to } = monthRange(fromMonth, toMonth);
  const world = await loadWorld(tx);
  const r = roster({
    trainees: world.trainees.map((t) => ({ id: t.id, label: t.name, leave: world.leave.get(t.id) ?? [] })),
    plans: storedPlans(world),
    departments: world.departments,
    from,
    to,
  });
  const shown = new Set(r.rows.flatMap((row) => row.cells.flatMap((c) => c.trainees)));
  return {
    example: world.trainees.some((t) => shown.has(t.name) && schemeFor(world, t)?.scheme.example === true),
    months: r.months.map((month, i) => ({
      month,
      departments: r.rows.map((row) => ({
        department: row.name,
        departmentId: row.departmentId,
        capacity: row.capacity,
        trainees: row.cells[i]!.trainees,
        count: row.cells[i]!.trainees.length,
        peak: row.cells[i]!.peak,
      })),
    })),
  };
}
