/**
 * Planning a cohort (or chosen trainees): the scheduler runs over them with everyone else's stored plans as
 * load it must respect, and either every plan is saved in one transaction or none is and the shortfalls are
 * returned. Jilin: 各培训基地要在9月1日前完成学员的培训轮转安排工作 (seed 002, 八(二)).
 */
import type { PeakLoadView, PlanRunResult, ShortfallView } from '../../shared/contract/rotation';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import type { Actor, Core } from '../context';
import { schedule, slotEndDate, slotStartDate } from './rules';
import type { Block, PeakLoad, Shortfall } from './rules/types';
import { planRow, requireReasonIfApproved, savePlan } from './store';
import { activeTrainees, type RotationTrainee } from './trainees';
import { loadWorld, nowSlot, occupiedBy, requireSchemes, schemeFor, toTraineeToPlan, type World } from './world';

/** Fixed default so the same data always gives the same plan. */
export const DEFAULT_SEED = 20240901;

export type PlanRequest = {
  cohortYear?: number | undefined;
  traineeIds?: string[] | undefined;
  reason?: string | undefined;
  seed?: number | undefined;
};

export function shortfallView(s: Shortfall): ShortfallView {
  return {
    department: s.department,
    from: slotStartDate(s.from),
    to: slotEndDate(Math.max(s.from, s.to - 1)),
    shortTraineeMonths: s.shortTraineeMonths,
    message: s.message,
    basis: s.basis ?? 'count',
    ...(s.overBy !== undefined ? { overBy: s.overBy } : {}),
  };
}

export function peakLoadViews(world: World, peaks: PeakLoad[]): PeakLoadView[] {
  return peaks.map((p) => ({
    department: world.departmentById.get(p.departmentId)?.name ?? p.departmentId,
    departmentId: p.departmentId,
    capacity: p.capacity,
    peak: p.peak,
  }));
}

async function chosenTrainees(core: Core, req: PlanRequest): Promise<RotationTrainee[]> {
  // Suspended trainees keep what they have; they are not given new placements.
  const plannable = (t: RotationTrainee) => t.status !== 'suspended';
  if (req.traineeIds && req.traineeIds.length > 0) {
    const found = (await activeTrainees(core.db, { ids: req.traineeIds })).filter(plannable);
    const missing = req.traineeIds.filter((id) => !found.some((t) => t.id === id));
    if (missing.length > 0) {
      throw new AppError(
        'ROTATION_TRAINEE_NOT_FOUND',
        `有 ${missing.length} 名学员不存在或不在培，无法编排：${missing.join('、')}`,
      );
    }
    return found;
  }
  const year = req.cohortYear ?? (await requireBase(core.db)).cohort_year;
  const found = (await activeTrainees(core.db, { cohortYear: year })).filter(plannable);
  if (found.length === 0) throw new AppError('ROTATION_NO_TRAINEES', `${year} 级没有在培学员，无需编排轮转计划。`);
  if (req.reason) return found;
  // Without a reason, a cohort run plans the new and draft plans only and leaves approved ones as they are
  // (they count as load), so a late-arriving trainee can be added without reopening the others.
  const approved = new Set(
    (await core.db.selectFrom('rotation_plans').select('trainee_id').where('status', '!=', 'draft').execute()).map(
      (p) => p.trainee_id,
    ),
  );
  return found.filter((t) => !approved.has(t.id));
}

export async function planRotation(core: Core, actor: Actor, req: PlanRequest): Promise<PlanRunResult> {
  const chosen = await chosenTrainees(core, req);
  if (chosen.length === 0) return { planned: 0, example: false, infeasible: [], peakLoad: [], changedBlocks: 0, imbalance: null };
  return core.db.transaction().execute(async (tx) => {
    const world = await loadWorld(tx);
    requireSchemes(world, chosen);
    for (const t of chosen) requireReasonIfApproved((await planRow(tx, t.id))?.status, req.reason, t.name);
    const now = nowSlot(core);
    const ids = new Set(chosen.map((t) => t.id));
    const result = schedule({
      trainees: chosen.map((t) => toTraineeToPlan(world, t, now)),
      departments: world.departments,
      occupied: occupiedBy(world, ids),
      now,
      seed: req.seed ?? DEFAULT_SEED,
    });
    if (!result.ok)
      return {
        planned: 0,
        example: false,
        infeasible: result.infeasible.map(shortfallView),
        peakLoad: [],
        changedBlocks: 0,
        imbalance: null,
      };
    for (const t of chosen) {
      const blocks = result.plans.get(t.id) ?? [];
      await saveWithEvent(core, tx, actor, world, t, blocks, req.reason);
    }
    return {
      planned: chosen.length,
      example: chosen.some((t) => schemeFor(world, t)?.scheme.example === true),
      infeasible: [],
      peakLoad: peakLoadViews(world, result.peakLoad),
      changedBlocks: result.changedBlocks,
      imbalance: result.imbalance,
    };
  });
}

async function saveWithEvent(
  core: Core,
  tx: Parameters<typeof savePlan>[0],
  actor: Actor,
  world: World,
  t: RotationTrainee,
  blocks: Block[],
  reason: string | undefined,
): Promise<void> {
  const before = (world.blocks.get(t.id) ?? []).map(blockSummary);
  await savePlan(tx, core, actor, t.id, blocks, { schemeId: schemeFor(world, t)?.id ?? null, reason });
  const after = blocks.map((b) => ({
    departmentId: b.departmentId,
    standardDepartment: b.standardDepartment,
    start: slotStartDate(b.from),
    end: slotEndDate(b.to - 1),
  }));
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  await appendEvent(tx, core, actor.username, {
    action: 'rotation.plan',
    entity: 'rotation_plan',
    entityId: t.id,
    before: { blocks: before },
    after: { blocks: after },
    reason: reason ?? null,
  });
}

export function blockSummary(b: { department_id: string; standard_department: string; start_date: string; end_date: string }) {
  return { departmentId: b.department_id, standardDepartment: b.standard_department, start: b.start_date, end: b.end_date };
}
