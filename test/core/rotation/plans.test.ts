import { describe, expect, it } from 'vitest';
import { err, ok } from '../../helpers/core';
import { addTrainees, fileInput, rotationBase } from './helpers';

describe('planning a cohort', () => {
  it('plans every trainee of the cohort and reads the plan back with inclusive ends', async () => {
    const { core, session } = await rotationBase();
    const people = await addTrainees(core, 6);
    await addTrainees(core, 3, { specialtyCode: '0700' }, 8);
    const r = await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    expect(r).toMatchObject({ planned: 9, infeasible: [] });
    expect(r.peakLoad.every((p) => p.peak <= p.capacity)).toBe(true);

    const plan = await ok(core, session, 'rotation.show', { idNumber: people[0]!.idNumber });
    expect(plan.status).toBe('draft');
    expect(plan.example).toBe(true);
    expect(plan.idNumber).not.toBe(people[0]!.idNumber);
    expect(plan.blocks[0]!.start).toBe('2027-09-01');
    const months = plan.blocks.reduce((a, b) => a + b.months, 0);
    expect(months).toBe(33);
    for (let i = 1; i < plan.blocks.length; i++) {
      const prevEnd = new Date(`${plan.blocks[i - 1]!.end}T00:00:00Z`).getTime();
      expect(new Date(`${plan.blocks[i]!.start}T00:00:00Z`).getTime() - prevEnd).toBe(86_400_000);
    }
    expect((await ok(core, session, 'rotation.check', {})).violations).toEqual([]);
  });

  it('reads many plans in one call, the same as one at a time, in the order asked', async () => {
    const { core, session } = await rotationBase();
    await addTrainees(core, 4);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    const ids = (await ok(core, session, 'trainees.list', { cohortYear: 2027 })).trainees.map((t) => t.id).reverse();
    const many = await ok(core, session, 'rotation.listPlans', { traineeIds: ids });
    expect(many.map((p) => p.traineeId)).toEqual(ids);
    for (const id of ids)
      expect(many.find((p) => p.traineeId === id)).toEqual(await ok(core, session, 'rotation.show', { traineeId: id }));
  });

  it('reads a cohort for the grid in one call: the rows of the trainee list in its order, each plan as listPlans reads it', async () => {
    const { core, session } = await rotationBase();
    await addTrainees(core, 6);
    await addTrainees(core, 3, { specialtyCode: '0700' }, 8);
    const [gone] = await addTrainees(core, 1, {}, 9);
    const [later] = await addTrainees(core, 1, { cohortYear: 2026 }, 10);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    await core.db.updateTable('trainees').set({ status: 'withdrawn' }).where('id', '=', gone!.id).execute();

    const grid = await ok(core, session, 'rotation.grid', {});
    expect(grid.cohorts).toEqual([2027, 2026]);
    expect(grid.cohortYear).toBe(2027);
    const listed = (await ok(core, session, 'trainees.list', { cohortYear: 2027 })).trainees.filter(
      (t) => t.status !== 'withdrawn',
    );
    expect(grid.rows.map((r) => r.traineeId)).toEqual(listed.map((t) => t.id));
    const plans = await ok(core, session, 'rotation.listPlans', { traineeIds: listed.map((t) => t.id) });
    for (const [i, row] of grid.rows.entries()) {
      expect(row).toMatchObject({ name: listed[i]!.name, startDate: '2027-09-01', years: 3, traineeStatus: 'active' });
      expect(row.planStatus).toBe(plans[i]!.status);
      expect(row.example).toBe(plans[i]!.example);
      const blocks = row.blocks.map(([id, d, s, start, end]) => ({
        id,
        departmentId: grid.departmentIds[d],
        standardDepartment: grid.standardDepartments[s],
        start,
        end,
      }));
      expect(blocks).toEqual(
        plans[i]!.blocks.map(({ id, departmentId, standardDepartment, start, end }) => ({
          id,
          departmentId,
          standardDepartment,
          start,
          end,
        })),
      );
      expect(blocks.length).toBeGreaterThan(0);
    }

    const other = await ok(core, session, 'rotation.grid', { cohortYear: 2026 });
    expect(other.cohortYear).toBe(2026);
    expect(other.rows).toEqual([expect.objectContaining({ traineeId: later!.id, planStatus: null, blocks: [] })]);
  });

  it('reads the plan of a trainee who has left training, as one read alone does', async () => {
    const { core, session } = await rotationBase();
    const [a, b] = await addTrainees(core, 2);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    await core.db.updateTable('trainees').set({ status: 'withdrawn' }).where('id', '=', b!.id).execute();
    const many = await ok(core, session, 'rotation.listPlans', { traineeIds: [a!.id, b!.id] });
    expect(many[1]).toEqual(await ok(core, session, 'rotation.show', { traineeId: b!.id }));
    expect(many[1]!.blocks.length).toBeGreaterThan(0);
  });

  it('saves nothing and returns the shortfalls when the departments cannot hold the cohort', async () => {
    const { core, session } = await rotationBase();
    await ok(
      core,
      session,
      'rotation.importDepartments',
      fileInput('d.csv', '科室名称,标准科室,容量\n心血管内科一病区,心血管内科,1\n心血管内科二病区,心血管内科,1\n'),
    );
    await addTrainees(core, 12);
    const r = await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    expect(r.planned).toBe(0);
    expect(r.infeasible.length).toBeGreaterThan(0);
    expect(r.infeasible[0]).toEqual(
      expect.objectContaining({
        department: expect.any(String),
        from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        message: expect.any(String),
      }),
    );
    expect(await core.db.selectFrom('rotation_blocks').select('id').execute()).toEqual([]);
    expect(await core.db.selectFrom('rotation_plans').select('trainee_id').execute()).toEqual([]);
  });

  it('names a trainee whose specialty and years have no scheme, and saves nothing', async () => {
    const { core, session } = await rotationBase();
    await addTrainees(core, 2);
    const [odd] = await addTrainees(core, 1, { specialtyCode: '1600' }, 9);
    const e = await err(core, session, 'rotation.plan', { cohortYear: 2027 });
    expect(e.code).toBe('ROTATION_NO_SCHEME');
    expect(e.message).toContain(odd!.name);
    expect(await core.db.selectFrom('rotation_blocks').select('id').execute()).toEqual([]);
  });

  it('keeps a plan when the cohort is planned again with nothing changed', async () => {
    const { core, session } = await rotationBase();
    const [p] = await addTrainees(core, 3);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    const first = await ok(core, session, 'rotation.show', { traineeId: p!.id });
    const again = await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    expect(again.changedBlocks).toBe(0);
    expect((await ok(core, session, 'rotation.show', { traineeId: p!.id })).blocks).toEqual(first.blocks);
  });
});

