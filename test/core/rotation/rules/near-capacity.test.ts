import { describe, expect, it } from 'vitest';
import { checkPlans, schedule, type SchedulerInput } from '../../../../src/core/rotation/rules';
import { makeRotationInstance } from '../../../../src/core/testdata/rotation';
import { dept, row, scheme, START, trainee } from './fixtures';

describe('schedule near full capacity', () => {
  it('places a tight but feasible base where the greedy construction alone gives up (40 trainees, 10% slack)', () => {
    const { input, departments } = makeRotationInstance({
      seed: 5,
      cohorts: 1,
      perCohort: 40,
      specialties: 4,
      departments: 20,
      slack: 1.1,
    });
    const r = schedule(input);
    if (!r.ok) throw new Error(r.infeasible.map((s) => s.message).join('\n'));
    expect(checkPlans({ trainees: input.trainees, plans: r.plans, departments })).toEqual([]);
    expect(r.peakLoad.every((p) => p.peak <= p.capacity)).toBe(true);
  });

  it('refuses an instance no count catches, with the over-capacity department, half months and excess as evidence', () => {
    // A and B, 6 months each, one place each; the second trainee starts a month later. Counting finds room
    // (24 trainee-slots of A in 26 slots), but whichever way round, the two overlap for one month.
    const s = scheme(1, [row('A', 6), row('B', 6)]);
    const input: SchedulerInput = {
      trainees: [trainee('1', s), trainee('2', s, { start: START + 2 })],
      departments: [dept('dA', ['A'], 1), dept('dB', ['B'], 1)],
      occupied: new Map(),
      now: START,
      seed: 7,
    };
    const r = schedule(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.infeasible).toHaveLength(1);
    const f = r.infeasible[0]!;
    expect(f).toMatchObject({ basis: 'exhausted', overBy: 1, shortTraineeMonths: 1 });
    expect(['dA科', 'dB科']).toContain(f.department);
    // One month (two half months), where the first trainee's second block meets the second's first.
    expect(f.to - f.from).toBe(2);
    expect(f.message).toContain('最多有 2 名学员，容量 1，超出 1 人');
    expect(f.message).toContain('学员1、学员2');
    expect(f.message).toContain('已试过所有排法');
  });
});
