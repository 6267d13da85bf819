/**
 * 确认通过 binds: a recorded checklist (or the clerk's declaration), every required item present, and no
 * failing eligibility rule unless overridden with a reason; uploads record a copy; the queue's next person.
 */
import { describe, expect, it } from 'vitest';
import type { StoredRun } from '../../../src/core/admission/compute';
import type { ViewContext } from '../../../src/core/admission/views';
import { whyNot } from '../../../src/core/admission/why';
import { overrideLines } from '../../../src/core/applicants/desk-records';
import type { Core } from '../../../src/core/context';
import { err, ok, setupBase } from '../../helpers/core';
import { csvFile, roster, toB64 } from './helpers';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

/** 社会人 without certificates, so the required items are known: ID card, diplomas, degrees, photo. */
async function withRoster() {
  const { core, session } = await setupBase();
  const rows = roster(12, 53, ['社会人']).map((r) => ({
    ...r,
    是否农村订单定向: '否',
    医师资格证书编号: '',
    医师执业证书编号: '',
    第一志愿: '内科',
  }));
  // A rural order-oriented student who chose 内科: Jilin's rule allows only 全科.
  rows[0] = { ...rows[0]!, 是否农村订单定向: '是' };
  await ok(core, session, 'applicants.commitImport', csvFile(rows));
  const list = await ok(core, session, 'applicants.list', { limit: 100 });
  const idOf = (i: number) => list.applicants.find((a) => a.name === rows[i]!.姓名)!.id;
  return { core, session, rows, idOf };
}

async function eventsOf(core: Core, action: string, entityId: string) {
  const rows = await core.db
    .selectFrom('events')
    .selectAll()
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute();
  return rows.map((e) => ({ after: JSON.parse(e.after_json ?? 'null') as Record<string, unknown>, reason: e.reason }));
}

describe('确认通过 needs a recorded checklist', () => {
  it('is refused with no checklist at all (the CLI path), and nothing changes', async () => {
    const { core, session, idOf } = await withRoster();
    const e = await err(core, session, 'confirm.decide', { targets: [idOf(1)], decision: 'confirmed' });
    expect(e.code).toBe('CONFIRM_CHECKLIST_UNRECORDED');
    expect(e.message).toContain('--checklist complete');
    const d = await ok(core, session, 'applicants.get', { id: idOf(1) });
    expect(d.confirmation).toBe('pending');
    expect(d.checklist.every((i) => !i.recorded)).toBe(true);
  });

  it('--checklist complete records each unrecorded required item as an original, marked as declared and audited', async () => {
    const { core, session, idOf } = await withRoster();
    const id = idOf(2);
    await ok(core, session, 'confirm.decide', { targets: [id], decision: 'confirmed', checklistComplete: true });
    const d = await ok(core, session, 'applicants.get', { id });
    expect(d.confirmation).toBe('confirmed');
    const required = d.checklist.filter((i) => i.required);
    expect(required.map((i) => i.key).sort()).toEqual(['degrees', 'diplomas', 'id_card', 'photo']);
    for (const i of required)
      expect(i).toMatchObject({ state: 'original', recorded: true, note: expect.stringContaining('声明') });
    // Optional items stay not looked at: the declaration covers the required ones only.
    expect(d.checklist.filter((i) => !i.required).every((i) => !i.recorded)).toBe(true);
    expect(d.checklistAttested).toMatchObject({ by: 'admin', keys: ['id_card', 'diplomas', 'degrees', 'photo'] });
    const [ev] = await eventsOf(core, 'confirm.decide', id);
    expect(ev!.after.checklistDeclaredComplete).toEqual(['id_card', 'diplomas', 'degrees', 'photo']);
    const receipt = await ok(core, session, 'confirm.receipt', { id });
    expect(receipt.html).toContain('确认人声明已核验原件');
  });

  it('the declaration never overwrites an item the desk recorded as 缺', async () => {
    const { core, session, idOf } = await withRoster();
    const id = idOf(3);
    await ok(core, session, 'confirm.saveChecklist', { id, checklist: { degrees: 'missing', id_card: 'copy' } });
    const e = await err(core, session, 'confirm.decide', { targets: [id], decision: 'confirmed', checklistComplete: true });
    expect(e.code).toBe('CONFIRM_DOCUMENTS_MISSING');
    expect(e.message).toContain('学位证书');
    const d = await ok(core, session, 'applicants.get', { id });
    expect(d.confirmation).toBe('pending');
    expect(d.checklistAttested).toBeNull();
    expect(d.checklist.find((i) => i.key === 'id_card')).toMatchObject({ state: 'copy', recorded: true });
  });
});

