import { performance } from 'node:perf_hooks';
import { checkPlans, cohortStartSlot, replanAfter, schedule, splitAtNow, type TraineeToPlan } from '../src/core/rotation/rules';
import { makeRotationInstance } from '../src/core/testdata/rotation';

/**
 * Rotation scheduler at a large base's size: 3 cohorts × 200 trainees, 20 specialty schemes, 60 departments
 * (generated, fixed seed). Targets: a valid plan in < 10 s with no capacity breach; re-planning one trainee's
 * leave in < 1 s, changing as few other trainees' blocks as possible.
 */
export async function run(): Promise<Record<string, string | number>> {
  const { input, departments } = makeRotationInstance({ seed: 2025 });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const planned = schedule(input);
  const planMs = performance.now() - t0;
  const planCpu = cpuMs(c0);
  if (!planned.ok) throw new Error(planned.infeasible.map((s) => s.message).join('\n'));
  const violations = checkPlans({ trainees: input.trainees, plans: planned.plans, departments });
  const blocks = [...planned.plans.values()].reduce((a, b) => a + b.length, 0);
  const startAtHome = input.trainees.filter((t) => planned.plans.get(t.id)![0]?.standardDepartment === t.scheme.home).length;

  // Three months into the second cohort's first year, one trainee takes two months' leave.
  const now = cohortStartSlot(2024) + 6;
  const trainees: TraineeToPlan[] = input.trainees.map((t) => ({ ...t, ...splitAtNow(planned.plans.get(t.id)!, now) }));
  const who = trainees.find((t) => t.id.startsWith('T2024') && t.leave.length === 0)!;
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const replanned = replanAfter({
    ...input,
    trainees,
    now,
    traineeId: who.id,
    disruption: { kind: 'leave', range: { from: now + 2, to: now + 6 } },
    cutoff: null,
  });
  const replanMs = performance.now() - t1;
  const replanCpu = cpuMs(c1);
  if (!replanned.ok) throw new Error(replanned.infeasible.map((s) => s.message).join('\n'));
  const after = checkPlans({
    trainees: trainees.map((t) => (t.id === who.id ? { ...t, leave: [{ from: now + 2, to: now + 6 }] } : t)),
    plans: replanned.result.plans,
    departments,
  });

  return {
    trainees: input.trainees.length,
    departments: departments.length,
    'plan: time (ms, target < 10000)': Math.round(planMs),
    'plan: CPU time (ms)': Math.round(planCpu),
    'plan: blocks': blocks,
    'plan: capacity breaches': violations.filter((v) => v.code === 'CAPACITY_EXCEEDED').length,
    'plan: other violations': violations.filter((v) => v.code !== 'CAPACITY_EXCEEDED').length,
    'plan: peak load / capacity': planned.imbalance.achieved.toFixed(3),
    'plan: lower bound of the peak': planned.imbalance.lowerBound.toFixed(3),
    'plan: trainees starting in their own specialty': `${startAtHome} / ${input.trainees.length}`,
    'replan after leave: time (ms, target < 1000)': Math.round(replanMs),
    'replan: CPU time (ms)': Math.round(replanCpu),
    'replan: end moved by (slots)': replanned.end - replanned.previousEnd,
    "replan: trainee's blocks changed": replanned.result.changedByTrainee.get(who.id) ?? 0,
    'replan: other trainees changed (blocks)': replanned.othersChanged,
    'replan: violations': after.length,
  };
}

/** CPU time since `since`: on a shared machine wall time also counts waiting for a core. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}
