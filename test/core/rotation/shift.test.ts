import { describe, expect, it } from 'vitest';
import type { BlockView, TraineePlanView } from '../../../src/shared/contract/rotation';
import { shiftAndPush, type ShiftBlock } from '../../../src/core/rotation/rules';
import { dispatch } from '../../../src/core/api/dispatch';
import { err, ok } from '../../helpers/core';
import { addTrainees, rotationBase } from './helpers';

const block = (id: string, from: number, to: number, std = id, joinable = true): ShiftBlock => ({
  id,
  from,
  to,
  departmentId: `d-${std}`,
  standardDepartment: std,
  joinable,
});

const shape = (blocks: ShiftBlock[]) => blocks.map((b) => [b.id, b.standardDepartment, b.from, b.to]);

describe('shift-and-push (pure)', () => {
  // A: 2 half months, B: 4, C: 2 — slots 100..108.
  const plan = [block('A', 100, 102), block('B', 102, 106), block('C', 106, 108)];

  it('moves a block past a longer neighbour: the neighbour closes up behind it, start and end stay', () => {
    const r = shiftAndPush(plan, 'A', 4, []);
    expect(r.ok && shape(r.blocks)).toEqual([
      ['B', 'B', 100, 104],
      ['A', 'A', 104, 106],
      ['C', 'C', 106, 108],
    ]);
  });

  it('cuts the block it lands inside, and the inverse shift joins the pieces again', () => {
    const r = shiftAndPush(plan, 'A', 1, []);
    if (!r.ok) throw new Error(r.code);
    expect(shape(r.blocks)).toEqual([
      ['B', 'B', 100, 101],
      ['A', 'A', 101, 103],
      [null, 'B', 103, 106],
      ['C', 'C', 106, 108],
    ]);
    const back = shiftAndPush(
      r.blocks.map((b, i) => ({ ...b, id: b.id ?? `new-${i}` })),
      'A',
      -1,
      [],
    );
    expect(back.ok && shape(back.blocks)).toEqual(shape(plan));
    expect(back.ok && back.removed).toEqual(['new-2']);
  });

  it('refuses to push past the plan end or before its first block, saying the limit', () => {
    expect(shiftAndPush(plan, 'C', 1, [])).toEqual({ ok: false, code: 'ROTATION_SHIFT_PAST_END', limit: 107 });
    expect(shiftAndPush(plan, 'B', -3, [])).toEqual({ ok: false, code: 'ROTATION_SHIFT_BEFORE_START', limit: 100 });
  });

  it('slides along the timeline around leave, which stays where it is', () => {
    // Leave at slots 102-103: A 100-102, leave, B 104-108.
    const r = shiftAndPush([block('A', 100, 102), block('B', 104, 108)], 'A', 4, [{ from: 102, to: 104 }]);
    expect(r.ok && shape(r.blocks)).toEqual([
      ['B', 'B', 100, 102],
      [null, 'B', 104, 106],
      ['A', 'A', 106, 108],
    ]);
  });

  it('never joins a block that carries an exam result into its neighbour', () => {
    const r = shiftAndPush([block('A', 100, 102), block('X', 102, 104, 'A', false)], 'A', 0, []);
    expect(r.ok && r.blocks.map((b) => b.id)).toEqual(['A', 'X']);
  });
});

const halves = (b: BlockView) =>
  (Number(b.end.slice(0, 4)) - Number(b.start.slice(0, 4))) * 24 +
  (Number(b.end.slice(5, 7)) - Number(b.start.slice(5, 7))) * 2 +
  (Number(b.end.slice(8)) >= 16 ? 1 : 0) -
  (Number(b.start.slice(8)) >= 16 ? 1 : 0) +
  1;

const summary = (p: TraineePlanView) => p.blocks.map((b) => [b.departmentId, b.standardDepartment, b.start, b.end]);
const monthsByRow = (p: TraineePlanView) =>
  Object.fromEntries(
    [...new Set(p.blocks.map((b) => b.standardDepartment))].map((s) => [
      s,
      p.blocks.filter((b) => b.standardDepartment === s).reduce((a, b) => a + b.months, 0),
    ]),
  );

