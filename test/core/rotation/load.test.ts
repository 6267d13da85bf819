import { describe, expect, it } from 'vitest';
import { err, ok } from '../../helpers/core';
import { addTrainees, rotationBase } from './helpers';

describe('the department load for the heatmap', () => {
  it('counts each department and month as the roster does: in-training trainees only, leave left out', async () => {
    const { core, session } = await rotationBase();
    const people = await addTrainees(core, 6);
    await addTrainees(core, 3, { specialtyCode: '0700' }, 8);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    // Someone who left keeps stored blocks but holds no place; leave written straight in, blocks left as they are.
    await core.db.updateTable('trainees').set({ status: 'withdrawn' }).where('id', '=', people[0]!.id).execute();
    await core.db
      .insertInto('rotation_leave')
      .values({
        id: 'leave-1',
        trainee_id: people[1]!.id,
        type: '病假',
        from_date: '2027-09-16',
        to_date: '2027-12-31',
        reason: null,
        created_by: 'test',
        created_at: '2027-08-01T00:00:00.000Z',
      })
      .execute();

    const range = { from: '2027-08', to: '2030-09' };
    const roster = await ok(core, session, 'rotation.roster', range);
    const load = await ok(core, session, 'rotation.load', range);
    expect(load.months).toEqual(roster.months.map((m) => m.month));
    const fromRoster = roster.months[0]!.departments.map((d, i) => ({
      departmentId: d.departmentId,
      capacity: d.capacity,
      peaks: roster.months.map((m) => m.departments[i]!.peak),
    }));
    expect(load.departments).toEqual(fromRoster);
    expect(load.departments.some((d) => d.peaks.some((p) => p > 0))).toBe(true);
  });

  it('refuses a range that ends before it starts, as the roster does', async () => {
    const { core, session } = await rotationBase();
    const e = await err(core, session, 'rotation.load', { from: '2028-03', to: '2027-09' });
    expect(e.code).toBe('ROTATION_BAD_RANGE');
  });
});