describe('eligibility rules bind', () => {
  it('a failing rule blocks 确认通过; an override needs a reason and is recorded, audited, shown and explained', async () => {
    const { core, session, idOf } = await withRoster();
    const id = idOf(0);
    const before = await ok(core, session, 'applicants.get', { id });
    const failing = before.eligibility.filter((r) => r.outcome === 'fail');
    expect(failing.length).toBeGreaterThan(0);

    const blocked = await err(core, session, 'confirm.decide', { targets: [id], decision: 'confirmed', checklistComplete: true });
    expect(blocked.code).toBe('CONFIRM_RULES_FAILED');
    expect(blocked.message).toContain(failing[0]!.title);
    const noReason = await err(core, session, 'confirm.decide', {
      targets: [id],
      decision: 'confirmed',
      checklistComplete: true,
      overrideRules: true,
    });
    expect(noReason.code).toBe('CONFIRM_OVERRIDE_REASON_REQUIRED');
    expect((await ok(core, session, 'applicants.get', { id })).confirmation).toBe('pending');

    const reason = '已核实定向协议已解除（县卫健局证明）';
    await ok(core, session, 'confirm.decide', {
      targets: [id],
      decision: 'confirmed',
      checklistComplete: true,
      overrideRules: true,
      reason,
    });
    const d = await ok(core, session, 'applicants.get', { id });
    expect(d.confirmation).toBe('confirmed');
    expect(d.rulesOverride).toMatchObject({
      reason,
      by: 'admin',
      rules: failing.map((f) => ({ ruleId: f.ruleId, title: f.title })),
    });
    const [ev] = await eventsOf(core, 'confirm.decide', id);
    expect(ev!.reason).toBe(reason);
    expect(ev!.after.rulesOverride).toMatchObject({ reason });
    expect((await ok(core, session, 'confirm.receipt', { id })).html).toContain(reason);

    const lines = await overrideLines(core.db, [id, idOf(1)]);
    expect([...lines.keys()]).toEqual([id]);
    expect(lines.get(id)).toContain(failing[0]!.title);
    expect(lines.get(id)).toContain(reason);
    const ctx = {
      applicants: new Map([[id, { name: d.name, idNumber: d.idNumber }]]),
      specialtyNames: new Map(),
      reveal: false,
    } as unknown as ViewContext;
    const stored = {
      result: { admissions: [], notAdmitted: [], explanation: [] },
      totals: {},
      ineligible: {},
    } as unknown as StoredRun;
    expect(whyNot(ctx, stored, id, idOf(1), lines).join('\n')).toContain(`${d.name}：现场确认时资格规则`);

    // Reopening takes the override back with the decision: the next 确认通过 needs its own.
    await ok(core, session, 'confirm.reopen', { id, reason: '复核' });
    expect((await ok(core, session, 'applicants.get', { id })).rulesOverride).toBeNull();
    expect((await err(core, session, 'confirm.decide', { targets: [id], decision: 'confirmed' })).code).toBe(
      'CONFIRM_RULES_FAILED',
    );
  });

  it('a failing rule does not stop 不予确认, and an override is only for 确认通过', async () => {
    const { core, session, idOf } = await withRoster();
    const id = idOf(0);
    const wrong = await err(core, session, 'confirm.decide', {
      targets: [id],
      decision: 'returned',
      reason: '缺',
      overrideRules: true,
    });
    expect(wrong.code).toBe('CONFIRM_OVERRIDE_ONLY_CONFIRMED');
    await ok(core, session, 'confirm.decide', { targets: [id], decision: 'rejected', reason: '定向生只能报全科' });
    expect((await ok(core, session, 'applicants.get', { id })).rulesOverride).toBeNull();
  });

  it('a batch with one failing person is refused as a whole', async () => {
    const { core, session, rows } = await withRoster();
    const e = await err(core, session, 'confirm.decide', {
      targets: [rows[1]!.证件号码, rows[0]!.证件号码],
      decision: 'confirmed',
      checklistComplete: true,
    });
    expect(e.code).toBe('CONFIRM_RULES_FAILED');
    const list = await ok(core, session, 'applicants.list', { status: 'confirmed' });
    expect(list.total).toBe(0);
  });
});

