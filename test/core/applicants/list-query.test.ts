import { describe, expect, it } from 'vitest';
import { ok, setupBase } from '../../helpers/core';
import { importRoster, roster } from './helpers';

async function arrange(n = 60) {
  const { core, session } = await setupBase('jilin-2024');
  const people = roster(n, 31);
  await importRoster(core, session, people);
  return { core, session, people };
}

describe('applicants.list: search, filters, sort, pages', () => {
  it('finds an applicant by the last digits of the ID number, as read out at the desk', async () => {
    const { core, session, people } = await arrange();
    const target = people[42]!;
    const r = await ok(core, session, 'applicants.list', { query: target.证件号码.slice(-6) });
    expect(r.applicants.map((a) => a.name)).toContain(target.姓名);
    expect(r.total).toBe(r.applicants.length);
    expect(r.applicants.every((a) => !a.idNumber.includes(target.证件号码.slice(6, 14)))).toBe(true);
  });

  it('sorts by ID number either way, and pages with the total of matches', async () => {
    const { core, session, people } = await arrange();
    const sorted = people.map((p) => p.证件号码).sort();
    const asc = await ok(core, session, 'applicants.list', { sort: 'idNumber', limit: 10, offset: 20 });
    expect(asc.total).toBe(60);
    expect(asc.applicants.map((a) => a.idNumber.slice(-4))).toEqual(sorted.slice(20, 30).map((x) => x.slice(-4)));
    const desc = await ok(core, session, 'applicants.list', { sort: 'idNumber', dir: 'desc', limit: 1 });
    expect(desc.applicants[0]!.idNumber.slice(-4)).toBe(sorted.at(-1)!.slice(-4));
  });

  it('sorts by confirmation status in desk order and filters by status', async () => {
    const { core, session, people } = await arrange();
    await ok(core, session, 'confirm.decide', { targets: [people[0]!.证件号码], decision: 'confirmed', checklistComplete: true });
    await ok(core, session, 'confirm.decide', {
      targets: [people[1]!.证件号码],
      decision: 'returned',
      reason: '缺少毕业证书原件',
    });
    const byStatus = await ok(core, session, 'applicants.list', { sort: 'status', dir: 'desc', limit: 2 });
    expect(byStatus.applicants.map((a) => a.confirmation)).toEqual(['confirmed', 'returned']);
    const returned = await ok(core, session, 'applicants.list', { status: 'returned' });
    expect(returned.applicants.map((a) => a.name)).toEqual([people[1]!.姓名]);
  });

  it('sorts by first-choice specialty, keeping the default order by name within one', async () => {
    const { core, session } = await arrange();
    const r = await ok(core, session, 'applicants.list', { sort: 'specialty', limit: 100 });
    const codes = r.applicants.map((a) => a.choices[0]!);
    expect(codes).toEqual([...codes].sort());
  });
});
