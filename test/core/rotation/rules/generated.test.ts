import { describe, expect, it } from 'vitest';
import { checkPlans, schedule, validateScheme } from '../../../../src/core/rotation/rules';
import { makeRotationInstance } from '../../../../src/core/testdata/rotation';

describe('schedule: a generated base', () => {
  const { input, schemes, departments } = makeRotationInstance({
    seed: 11,
    cohorts: 2,
    perCohort: 40,
    specialties: 5,
    departments: 30,
  });

  it('generates valid example schemes', () => {
    expect(schemes.flatMap(validateScheme)).toEqual([]);
    expect(schemes.every((s) => s.example)).toBe(true);
  });

  it('plans every trainee with no broken rule, the peak no lower than its bound', () => {
    const r = schedule(input);
    if (!r.ok) throw new Error(r.infeasible.map((s) => s.message).join('\n'));
    expect(checkPlans({ trainees: input.trainees, plans: r.plans, departments })).toEqual([]);
    expect(r.plans.size).toBe(80);
    expect(r.imbalance.lowerBound).toBeLessThanOrEqual(r.imbalance.achieved);
    expect(r.imbalance.achieved).toBeLessThanOrEqual(1);
  });

  it('says which department is short when capacity is cut to a third', () => {
    const tight = { ...input, departments: departments.map((d) => ({ ...d, capacity: Math.floor(d.capacity / 3) })) };
    const r = schedule(tight);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.infeasible[0]!.shortTraineeMonths).toBeGreaterThan(0);
    expect(r.infeasible[0]!.message).toMatch(/缺 [\d.]+ 人·月/);
  });
});