describe('rotation.shiftBlock', () => {
  it('moves a block past a neighbour of another length, keeps every row’s months and the end, audits it, and undoes', async () => {
    const { core, session } = await rotationBase();
    const people = await addTrainees(core, 3);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    // The first adjacent pair of different lengths whose exchange breaks no rule (the plan is seeded).
    let done: { before: TraineePlanView; after: TraineePlanView; blockId: string; by: number } | null = null;
    for (const p of people) {
      const before = await ok(core, session, 'rotation.show', { traineeId: p.id });
      for (let i = 0; i + 1 < before.blocks.length && !done; i++) {
        const [a, b] = [before.blocks[i]!, before.blocks[i + 1]!];
        if (halves(a) === halves(b)) continue;
        const r = await dispatch(core, session, 'rotation.shiftBlock', { blockId: a.id, by: halves(b) });
        if (r.ok) done = { before, after: r.value as TraineePlanView, blockId: a.id, by: halves(b) };
      }
      if (done) break;
    }
    if (!done) throw new Error('no movable pair in the seeded plans');
    const { before, after, blockId, by } = done;
    expect(after.blocks.at(-1)!.end).toBe(before.blocks.at(-1)!.end);
    expect(after.blocks[0]!.start).toBe(before.blocks[0]!.start);
    expect(monthsByRow(after)).toEqual(monthsByRow(before));
    expect(after.blocks.find((b) => b.id === blockId)!.start).not.toBe(before.blocks.find((b) => b.id === blockId)!.start);
    expect((await ok(core, session, 'rotation.check', {})).violations).toEqual([]);
    const events = await core.db.selectFrom('events').selectAll().where('action', '=', 'rotation.shiftBlock').execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.entity_id).toBe(before.traineeId);

    const undone = await ok(core, session, 'rotation.shiftBlock', { blockId, by: -by });
    expect(summary(undone)).toEqual(summary(before));
  });

  it('refuses a push past the plan end with its code and changes nothing', async () => {
    const { core, session } = await rotationBase();
    const [p] = await addTrainees(core, 1);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    const before = await ok(core, session, 'rotation.show', { traineeId: p!.id });
    const e = await err(core, session, 'rotation.shiftBlock', { blockId: before.blocks.at(-1)!.id, by: 1 });
    expect(e.code).toBe('ROTATION_SHIFT_PAST_END');
    expect(e.message).toContain('2030年5月31日');
    const first = await err(core, session, 'rotation.shiftBlock', { blockId: before.blocks[0]!.id, by: -1 });
    expect(first.code).toBe('ROTATION_SHIFT_BEFORE_START');
    expect(summary(await ok(core, session, 'rotation.show', { traineeId: p!.id }))).toEqual(summary(before));
  });

  it('refuses a shift that cuts a block whose row may not be split, naming the rule, and changes nothing', async () => {
    const { core, session } = await rotationBase();
    const [p] = await addTrainees(core, 1);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    const before = await ok(core, session, 'rotation.show', { traineeId: p!.id });
    // 肾脏内科 is a 3-month row that may not be split: landing half a month into it cuts it in two.
    const i = before.blocks.findIndex((b) => b.standardDepartment === '肾脏内科');
    const prev = before.blocks[i - 1]!;
    const e = await err(core, session, 'rotation.shiftBlock', { blockId: prev.id, by: 1 });
    expect(e.code).toBe('ROTATION_EDIT_BREAKS_RULE');
    expect(e.message).toContain('不可拆分');
    expect(summary(await ok(core, session, 'rotation.show', { traineeId: p!.id }))).toEqual(summary(before));
  });

  it('needs a reason once the plan is approved', async () => {
    const { core, session } = await rotationBase();
    const [p] = await addTrainees(core, 1);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    await ok(core, session, 'rotation.approve', { cohortYear: 2027 });
    const plan = await ok(core, session, 'rotation.show', { traineeId: p!.id });
    const e = await err(core, session, 'rotation.shiftBlock', { blockId: plan.blocks[0]!.id, by: 1 });
    expect(e.code).toBe('ROTATION_REASON_REQUIRED');
  });
});
