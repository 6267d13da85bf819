import { describe, expect, it } from 'vitest';
import {
  checkPlans,
  schedule,
  type SchedulerInput,
  type SchedulerResult,
  type TraineeToPlan,
} from '../../../../src/core/rotation/rules';
import { dept, row, scheme, show, START, trainee } from './fixtures';

const input = (
  trainees: TraineeToPlan[],
  departments: SchedulerInput['departments'],
  extra: Partial<SchedulerInput> = {},
): SchedulerInput => ({
  trainees,
  departments,
  occupied: new Map(),
  now: START,
  seed: 7,
  ...extra,
});

function planned(r: SchedulerResult) {
  if (!r.ok) throw new Error(r.infeasible.map((s) => s.message).join('\n'));
  return r;
}

const valid = (i: SchedulerInput, r: SchedulerResult) =>
  checkPlans({ trainees: i.trainees, plans: planned(r).plans, departments: i.departments });

describe('schedule: hand-worked cases', () => {
  it('two trainees, two departments of one place each: they swap halfway', () => {
    const s = scheme(1, [row('A', 6), row('B', 6)]);
    const i = input([trainee('1', s), trainee('2', s)], [dept('dA', ['A'], 1), dept('dB', ['B'], 1)]);
    const r = planned(schedule(i));
    const plans = [...r.plans.values()].map(show).sort();
    expect(plans).toEqual([
      ['A@dA[0,12)', 'B@dB[12,24)'],
      ['B@dB[0,12)', 'A@dA[12,24)'],
    ]);
    expect(r.imbalance).toEqual({ achieved: 1, lowerBound: 1 });
    expect(valid(i, r)).toEqual([]);
  });

  it('says exactly who is short: 3 trainees × 6 months of A in one place over 12 months', () => {
    const s = scheme(1, [row('A', 6), row('B', 6)]);
    const i = input([trainee('1', s), trainee('2', s), trainee('3', s)], [dept('dA', ['A'], 1), dept('dB', ['B'], 3)]);
    const r = schedule(i);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Demand 3 × 12 slots, capacity 1 × 24 slots: 12 slots = 6 trainee-months short, over the whole year.
    expect(r.infeasible).toHaveLength(1);
    expect(r.infeasible[0]).toMatchObject({ department: 'A', from: START, to: START + 24, shortTraineeMonths: 6 });
    expect(r.infeasible[0]!.message).toContain('2025年9月1日 至 2026年8月31日 至少需要 18 人·月，只有 12 人·月空位，缺 6 人·月');
    expect(r.infeasible[0]!.message).toContain('学员1、学员2、学员3');
  });

  it('says when the whole base holds fewer trainees at once than it has', () => {
    // A and B each fit their departments, but 4 trainees never fit in 3 places.
    const s = scheme(1, [row('A', 6), row('B', 6)]);
    const ts = ['1', '2', '3', '4'].map((id) => trainee(id, s));
    const r = schedule(input(ts, [dept('d1', ['A'], 1), dept('d2', ['B'], 1), dept('d3', ['A', 'B'], 1)]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.infeasible).toHaveLength(1);
    expect(r.infeasible[0]).toMatchObject({ department: '全部科室', from: START, to: START + 24, shortTraineeMonths: 12 });
  });

  it('counts occupied places of trainees outside the run', () => {
    const s = scheme(1, [row('A', 6), row('B', 6)]);
    // One place in dA is taken for the first 3 months: one trainee must do B first and A can only start after.
    const occupied = new Map([['dA', new Map(Array.from({ length: 6 }, (_, k) => [START + k, 1]))]]);
    const i = input([trainee('1', s)], [dept('dA', ['A'], 1), dept('dB', ['B'], 1)], { occupied });
    expect(show(planned(schedule(i)).plans.get('1')!)).toEqual(['B@dB[0,12)', 'A@dA[12,24)']);
    const two = input([trainee('1', s), trainee('2', s)], [dept('dA', ['A'], 1), dept('dB', ['B'], 1)], { occupied });
    const r = schedule(two);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.infeasible[0]).toMatchObject({ department: 'A', shortTraineeMonths: 3 });
  });

  it('chooses a base department covering the standard department (many-to-many)', () => {
    const s = scheme(1, [row('M', 12)]);
    const i = input([trainee('1', s), trainee('2', s)], [dept('dX', ['M', 'N'], 1), dept('dY', ['M'], 1)]);
    const r = planned(schedule(i));
    expect([...r.plans.values()].map((b) => b[0]!.departmentId).sort()).toEqual(['dX', 'dY']);
    expect(valid(i, r)).toEqual([]);
  });

  it('keeps stage rows in their training year, with leave pushing the year back', () => {
    const s = scheme(2, [row('Y', 12, { stage: 1 }), row('X', 12, { stage: 2 })]);
    const t = trainee('1', s, { leave: [{ from: START + 4, to: START + 6 }] });
    const i = input([t], [dept('dX', ['X'], 1), dept('dY', ['Y'], 1)]);
    const r = planned(schedule(i));
    expect(show(r.plans.get('1')!)).toEqual(['Y@dY[0,4)', 'Y@dY[6,26)', 'X@dX[26,50)']);
    expect(valid(i, r)).toEqual([]);
  });

  it('reports a stage row that cannot fit its year', () => {
    const s = scheme(1, [row('Y', 12, { stage: 1 })]);
    const t = trainee('1', s, { start: START - 24 });
    const r = schedule(input([t], [dept('dY', ['Y'], 1)]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.infeasible[0]!.message).toContain('第1年已过');
  });

  it('chooses electives that can be placed, whole rows adding up to the group', () => {
    const s = scheme(
      1,
      [
        row('A', 10),
        row('D', 1, { kind: 'elective', electiveGroup: 'E' }),
        row('F', 1, { kind: 'elective', electiveGroup: 'E' }),
        row('G', 2, { kind: 'elective', electiveGroup: 'E' }),
      ],
      { electiveGroups: [{ name: 'E', months: 2 }] },
    );
    // D has no place at all: {D, F} is impossible, so the group is G.
    const i = input([trainee('1', s)], [dept('dA', ['A'], 1), dept('dD', ['D'], 0), dept('dF', ['F'], 1), dept('dG', ['G'], 1)]);
    const r = planned(schedule(i));
    expect(
      r.plans
        .get('1')!
        .map((b) => b.standardDepartment)
        .sort(),
    ).toEqual(['A', 'G']);
    expect(valid(i, r)).toEqual([]);
  });

  it('serves a row not splittable in one block, and a splittable one in pieces when that is the only way', () => {
    // Without pressure every row is one block of its full length.
    const whole = scheme(1, [row('A', 6), row('B', 6)]);
    const i = input([trainee('1', whole), trainee('2', whole)], [dept('dA', ['A'], 1), dept('dB', ['B'], 2)]);
    const r = planned(schedule(i));
    for (const blocks of r.plans.values()) for (const b of blocks) expect(b.to - b.from).toBe(12);
    // A occupied in the middle of the year: A (not splittable) cannot be placed, A (splittable) goes around it.
    const occupied = new Map([['dA', new Map(Array.from({ length: 4 }, (_, k) => [START + 10 + k, 1]))]]);
    const blocked = input([trainee('1', scheme(1, [row('A', 4), row('B', 8)]))], [dept('dA', ['A'], 1), dept('dB', ['B'], 1)], {
      occupied,
    });
    const pieces = input(
      [trainee('1', scheme(1, [row('A', 6, { splittable: true }), row('B', 6)]))],
      [dept('dA', ['A'], 1), dept('dB', ['B'], 1)],
      {
        occupied: new Map([['dA', new Map(Array.from({ length: 12 }, (_, k) => [START + 6 + k, 1]))]]),
      },
    );
    expect(planned(schedule(blocked)).plans.get('1')!.length).toBe(2);
    const split = planned(schedule(pieces)).plans.get('1')!;
    expect(show(split)).toEqual(['A@dA[0,6)', 'B@dB[6,18)', 'A@dA[18,24)']);
  });

  it('keeps within 6 months and 3 sites of 协同单位', () => {
    const s = scheme(1, [row('A', 4), row('P', 4), row('Q', 4)]);
    const partner = (id: string, std: string, site: string) => dept(id, [std], 1, { site, siteType: 'partner' });
    const i = input(
      [trainee('1', s)],
      [dept('dA', ['A'], 1), partner('pP', 'P', '甲医院'), partner('pQ', 'Q', '乙医院'), dept('bQ', ['Q'], 1)],
    );
    const r = planned(schedule(i));
    const used = r.plans
      .get('1')!
      .map((b) => b.departmentId)
      .sort();
    expect(used).toEqual(['bQ', 'dA', 'pP']);
    const forced = schedule(
      input([trainee('1', s)], [dept('dA', ['A'], 1), partner('pP', 'P', '甲医院'), partner('pQ', 'Q', '乙医院')]),
    );
    expect(forced.ok).toBe(false);
    if (!forced.ok) expect(forced.infeasible[0]).toMatchObject({ department: '协同单位', shortTraineeMonths: 2 });
  });

  it('starts a trainee in their own specialty where that costs nothing', () => {
    const s = scheme(1, [row('A', 6), row('H', 6)], { home: 'H' });
    const r = planned(schedule(input([trainee('1', s)], [dept('dA', ['A'], 2), dept('dH', ['H'], 2)])));
    expect(r.plans.get('1')![0]!.standardDepartment).toBe('H');
  });

  it('plans a reduced-year trainee on their own list (缺什么、补什么)', () => {
    const s = scheme(3, [row('A', 12), row('B', 12), row('C', 12)]);
    const t = trainee('1', s, {
      mustServe: [
        { standardDepartment: 'B', months: 6 },
        { standardDepartment: 'C', months: 6 },
      ],
    });
    const i = input([t], [dept('dA', ['A'], 1), dept('dB', ['B'], 1), dept('dC', ['C'], 1)]);
    const r = planned(schedule(i));
    expect(r.plans.get('1')!.reduce((a, b) => a + b.to - b.from, 0)).toBe(24);
    expect(valid(i, r)).toEqual([]);
  });

  it('reports a standard department no department teaches', () => {
    const r = schedule(input([trainee('1', scheme(1, [row('A', 6), row('Z', 6)]))], [dept('dA', ['A'], 1)]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.infeasible[0]).toMatchObject({ department: 'Z', shortTraineeMonths: 6 });
  });

  it('is deterministic for a seed', () => {
    const s = scheme(1, [row('A', 3), row('B', 3), row('C', 3), row('D', 3)]);
    const ts = Array.from({ length: 6 }, (_, k) => trainee(String(k), s));
    const ds = ['A', 'B', 'C', 'D'].map((x) => dept(`d${x}`, [x], 2));
    const a = planned(schedule(input(ts, ds)));
    const b = planned(schedule(input(ts, ds)));
    expect([...a.plans]).toEqual([...b.plans]);
  });
});

describe('schedule: re-planning', () => {
  const s = scheme(1, [row('A', 3), row('B', 3), row('C', 3), row('D', 3)]);
  const ds = ['A', 'B', 'C', 'D'].map((x) => dept(`d${x}`, [x], 2));

  it('keeps every valid current plan and the past as they are', () => {
    const first = planned(schedule(input([trainee('1', s), trainee('2', s), trainee('3', s)], ds)));
    const now = START + 6;
    const again = [...first.plans].map(([id, blocks]) =>
      trainee(id, s, {
        fixedBlocks: blocks.filter((b) => b.from < now).map((b) => ({ ...b, fixed: true })),
        currentBlocks: blocks.filter((b) => b.from >= now),
      }),
    );
    const r = planned(schedule(input(again, ds, { now, seed: 99 })));
    expect(r.changedBlocks).toBe(0);
    for (const [id, blocks] of r.plans) expect(show(blocks).map((x) => x.replace('*', ''))).toEqual(show(first.plans.get(id)!));
  });
});
