/**
 * The plan's approval flow: 草稿 → 基地审核通过 → 已报省住培中心 → 省住培中心确认 → 实施中. Reduced-year
 * trainees' plans are confirmed by the province before they start: 培训年限减免学员的轮转……将轮转计划报省住培
 * 指导中心审核，经确认后方可实施 (seed 002, 八(二)).
 */
import { PLAN_STATUS_LABEL, type StatusChangeResult } from '../../shared/contract/rotation';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import type { PlanStatus, RotationPlanTable } from './tables';
import { activeTrainees, type RotationTrainee } from './trainees';
import { violationView, violationsOf } from './views';
import { loadWorld } from './world';

export const STATUS_LABEL = PLAN_STATUS_LABEL;

export type Selection = { cohortYear?: number | undefined; traineeIds?: string[] | undefined; reason?: string | undefined };

type Step = {
  to: PlanStatus;
  from: readonly PlanStatus[];
  action: string;
  stamp: (now: string, actor: Actor) => Partial<RotationPlanTable>;
  /** Why this trainee may not take the step yet, or null. */
  blocker?: (t: RotationTrainee, plan: RotationPlanTable) => string | null;
};

const STEPS = {
  approve: {
    to: 'base_approved',
    from: ['draft'],
    action: 'rotation.approve',
    stamp: (now, actor) => ({ approved_at: now, approved_by: actor.username, changed_after_approval: 0, change_reason: null }),
  },
  submit: { to: 'submitted', from: ['base_approved'], action: 'rotation.markSubmitted', stamp: (now) => ({ submitted_at: now }) },
  confirm: {
    to: 'province_confirmed',
    from: ['submitted'],
    action: 'rotation.markProvinceConfirmed',
    stamp: (now) => ({ confirmed_at: now }),
  },
  start: {
    to: 'in_progress',
    from: ['base_approved', 'submitted', 'province_confirmed'],
    action: 'rotation.start',
    stamp: (now) => ({ started_at: now }),
    blocker: (t, plan) =>
      t.mustServe !== null && plan.status !== 'province_confirmed'
        ? '年限减免学员的轮转计划须经省住培指导中心确认后方可实施'
        : null,
  },
} satisfies Record<string, Step>;

export type StepName = keyof typeof STEPS;

async function selected(tx: Tx, sel: Selection): Promise<RotationTrainee[]> {
  if (sel.traineeIds && sel.traineeIds.length > 0) return activeTrainees(tx, { ids: sel.traineeIds });
  return activeTrainees(tx, { cohortYear: sel.cohortYear ?? (await requireBase(tx)).cohort_year });
}

/** Approval is refused while any selected plan breaks a hard rule: the base signs off only valid plans. */
async function requireValid(tx: Tx, ids: ReadonlySet<string>): Promise<void> {
  const world = await loadWorld(tx);
  const broken = violationsOf(world).filter((v) => (v.traineeId === null ? true : ids.has(v.traineeId)));
  if (broken.length === 0) return;
  const shown = broken.slice(0, 5).map((v) => violationView(world, v).message);
  throw new AppError(
    'ROTATION_PLAN_INVALID',
    `有 ${broken.length} 处轮转计划不符合规则，不能审核通过：${shown.join('；')}${broken.length > 5 ? ' 等' : ''}。请先修正（basedesk rotation check）。`,
    { count: broken.length },
  );
}

export async function changeStatus(core: Core, actor: Actor, name: StepName, sel: Selection): Promise<StatusChangeResult> {
  const step: Step = STEPS[name];
  return core.db.transaction().execute(async (tx) => {
    const trainees = await selected(tx, sel);
    if (trainees.length === 0) return { changed: 0, status: step.to, skipped: [] };
    const plans = new Map(
      (
        await tx
          .selectFrom('rotation_plans')
          .selectAll()
          .where(
            'trainee_id',
            'in',
            trainees.map((t) => t.id),
          )
          .execute()
      ).map((p) => [p.trainee_id, p]),
    );
    const skipped: StatusChangeResult['skipped'] = [];
    const moving: Array<{ t: RotationTrainee; plan: RotationPlanTable }> = [];
    for (const t of trainees) {
      const plan = plans.get(t.id);
      const why = !plan
        ? '还没有轮转计划'
        : !step.from.includes(plan.status)
          ? `当前状态为「${STATUS_LABEL[plan.status]}」`
          : (step.blocker?.(t, plan) ?? null);
      if (why) skipped.push({ traineeId: t.id, name: t.name, reason: why });
      else moving.push({ t, plan: plan! });
    }
    if (name === 'approve') await requireValid(tx, new Set(moving.map((m) => m.t.id)));
    const now = isoNow(core.clock);
    for (const { t, plan } of moving) {
      await tx
        .updateTable('rotation_plans')
        .set({ status: step.to, updated_at: now, ...step.stamp(now, actor) })
        .where('trainee_id', '=', t.id)
        .execute();
      await appendEvent(tx, core, actor.username, {
        action: step.action,
        entity: 'rotation_plan',
        entityId: t.id,
        before: { status: plan.status },
        after: { status: step.to },
        reason: sel.reason ?? null,
      });
    }
    return { changed: moving.length, status: step.to, skipped };
  });
}
