import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { progressOf } from '../../../src/core/applicants/dashboard';
import { ok, setupBase } from '../../helpers/core';
import { csvFile, roster } from './helpers';

/** A clock the test moves: decisions on different days. */
function steppedClock(startIso: string) {
  let now = Date.parse(startIso);
  return { nowMs: () => now, advanceDays: (n: number) => (now += n * 86_400_000) };
}

async function login(core: Core, admin: string, username: string, displayName: string, role: string) {
  await ok(core, admin, 'users.add', { username, displayName, role, password: `password-${username}` });
  await ok(core, `${username}-s`, 'auth.login', { username, password: `password-${username}` });
  return `${username}-s`;
}

async function twoDaysOfDecisions() {
  const clock = steppedClock('2024-07-01T02:00:00Z');
  const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院', { clock, idleMinutes: 7 * 24 * 60 });
  await ok(core, session, 'applicants.commitImport', csvFile(roster(12, 5)));
  const ids = (await ok(core, session, 'applicants.list', { limit: 100 })).applicants.map((a) => a.id);
  const li = await login(core, session, 'clerk-li', '李老师', 'clerk');
  const wang = await login(core, session, 'clerk-wang', '王老师', 'clerk');
  const decide = (s: string, id: string, decision: 'confirmed' | 'returned' | 'rejected') =>
    ok(core, s, 'confirm.decide', { targets: [id], decision, checklistComplete: true, reason: '现场核对' });
  await decide(li, ids[0]!, 'confirmed');
  await decide(li, ids[1]!, 'confirmed');
  await decide(li, ids[2]!, 'returned');
  clock.advanceDays(1);
  await decide(wang, ids[3]!, 'confirmed');
  await decide(wang, ids[4]!, 'rejected');
  await decide(li, ids[5]!, 'confirmed');
  return { core, session, clock, ids };
}

describe('确认统计', () => {
  it('counts decisions per day and per clerk (display names), and what is left', async () => {
    const { core, session } = await twoDaysOfDecisions();
    const d = await ok(core, session, 'confirm.dashboard', {});
    const day1 = d.perDay[0]!.date;
    const day2 = d.perDay[1]!.date;
    expect(d.perDay.map((r) => [r.confirmed, r.returned, r.rejected])).toEqual([
      [2, 1, 0],
      [2, 0, 1],
    ]);
    expect(d.perClerk).toEqual(
      [
        { date: day1, clerk: 'clerk-li', clerkName: '李老师', confirmed: 2, returned: 1, rejected: 0 },
        { date: day2, clerk: 'clerk-wang', clerkName: '王老师', confirmed: 1, returned: 0, rejected: 1 },
        { date: day2, clerk: 'clerk-li', clerkName: '李老师', confirmed: 1, returned: 0, rejected: 0 },
      ].sort((a, b) => a.date.localeCompare(b.date) || a.clerkName.localeCompare(b.clerkName, 'zh')),
    );
    expect(d.remaining).toMatchObject({ pending: 6, returned: 1 });
    expect(d.remaining.perSpecialty.reduce((s, r) => s + r.pending + r.returned, 0)).toBe(7);
    expect(d.remaining.perSpecialty.every((r) => r.name !== '' && r.pending + r.returned > 0)).toBe(true);
  });

  it("measures progress against the year's 现场确认 window (Jilin: 7月1日—4日)", async () => {
    const { core, session } = await twoDaysOfDecisions();
    const d = await ok(core, session, 'confirm.dashboard', {});
    expect(d.progress).toMatchObject({
      source: 'window',
      start: '2024-07-01',
      end: '2024-07-04',
      daysTotal: 4,
      done: 5,
      total: 12,
    });
    expect(d.progress!.daysElapsed + d.progress!.daysLeft).toBe(4);
  });

  it('without a window for the year, progress runs over the decision days so far', () => {
    const days = [
      { date: '2024-07-01', confirmed: 2, returned: 1, rejected: 0 },
      { date: '2024-07-03', confirmed: 2, returned: 0, rejected: 1 },
    ];
    expect(progressOf(null, days, '2024-07-03', 5, 12)).toEqual({
      source: 'decisions',
      start: '2024-07-01',
      end: '2024-07-03',
      today: '2024-07-03',
      daysTotal: 3,
      daysElapsed: 3,
      daysLeft: 0,
      done: 5,
      total: 12,
    });
  });

  it('progress against a recorded window counts its days inclusively', () => {
    const w = { start: '2024-07-01', end: '2024-07-04' };
    expect(progressOf(w, [], '2024-07-02', 3, 10)).toMatchObject({ source: 'window', daysTotal: 4, daysElapsed: 2, daysLeft: 2 });
    expect(progressOf(w, [], '2024-06-20', 0, 10)).toMatchObject({ daysElapsed: 0, daysLeft: 4 });
    expect(progressOf(w, [], '2024-07-09', 10, 10)).toMatchObject({ daysElapsed: 4, daysLeft: 0 });
    expect(progressOf(null, [], '2024-07-02', 0, 10)).toBeNull();
  });

  it('exports an XLSX named for the year and base, with counts in number cells', async () => {
    const { core, session } = await twoDaysOfDecisions();
    const x = await ok(core, session, 'confirm.statsExport', {});
    expect(x.fileName).toBe('确认统计-2024-吉林大学第一医院.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概览', '按日', '按经办人', '按专业']);
    const perDay = wb.getWorksheet('按日')!;
    expect(perDay.getRow(2).getCell(1).value).toMatch(/^2024年7月\d+日$/);
    expect(perDay.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(perDay.getRow(2).getCell(5).value).toBe(3);
    const perClerk = wb.getWorksheet('按经办人')!;
    const names = [2, 3, 4].map((r) => perClerk.getRow(r).getCell(2).value);
    expect(names).toContain('李老师');
    expect(names).not.toContain('clerk-li');
    expect(wb.getWorksheet('概览')!.getRow(2).getCell(2).value).toBe(12);
  });
});