describe('planning after approval', () => {
  it('adds a late trainee around the approved plans, and re-plans those only with a reason', async () => {
    const { core, session } = await rotationBase();
    const first = await addTrainees(core, 2);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    await ok(core, session, 'rotation.approve', { cohortYear: 2027 });
    const approved = await ok(core, session, 'rotation.show', { traineeId: first[0]!.id });
    const [late] = await addTrainees(core, 1, {}, 12);
    expect(await ok(core, session, 'rotation.plan', { cohortYear: 2027 })).toMatchObject({ planned: 1 });
    expect((await ok(core, session, 'rotation.show', { traineeId: late!.id })).status).toBe('draft');
    expect(await ok(core, session, 'rotation.show', { traineeId: first[0]!.id })).toEqual(approved);
    const e = await err(core, session, 'rotation.plan', { traineeIds: [first[0]!.id] });
    expect(e.code).toBe('ROTATION_REASON_REQUIRED');
  });
});

describe('manual edits', () => {
  it('splits a block across two departments teaching the same standard department', async () => {
    const { core, session } = await rotationBase();
    const [p] = await addTrainees(core, 1);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    const plan = await ok(core, session, 'rotation.show', { traineeId: p!.id });
    const cardio = plan.blocks.find((b) => b.standardDepartment === '心血管内科')!;
    const other = (await ok(core, session, 'rotation.listDepartments')).find(
      (d) => d.standardDepartments.includes('心血管内科') && d.id !== cardio.departmentId,
    )!;
    // Two months after the block's start (blocks of the example plan start on the 1st).
    const [y, m] = cardio.start.split('-').map(Number) as [number, number];
    const at = new Date(Date.UTC(y, m - 1 + 2, 1)).toISOString().slice(0, 10);
    const after = await ok(core, session, 'rotation.splitBlock', { blockId: cardio.id, at, departmentId: other.id });
    const parts = after.blocks.filter((b) => b.standardDepartment === '心血管内科');
    expect(parts.map((b) => [b.departmentId, b.months])).toEqual([
      [cardio.departmentId, 2],
      [other.id, cardio.months - 2],
    ]);
    expect((await ok(core, session, 'rotation.check', {})).violations).toEqual([]);
    const e = await err(core, session, 'rotation.splitBlock', { blockId: cardio.id, at: cardio.start });
    expect(e.code).toBe('ROTATION_SPLIT_OUTSIDE');
  });
});
