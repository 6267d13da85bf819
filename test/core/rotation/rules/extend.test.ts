import { describe, expect, it } from 'vitest';
import {
  checkPlans,
  replanAfter,
  schedule,
  splitAtNow,
  type ReplanInput,
  type TraineeToPlan,
} from '../../../../src/core/rotation/rules';
import { AppError } from '../../../../src/shared/errors';
import { dept, row, scheme, show, START, trainee } from './fixtures';

const s = scheme(1, [row('A', 3), row('B', 3), row('C', 3), row('D', 3)]);
const departments = ['A', 'B', 'C', 'D'].map((x) => dept(`d${x}`, [x], 2));

/** Three trainees planned from START, then seen from `now`: the past fixed, the rest current. */
function replanInput(now: number, extra: Partial<ReplanInput>): ReplanInput {
  const first = schedule({
    trainees: ['1', '2', '3'].map((id) => trainee(id, s)),
    departments,
    occupied: new Map(),
    now: START,
    seed: 3,
  });
  if (!first.ok) throw new Error('first plan failed');
  const trainees: TraineeToPlan[] = [...first.plans].map(([id, blocks]) => trainee(id, s, splitAtNow(blocks, now)));
  return {
    trainees,
    departments,
    occupied: new Map(),
    now,
    seed: 3,
    traineeId: '1',
    disruption: { kind: 'leave', range: { from: now, to: now + 1 } },
    cutoff: null,
    ...extra,
  };
}

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'OTHER';
  }
  return undefined;
};

describe('replanAfter', () => {
  it('leave pushes the end back by its length, keeps the past, and leaves the others alone', () => {
    const now = START + 6;
    const input = replanInput(now, { disruption: { kind: 'leave', range: { from: now + 2, to: now + 6 } }, cutoff: START + 24 });
    const r = replanAfter(input);
    if (!r.ok) throw new Error(r.infeasible[0]!.message);
    expect(r.previousEnd).toBe(START + 24);
    expect(r.end).toBe(START + 28);
    expect(r.passesCutoff).toBe(false);
    expect(r.othersChanged).toBe(0);
    for (const t of input.trainees) {
      const plan = r.result.plans.get(t.id)!;
      for (const f of t.fixedBlocks.filter((b) => b.to <= now + 2)) expect(plan).toContainEqual(f);
      if (t.id !== '1') expect(show(plan)).toEqual(show([...t.fixedBlocks, ...t.currentBlocks]));
    }
    const trainees = input.trainees.map((t) => (t.id === '1' ? { ...t, leave: [{ from: now + 2, to: now + 6 }] } : t));
    expect(checkPlans({ trainees, plans: r.result.plans, departments })).toEqual([]);
    expect(replanAfter({ ...input, cutoff: START + 28 }).ok && replanAfter({ ...input, cutoff: START + 28 })).toMatchObject({
      passesCutoff: true,
    });
  });

  it('leave in the middle of the block being served: the rest follows the leave in the same department', () => {
    const now = START + 1;
    const input = replanInput(now, { disruption: { kind: 'leave', range: { from: now + 2, to: now + 4 } } });
    const served = input.trainees[0]!.fixedBlocks[0]!;
    expect(served.to).toBeGreaterThan(now + 2);
    const r = replanAfter(input);
    if (!r.ok) throw new Error(r.infeasible[0]!.message);
    const [cut, rest] = r.plan;
    expect(cut).toMatchObject({ from: served.from, to: now + 2, departmentId: served.departmentId, fixed: true });
    expect(rest).toMatchObject({ from: now + 4, to: served.to + 2, departmentId: served.departmentId });
    const trainees = input.trainees.map((t) => (t.id === '1' ? { ...t, leave: [{ from: now + 2, to: now + 4 }] } : t));
    expect(checkPlans({ trainees, plans: r.result.plans, departments })).toEqual([]);
  });

  it('a failed 出科考核 adds a 补轮 block and moves the end by its length', () => {
    const now = START + 8;
    const input = replanInput(now, { disruption: { kind: 'retake', standardDepartment: 'A', months: 1 }, cutoff: START + 26 });
    const r = replanAfter(input);
    if (!r.ok) throw new Error(r.infeasible[0]!.message);
    expect(r.end).toBe(START + 26);
    expect(r.passesCutoff).toBe(true);
    expect(r.plan.filter((b) => b.standardDepartment === 'A').reduce((a, b) => a + b.to - b.from, 0)).toBe(8);
    const trainees = input.trainees.map((t) => (t.id === '1' ? { ...t, retakes: [{ standardDepartment: 'A', months: 1 }] } : t));
    expect(checkPlans({ trainees, plans: r.result.plans, departments })).toEqual([]);
  });

  it('accepts leave begun in the past inside the block being served', () => {
    // Blocks are 3 months (6 slots): at START + 9 the block begun at START + 6 is being served.
    const now = START + 9;
    const input = replanInput(now, { disruption: { kind: 'leave', range: { from: now - 1, to: now + 1 } } });
    const served = input.trainees[0]!.fixedBlocks.at(-1)!;
    expect(served.from).toBeLessThan(now - 1);
    const r = replanAfter(input);
    if (!r.ok) throw new Error(r.infeasible[0]!.message);
    expect(r.end).toBe(r.previousEnd + 2);
    const trainees = input.trainees.map((t) => (t.id === '1' ? { ...t, leave: [{ from: now - 1, to: now + 1 }] } : t));
    expect(checkPlans({ trainees, plans: r.result.plans, departments })).toEqual([]);
  });

  it('refuses leave over blocks recorded as served, an unknown trainee and a retake not in half months', () => {
    const now = START + 6;
    expect(
      code(() => replanAfter(replanInput(now, { disruption: { kind: 'leave', range: { from: START, to: now + 1 } } }))),
    ).toBe('ROTATION_LEAVE_IN_PAST');
    expect(code(() => replanAfter(replanInput(now, { traineeId: 'nobody' })))).toBe('ROTATION_TRAINEE_NOT_FOUND');
    expect(
      code(() => replanAfter(replanInput(now, { disruption: { kind: 'retake', standardDepartment: 'A', months: 0.3 } }))),
    ).toBe('ROTATION_HALF_MONTH');
  });
});
