import { describe, expect, it } from 'vitest';
import { pinyinInitials } from '../../../src/core/identity';
import { addUserAndLogin, err, ok, setupBase } from '../../helpers/core';
import { eventsOf, importRegistry, registry } from './helpers';

async function withRegistry() {
  const { core, session } = await setupBase();
  const rows = registry(60, 41);
  await importRegistry(core, session, rows);
  return { core, session, rows };
}

describe('trainees.list and trainees.get', () => {
  it('filters by cohort, program, specialty and status, pages, and masks ID numbers', async () => {
    const { core, session, rows } = await withRegistry();
    const all = await ok(core, session, 'trainees.list', { limit: 1000 });
    expect(all.total).toBe(60);
    expect(all.revealed).toBe(false);
    for (const t of all.trainees) expect(t.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const y2023 = rows.filter((r) => r.年级 === '2023').length;
    expect((await ok(core, session, 'trainees.list', { cohortYear: 2023 })).total).toBe(y2023);
    const paediatrics = rows.filter((r) => r.培训专业 === '儿科').length;
    expect((await ok(core, session, 'trainees.list', { specialtyCode: '0200', program: 'residency' })).total).toBe(paediatrics);
    const page1 = await ok(core, session, 'trainees.list', { limit: 25, offset: 0 });
    const page3 = await ok(core, session, 'trainees.list', { limit: 25, offset: 50 });
    expect([page1.trainees.length, page3.trainees.length, page3.total]).toEqual([25, 10, 60]);
    const first = all.trainees[0]!;
    await ok(core, session, 'trainees.setStatus', {
      id: first.id,
      status: 'suspended',
      effectiveDate: '2025-01-02',
      reason: '病假',
    });
    const suspended = await ok(core, session, 'trainees.list', { status: 'suspended' });
    expect(suspended.trainees.map((t) => t.id)).toEqual([first.id]);
    const detail = await ok(core, session, 'trainees.get', { id: first.id });
    expect(detail.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(detail.statusHistory).toHaveLength(1);
  });

  it('searches by name, by the last digits of the ID number and by pinyin initials', async () => {
    const { core, session, rows } = await withRegistry();
    const target = rows[17]!;
    const byTail = await ok(core, session, 'trainees.list', { query: target.证件号码.slice(-6) });
    expect(byTail.trainees.map((t) => t.name)).toContain(target.姓名);
    const byName = await ok(core, session, 'trainees.list', { query: target.姓名 });
    expect(byName.trainees.every((t) => t.name.includes(target.姓名))).toBe(true);
    expect(byName.total).toBeGreaterThan(0);
    const initials = pinyinInitials(target.姓名);
    const byInitials = await ok(core, session, 'trainees.list', { query: initials.toUpperCase() });
    expect(byInitials.trainees.map((t) => t.name)).toContain(target.姓名);
  });

  it('only roles that may reveal see full numbers, and every reveal is audited', async () => {
    const { core, session, rows } = await withRegistry();
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    expect((await ok(core, clerk, 'trainees.list', {})).total).toBe(60);
    expect((await err(core, clerk, 'trainees.list', { reveal: true })).code).toBe('FORBIDDEN');
    const [one] = (await ok(core, clerk, 'trainees.list', { limit: 1 })).trainees;
    expect((await err(core, clerk, 'trainees.revealIdNumber', { id: one!.id })).code).toBe('FORBIDDEN');
    const interviewer = await addUserAndLogin(core, session, 'int1', 'interviewer');
    expect((await err(core, interviewer, 'trainees.list', {})).code).toBe('FORBIDDEN');

    const revealed = await ok(core, session, 'trainees.list', { reveal: true, limit: 5 });
    expect(revealed.revealed).toBe(true);
    expect(rows.map((r) => r.证件号码)).toContain(revealed.trainees[0]!.idNumber);
    const full = await ok(core, session, 'trainees.revealIdNumber', { id: one!.id, reason: '核对结业报名' });
    expect(full.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(await eventsOf(core, 'trainee.reveal-list')).toHaveLength(1);
    const single = await eventsOf(core, 'trainee.reveal');
    expect(single.map((e) => [e.entity_id, e.reason])).toEqual([[one!.id, '核对结业报名']]);
    expect(single[0]!.after_json).not.toContain(full.idNumber);
  });
});
