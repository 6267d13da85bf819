/**
 * Recruitment windows per cohort year: the preset is shown until the base puts it into effect; then work at
 * the desk outside it needs a reason (recorded, audited); other years start as a 示例 copy.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import type { RecruitmentWindows } from '../../../src/shared/contract/windows';
import { ADMIN, err, ok, setupBase } from '../../helpers/core';
import { csvFile, roster } from '../applicants/helpers';

/** A movable Beijing-time clock: '2024-07-02T10:00' is read as UTC+8. */
function clockAt(moment: string) {
  let ms = Date.parse(`${moment}:00+08:00`);
  return { clock: { nowMs: () => ms }, set: (m: string) => (ms = Date.parse(`${m}:00+08:00`)) };
}

async function jilinBase(at: string) {
  const c = clockAt(at);
  const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院', { clock: c.clock });
  const rows = roster(3, 11, ['社会人']).map((r) => ({ ...r, 是否农村订单定向: '否', 第一志愿: '内科' }));
  await ok(core, session, 'applicants.commitImport', csvFile(rows));
  const list = await ok(core, session, 'applicants.list', { limit: 10 });
  return { core, session, ids: list.applicants.map((a) => a.id), set: jumper(core, session, c.set) };
}

/** Moves the clock; a jump of days locks the session, so the admin logs in again. */
function jumper(core: Core, session: string, set: (m: string) => void) {
  return async (m: string) => {
    set(m);
    await ok(core, session, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  };
}

async function putIntoEffect(core: Core, session: string): Promise<RecruitmentWindows> {
  const state = await ok(core, session, 'windows.state', {});
  return ok(core, session, 'windows.set', { windows: state.windows!, reason: '按省指导中心通知确认' });
}

const returned = (id: string, extra: Record<string, unknown> = {}) => ({
  targets: [id],
  decision: 'returned',
  reason: '缺学历证书原件',
  ...extra,
});

describe('the desk in and out of its window', () => {
  it("shows Jilin's preset window for the cohort year, not yet binding", async () => {
    const { core, session, ids } = await jilinBase('2024-07-03T09:00');
    const s = await ok(core, session, 'windows.state', {});
    expect(s.year).toBe(2024);
    expect(s.inEffect).toBe(false);
    expect(s.current['desk-confirmation']?.text).toBe('现场确认：7月1日—7月4日，还剩 2 天');
    expect(s.current['desk-confirmation']?.source).toContain('7月1日-4日');
    // Shown, not binding: a base that has not confirmed its windows is not held up.
    await ok(core, session, 'confirm.decide', returned(ids[0]!));
  });

  it('once in effect, a decision after the window is refused without a reason and nothing changes', async () => {
    const { core, session, ids, set } = await jilinBase('2024-06-28T09:00');
    await putIntoEffect(core, session);
    await set('2024-07-05T09:00');
    const e = await err(core, session, 'confirm.decide', { targets: [ids[0]!], decision: 'confirmed', checklistComplete: true });
    expect(e.code).toBe('WINDOW_CLOSED');
    expect(e.message).toContain('2024年7月4日 截止');
    expect((await ok(core, session, 'applicants.get', { id: ids[0]! })).confirmation).toBe('pending');
  });

  it('after the window with a reason: done, and the reason and the window are in the audit log', async () => {
    const { core, session, ids, set } = await jilinBase('2024-06-28T09:00');
    await putIntoEffect(core, session);
    await set('2024-07-05T09:00');
    await ok(core, session, 'confirm.decide', {
      targets: [ids[0]!],
      decision: 'confirmed',
      checklistComplete: true,
      reason: '本人7月4日已到场，因系统故障次日补录',
    });
    expect((await ok(core, session, 'applicants.get', { id: ids[0]! })).confirmation).toBe('confirmed');
    const ev = await core.db
      .selectFrom('events')
      .selectAll()
      .where('action', '=', 'confirm.decide')
      .where('entity_id', '=', ids[0]!)
      .executeTakeFirstOrThrow();
    expect(ev.reason).toBe('本人7月4日已到场，因系统故障次日补录');
    expect(JSON.parse(ev.after_json!).outsideWindow).toMatchObject({ window: '现场确认', closes: '2024-07-04', state: 'closed' });
  });

  it('inside the window no reason is asked', async () => {
    const { core, session, ids, set } = await jilinBase('2024-06-28T09:00');
    await putIntoEffect(core, session);
    await set('2024-07-02T09:00');
    await ok(core, session, 'confirm.decide', { targets: [ids[1]!], decision: 'confirmed', checklistComplete: true });
  });

  it('before the window opens: WINDOW_NOT_OPEN', async () => {
    const { core, session, ids } = await jilinBase('2024-06-28T09:00');
    await putIntoEffect(core, session);
    const e = await err(core, session, 'confirm.decide', { targets: [ids[0]!], decision: 'confirmed', checklistComplete: true });
    expect(e.code).toBe('WINDOW_NOT_OPEN');
  });
});

describe('other years', () => {
  it('a copy to another year moves the dates and marks them 示例 until edited', async () => {
    const { core, session } = await jilinBase('2024-06-28T09:00');
    const none = await ok(core, session, 'windows.state', { year: 2025 });
    expect(none.windows).toBeNull();
    expect(none.sources.map((s) => s.id)).toContain('jilin-2024');
    const copy = await ok(core, session, 'windows.copy', { year: 2025, from: 'jilin-2024', reason: '按往年预填' });
    expect(copy.windows[0]).toMatchObject({ opens: '2025-07-01', closes: '2025-07-04', example: true });
    const s = await ok(core, session, 'windows.state', { year: 2025 });
    expect(s.inEffect).toBe(true);
    expect(s.current['desk-confirmation']?.text).toContain('（示例日期，待核对）');
    const edited = await ok(core, session, 'windows.set', {
      windows: { ...copy, windows: [{ ...copy.windows[0]!, closes: '2025-07-05' }] },
      reason: '按2025年通知修改',
    });
    expect(edited.windows[0]!.example).toBe(false);
    const again = await err(core, session, 'windows.copy', { year: 2025, from: 'jilin-2024', reason: '再复制' });
    expect(again.code).toBe('WINDOWS_EXIST');
  });

  it('a removed window is kept and can be restored', async () => {
    const { core, session } = await jilinBase('2024-06-28T09:00');
    const w = await putIntoEffect(core, session);
    const removed = await ok(core, session, 'windows.set', { windows: { ...w, windows: [] }, reason: '本基地不设现场确认' });
    expect(removed.windows).toEqual([]);
    expect(removed.removedWindows.map((x) => x.key)).toEqual(['desk-confirmation']);
    const restored = await ok(core, session, 'windows.set', {
      windows: { ...removed, windows: removed.removedWindows },
      reason: '恢复',
    });
    expect(restored.windows.map((x) => x.key)).toEqual(['desk-confirmation']);
    expect(restored.removedWindows).toEqual([]);
  });

  it('a window that closes before it opens is refused', async () => {
    const { core, session } = await jilinBase('2024-06-28T09:00');
    const s = await ok(core, session, 'windows.state', {});
    const w = s.windows!;
    const e = await err(core, session, 'windows.set', {
      windows: { ...w, windows: [{ ...w.windows[0]!, opens: '2024-07-09' }] },
      reason: '改期',
    });
    expect(e.code).toBe('WINDOWS_INVALID');
  });
});

describe('Chongqing 资格初审', () => {
  it('after 18:00 of the last day the desk quotes 视为自动放弃 and changes nobody by itself', async () => {
    const c = clockAt('2022-04-20T09:00');
    const { core, session } = await setupBase('chongqing-2022-agp', '重庆医科大学附属第一医院', { clock: c.clock });
    // The Chongqing preset is for 2022; this base's cohort is 2024, so it copies 2022's window to 2024.
    const copy = await ok(core, session, 'windows.copy', { year: 2024, from: 'chongqing-2022', reason: '按往年预填' });
    expect(copy.windows[0]).toMatchObject({ closes: '2024-04-29T18:00', example: true });
    await jumper(core, session, c.set)('2024-04-29T18:05');
    const s = await ok(core, session, 'windows.state', {});
    expect(s.current['desk-confirmation']).toMatchObject({
      state: 'closed',
      lateEffect: expect.stringContaining('视为自动放弃'),
    });
    const rows = roster(1, 5, ['社会人']).map((r) => ({ ...r, 第一志愿: '全科' }));
    await ok(core, session, 'applicants.commitImport', csvFile(rows));
    const [a] = (await ok(core, session, 'applicants.list', { limit: 5 })).applicants;
    expect(a?.confirmation).toBe('pending');
    const e = await err(core, session, 'confirm.decide', { targets: [a!.id], decision: 'confirmed', checklistComplete: true });
    expect(e.code).toBe('WINDOW_CLOSED');
    expect(e.message).toContain('视为自动放弃');
  });
});
