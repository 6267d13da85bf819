import { describe, expect, it } from 'vitest';
import type { PlanGridView } from '../../../src/shared/contract/rotation';
import { ok } from '../../helpers/core';
import { addTrainees, rotationBase } from './helpers';

/** A page's rows with departments spelt out, so pages numbered apart can be compared. */
const named = (g: PlanGridView) =>
  g.rows.map((r) => ({
    ...r,
    blocks: r.blocks.map(([id, d, s, start, end]) => [id, g.departmentIds[d], g.standardDepartments[s], start, end]),
  }));

describe('the plan grid read a page at a time', () => {
  it('gives the same rows in pages as in one read, each page with the whole cohort’s count and summary', async () => {
    const { core, session } = await rotationBase();
    await addTrainees(core, 6);
    await addTrainees(core, 3, { specialtyCode: '0700' }, 8);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    const whole = await ok(core, session, 'rotation.grid', {});
    expect(whole).toMatchObject({ offset: 0, total: 9 });

    const first = await ok(core, session, 'rotation.grid', { limit: 4 });
    const rest = await ok(core, session, 'rotation.grid', { cohortYear: 2027, offset: 4 });
    expect(first).toMatchObject({ cohorts: whole.cohorts, cohortYear: 2027, offset: 0, total: 9, summary: whole.summary });
    expect(first.rows).toHaveLength(4);
    expect(rest).toMatchObject({ offset: 4, total: 9, summary: whole.summary });
    expect([...named(first), ...named(rest)]).toEqual(named(whole));
    // The first page carries only its own rows' departments.
    const firstDepartments = new Set(first.rows.flatMap((r) => r.blocks.map((b) => first.departmentIds[b[1]])));
    expect(first.departmentIds.length).toBe(firstDepartments.size);

    const past = await ok(core, session, 'rotation.grid', { offset: 50, limit: 10 });
    expect(past).toMatchObject({ offset: 9, total: 9, rows: [] });
  });

  it('sums up the whole cohort as the page counts it: start, length, plans not approved, trainees without one, examples', async () => {
    const { core, session } = await rotationBase();
    await addTrainees(core, 4);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    await ok(core, session, 'rotation.approve', { cohortYear: 2027 });
    // Added after planning: no plan yet, one of them starting early, on a two-year training.
    await addTrainees(core, 1, {}, 11);
    const [early] = await addTrainees(core, 1, { years: 2 }, 12);
    await core.db.updateTable('trainees').set({ start_date: '2027-08-16' }).where('id', '=', early!.id).execute();

    const page = await ok(core, session, 'rotation.grid', { limit: 1 });
    expect(page.total).toBe(6);
    expect(page.summary).toEqual({ start: '2027-08-16', maxYears: 3, unapproved: 2, unplanned: 2, example: true });

    const none = await ok(core, session, 'rotation.grid', { cohortYear: 2030 });
    expect(none).toMatchObject({ cohortYear: 2030, rows: [], total: 0 });
    expect(none.summary).toEqual({ start: null, maxYears: 1, unapproved: 0, unplanned: 0, example: false });
  });
});