describe('the admission explanation', () => {
  it('admission why says the applicant was confirmed past a failing rule, with the reason', async () => {
    const { core, session, rows, idOf } = await withRoster();
    const reason = '已核实定向协议解除证明';
    await ok(core, session, 'confirm.decide', {
      targets: [rows[0]!.证件号码],
      decision: 'confirmed',
      checklistComplete: true,
      overrideRules: true,
      reason,
    });
    await ok(core, session, 'confirm.decide', { targets: [rows[1]!.证件号码], decision: 'confirmed', checklistComplete: true });
    const scores = [
      '姓名,身份证号,笔试成绩,面试成绩',
      `${rows[0]!.姓名},${rows[0]!.证件号码},90,90`,
      `${rows[1]!.姓名},${rows[1]!.证件号码},80,80`,
    ];
    await ok(core, session, 'scores.import', { fileName: '成绩.csv', contentBase64: toB64(Buffer.from(scores.join('\n'))) });
    await ok(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 1 });
    await ok(core, session, 'admission.run', {});
    const why = await ok(core, session, 'admission.why', { a: idOf(0), b: idOf(1) });
    const line = why.lines.find((l) => l.includes('现场确认时'));
    expect(line).toContain(rows[0]!.姓名);
    expect(line).toContain(reason);
    expect(why.lines.filter((l) => l.includes('现场确认时'))).toHaveLength(1);
  });
});

describe('scans and the queue', () => {
  it('an upload turns its item from 缺 to 已收复印件, and leaves an item marked 原件 alone', async () => {
    const { core, session, idOf } = await withRoster();
    const id = idOf(4);
    await ok(core, session, 'confirm.saveChecklist', { id, checklist: { diplomas: 'missing', id_card: 'original' } });
    const png = { fileName: 'scan.png', contentBase64: toB64(PNG) };
    await ok(core, session, 'attachments.add', { applicantId: id, itemKey: 'diplomas', ...png });
    await ok(core, session, 'attachments.add', { applicantId: id, itemKey: 'id_card', ...png });
    await ok(core, session, 'attachments.add', { applicantId: id, itemKey: 'photo', ...png });
    const d = await ok(core, session, 'applicants.get', { id });
    const state = (k: string) => d.checklist.find((i) => i.key === k);
    expect(state('diplomas')).toMatchObject({ state: 'copy', recorded: true });
    expect(state('photo')).toMatchObject({ state: 'copy', recorded: true });
    expect(state('id_card')).toMatchObject({ state: 'original' });
    const events = await eventsOf(core, 'attachment.add', id);
    expect(events.map((e) => e.after.checklist ?? null)).toEqual([{ diplomas: 'copy' }, null, { photo: 'copy' }]);
  });

  it('next in queue: the following 待确认 applicant in list order, wrapping, skipping decided ones', async () => {
    const { core, session } = await withRoster();
    const list = await ok(core, session, 'applicants.list', { limit: 100 });
    const order = list.applicants.map((a) => a.id);
    const first = await ok(core, session, 'confirm.next', {});
    expect(first).toMatchObject({ waiting: 12, next: { id: order[0] } });
    expect((await ok(core, session, 'confirm.next', { afterId: order[0]! })).next!.id).toBe(order[1]);
    await ok(core, session, 'confirm.decide', { targets: [order[2]!], decision: 'returned', reason: '缺学位证' });
    const afterOne = await ok(core, session, 'confirm.next', { afterId: order[1]! });
    expect(afterOne).toMatchObject({ waiting: 11, next: { id: order[3] } });
    expect((await ok(core, session, 'confirm.next', { afterId: order[11]! })).next!.id).toBe(order[0]);
    expect(afterOne.next!.idNumber).toMatch(/\*{8}/);
  });
});
