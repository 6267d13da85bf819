import { describe, expect, it } from 'vitest';
import { err, ok, setupBase } from '../../helpers/core';
import { eventsOf, importRegistry, registry } from './helpers';

async function oneTrainee(overrides: Partial<ReturnType<typeof registry>[number]> = {}) {
  const { core, session } = await setupBase();
  const [row] = registry(1, 31);
  const t = { ...row!, 年级: '2023', 培训开始日期: '2023-09-01', 培训年限: '3', 培训专业: '内科', ...overrides };
  await importRegistry(core, session, [t]);
  const { id } = await core.db.selectFrom('trainees').select('id').executeTakeFirstOrThrow();
  return { core, session, id, idNumber: t.证件号码 };
}

describe('trainees.setStatus', () => {
  it('needs a reason, keeps every change as history and audits it', async () => {
    const { core, session, id } = await oneTrainee();
    expect((await err(core, session, 'trainees.setStatus', { id, status: 'suspended', effectiveDate: '2024-03-01' })).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      (await err(core, session, 'trainees.setStatus', { id, status: 'suspended', effectiveDate: '2024-03-01', reason: ' ' }))
        .code,
    ).toBe('INVALID_INPUT');
    await ok(core, session, 'trainees.setStatus', { id, status: 'suspended', effectiveDate: '2024-03-01', reason: '产假' });
    const back = await ok(core, session, 'trainees.setStatus', {
      id,
      status: 'active',
      effectiveDate: '2024-07-01',
      reason: '产假结束返岗',
    });
    expect(back.status).toBe('active');
    expect(back.statusHistory.map((h) => [h.fromStatus, h.toStatus, h.effectiveDate, h.reason, h.actor])).toEqual([
      ['active', 'suspended', '2024-03-01', '产假', 'admin'],
      ['suspended', 'active', '2024-07-01', '产假结束返岗', 'admin'],
    ]);
    const events = await eventsOf(core, 'trainee.status');
    expect(events.map((e) => [e.entity_id, e.reason])).toEqual([
      [id, '产假'],
      [id, '产假结束返岗'],
    ]);
  });

  it('accepts the ID number instead of the record id (for the CLI) and masks it when not found', async () => {
    const { core, session, idNumber } = await oneTrainee();
    const r = await ok(core, session, 'trainees.setStatus', {
      id: idNumber.toLowerCase(),
      status: 'extended',
      effectiveDate: '2026-09-01',
      reason: '轮转未完成，延期半年',
    });
    expect(r.status).toBe('extended');
    const missing = await err(core, session, 'trainees.setStatus', {
      id: '11010519491231002X',
      status: 'withdrawn',
      effectiveDate: '2026-09-01',
      reason: '测试',
    });
    expect(missing.code).toBe('TRAINEE_NOT_FOUND');
    expect(missing.message).not.toContain('11010519491231002X');
  });

  it('refuses a change to the same status, an impossible step, and dates before training or before the last change', async () => {
    const { core, session, id } = await oneTrainee();
    const set = (status: string, effectiveDate: string) =>
      err(core, session, 'trainees.setStatus', { id, status, effectiveDate, reason: '核对' });
    expect((await set('active', '2024-01-01')).code).toBe('TRAINEE_STATUS_UNCHANGED');
    expect((await set('suspended', '2023-08-31')).code).toBe('TRAINEE_BAD_DATE');
    expect((await set('suspended', '2023-02-30')).code).toBe('TRAINEE_BAD_DATE');
    await ok(core, session, 'trainees.setStatus', {
      id,
      status: 'withdrawn',
      effectiveDate: '2024-05-01',
      reason: '本人申请退培',
    });
    expect((await set('suspended', '2024-06-01')).code).toBe('TRAINEE_STATUS_TRANSITION');
    expect((await set('active', '2024-04-01')).code).toBe('TRAINEE_BAD_DATE');
    // A mistaken 退培 can be undone, with its reason, and both entries stay.
    const fixed = await ok(core, session, 'trainees.setStatus', {
      id,
      status: 'active',
      effectiveDate: '2024-05-01',
      reason: '误操作，撤销退培',
    });
    expect(fixed.statusHistory).toHaveLength(2);
    // 结业 is allowed by hand for now, with a reason.
    const done = await ok(core, session, 'trainees.setStatus', {
      id,
      status: 'completed',
      effectiveDate: '2026-08-31',
      reason: '结业考核合格',
    });
    expect(done.status).toBe('completed');
  });
});

describe('trainees.transfer', () => {
  it('变更专业 moves the trainee and keeps the history; 变更基地 records from where to where', async () => {
    const { core, session, id } = await oneTrainee();
    const moved = await ok(core, session, 'trainees.transfer', {
      id,
      kind: 'specialty',
      after: '儿科',
      effectiveDate: '2024-03-01',
      reason: '本人申请，专业基地同意',
    });
    expect(moved).toMatchObject({ specialtyCode: '0200', specialtyName: '儿科' });
    const away = await ok(core, session, 'trainees.transfer', {
      id,
      kind: 'base',
      after: '吉林大学第二医院',
      effectiveDate: '2024-09-01',
      reason: '随配偶调动，省住培办批准',
    });
    expect(away.transfers.map((t) => [t.kind, t.before, t.after, t.effectiveDate])).toEqual([
      ['specialty', '0100', '0200', '2024-03-01'],
      ['base', '吉林大学第一医院', '吉林大学第二医院', '2024-09-01'],
    ]);
    expect((await eventsOf(core, 'trainee.transfer-specialty')).map((e) => e.reason)).toEqual(['本人申请，专业基地同意']);
    const same = await err(core, session, 'trainees.transfer', {
      id,
      kind: 'specialty',
      after: '0200',
      effectiveDate: '2024-10-01',
      reason: '重复',
    });
    expect(same.code).toBe('TRAINEE_TRANSFER_UNCHANGED');
    const unknown = await err(core, session, 'trainees.transfer', {
      id,
      kind: 'specialty',
      after: '星际医学科',
      effectiveDate: '2024-10-01',
      reason: '测试',
    });
    expect(unknown.code).toBe('TRAINEE_UNKNOWN_SPECIALTY');
  });
});

describe('trainees.setMustServe', () => {
  it('records what a reduced-year trainee must make up, in half months; refused for a full-length trainee', async () => {
    const reduced = await oneTrainee({ 培训年限: '2' });
    const rows = [
      { standardDepartment: '心血管内科', months: 2.5 },
      { standardDepartment: '急诊科', months: 3 },
    ];
    const r = await ok(reduced.core, reduced.session, 'trainees.setMustServe', {
      id: reduced.id,
      mustServe: rows,
      reason: '依据年限减免审批表',
    });
    expect(r.mustServe).toEqual(rows);
    const bad = await err(reduced.core, reduced.session, 'trainees.setMustServe', {
      id: reduced.id,
      mustServe: [{ standardDepartment: '急诊科', months: 1.2 }],
      reason: '测试',
    });
    expect(bad.code).toBe('TRAINEE_BAD_MONTHS');
    expect(await eventsOf(reduced.core, 'trainee.must-serve')).toHaveLength(1);

    const full = await oneTrainee();
    const refused = await err(full.core, full.session, 'trainees.setMustServe', { id: full.id, mustServe: rows, reason: '测试' });
    expect(refused.code).toBe('TRAINEE_NOT_REDUCED');
  });
});
