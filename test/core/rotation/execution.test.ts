import { describe, expect, it } from 'vitest';
import { verifyPackage } from '../../../src/core/outbox/package';
import { ZipReader } from '../../../src/core/outbox/package/zip-read';
import { err, ok } from '../../helpers/core';
import { activePublicKey, outboxFile, protectWithPassphrase } from '../outbox/helpers';
import { addTrainees, rotationBase } from './helpers';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

async function plannedBase(n = 3) {
  const base = await rotationBase();
  const people = await addTrainees(base.core, n);
  await ok(base.core, base.session, 'rotation.plan', { cohortYear: 2027 });
  return { ...base, people };
}

describe('leave', () => {
  it('re-plans only the future and pushes the end back past the expected completion', async () => {
    const { core, session, clock, people } = await plannedBase();
    const p = people[0]!;
    clock.set(day('2028-01-10'));
    const before = await ok(core, session, 'rotation.show', { traineeId: p.id });
    const begun = before.blocks.filter((b) => b.start < '2028-01-01');
    const r = await ok(core, session, 'rotation.recordLeave', {
      traineeId: p.id,
      type: '病假',
      from: '2028-03-01',
      to: '2028-04-30',
      cutoff: '2030-06-30',
    });
    // Blocks already begun stay exactly as they were.
    expect(r.plan.blocks.filter((b) => b.start < '2028-01-01')).toEqual(begun);
    expect(r.plan.leave).toEqual([expect.objectContaining({ type: '病假', from: '2028-03-01', to: '2028-04-30' })]);
    expect(r.plan.blocks.some((b) => b.start <= '2028-04-30' && b.end >= '2028-03-01')).toBe(false);
    expect(r.previousEnd).toBe('2030-05-31');
    expect(r.newEnd).toBe('2030-07-31');
    expect(r.pastCutoff).toBe(true);
    expect(r.plan.endFlag).toContain('预计 2030年7月31日 结束');
    expect(r.plan.blocks.reduce((a, b) => a + b.months, 0)).toBe(33);
    expect((await ok(core, session, 'rotation.check', {})).violations).toEqual([]);
  });

  it('cuts the block being served when leave began a few days ago', async () => {
    const { core, session, clock, people } = await plannedBase(1);
    const p = people[0]!;
    const before = await ok(core, session, 'rotation.show', { traineeId: p.id });
    const serving = before.blocks[0]!;
    clock.set(day('2027-10-20'));
    const r = await ok(core, session, 'rotation.recordLeave', {
      traineeId: p.id,
      type: '病假',
      from: '2027-10-16',
      to: '2027-10-31',
    });
    expect(r.plan.blocks[0]).toMatchObject({ id: serving.id, start: serving.start, end: '2027-10-15' });
    expect(r.plan.blocks.reduce((a, b) => a + b.months, 0)).toBe(33);
    expect((await ok(core, session, 'rotation.check', {})).violations).toEqual([]);
  });

  it('refuses leave over blocks already recorded as served, and saves nothing', async () => {
    const { core, session, clock, people } = await plannedBase(1);
    const p = people[0]!;
    const first = (await ok(core, session, 'rotation.show', { traineeId: p.id })).blocks[0]!;
    clock.set(day('2028-03-10'));
    const e = await err(core, session, 'rotation.recordLeave', {
      traineeId: p.id,
      type: '事假',
      from: first.start,
      to: first.end,
    });
    expect(e.code).toBe('ROTATION_LEAVE_IN_PAST');
    expect(await core.db.selectFrom('rotation_leave').select('id').execute()).toEqual([]);
  });
});

describe('出科考核', () => {
  it('a fail adds a 补轮 of the same months after it and extends the plan', async () => {
    const { core, session, clock, people } = await plannedBase();
    const p = people[1]!;
    const plan = await ok(core, session, 'rotation.show', { traineeId: p.id });
    const first = plan.blocks[0]!;
    clock.set(day(first.end));
    const r = await ok(core, session, 'rotation.recordExitExam', {
      traineeId: p.id,
      department: first.department,
      result: 'fail',
      date: first.end,
    });
    expect(r.plan.blocks[0]).toMatchObject({ id: first.id, exitExamResult: 'fail' });
    const retake = r.plan.blocks.find((b) => b.retakeOf === first.id)!;
    expect(retake.standardDepartment).toBe(first.standardDepartment);
    expect(retake.start > first.end).toBe(true);
    expect(r.plan.blocks.reduce((a, b) => a + b.months, 0)).toBe(33 + first.months);
    expect(r.newEnd! > r.previousEnd!).toBe(true);
    expect((await ok(core, session, 'rotation.check', {})).violations).toEqual([]);
  });

  it('a pass changes nothing else, and a result is recorded once', async () => {
    const { core, session, people } = await plannedBase(1);
    const p = people[0]!;
    const plan = await ok(core, session, 'rotation.show', { traineeId: p.id });
    const first = plan.blocks[0]!;
    const r = await ok(core, session, 'rotation.recordExitExam', {
      traineeId: p.id,
      department: first.department,
      result: 'pass',
      date: first.end,
    });
    expect(r.plan.blocks.map((b) => b.id)).toEqual(plan.blocks.map((b) => b.id));
    const e = await err(core, session, 'rotation.recordExitExam', {
      traineeId: p.id,
      department: first.department,
      result: 'fail',
      date: first.end,
    });
    expect(e.code).toBe('ROTATION_EXAM_RECORDED');
  });
});

describe('approval', () => {
  it('moves plans through the flow and holds a reduced-year plan until the province confirms it', async () => {
    const { core, session } = await rotationBase();
    await addTrainees(core, 2);
    const [reduced] = await addTrainees(
      core,
      1,
      {
        years: 3,
        mustServe: [
          { standardDepartment: '心血管内科', months: 4 },
          { standardDepartment: '急诊科', months: 3 },
          { standardDepartment: '呼吸内科', months: 5 },
        ],
      },
      11,
    );
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    expect(await ok(core, session, 'rotation.approve', { cohortYear: 2027 })).toMatchObject({
      changed: 3,
      status: 'base_approved',
    });
    const started = await ok(core, session, 'rotation.start', { cohortYear: 2027 });
    expect(started.changed).toBe(2);
    expect(started.skipped).toEqual([
      expect.objectContaining({ traineeId: reduced!.id, reason: expect.stringContaining('省住培指导中心确认') }),
    ]);
    await ok(core, session, 'rotation.markSubmitted', { traineeIds: [reduced!.id] });
    await ok(core, session, 'rotation.markProvinceConfirmed', { traineeIds: [reduced!.id] });
    expect((await ok(core, session, 'rotation.start', { traineeIds: [reduced!.id] })).changed).toBe(1);
    expect((await ok(core, session, 'rotation.show', { traineeId: reduced!.id })).status).toBe('in_progress');
  });

  it('after approval an edit needs a reason, is flagged and audited; an edit that breaks a rule saves nothing', async () => {
    const { core, session, people } = await plannedBase(2);
    await ok(core, session, 'rotation.approve', { cohortYear: 2027 });
    const plan = await ok(core, session, 'rotation.show', { traineeId: people[0]!.id });
    // Two blocks of the same length (different standard departments) can exchange their dates.
    const sameLength = (x: (typeof plan.blocks)[number], y: (typeof plan.blocks)[number]) =>
      x.id !== y.id && x.months === y.months && x.standardDepartment !== y.standardDepartment;
    const a = plan.blocks.find((x) => plan.blocks.some((y) => sameLength(x, y)));
    const partner = plan.blocks.find((y) => sameLength(a!, y))!;
    expect((await err(core, session, 'rotation.swapBlocks', { a: a!.id, b: partner.id })).code).toBe('ROTATION_REASON_REQUIRED');

    // Moving a block onto the next one's dates breaks the plan: refused with the rule's message.
    const next = plan.blocks[1]!;
    const bad = await err(core, session, 'rotation.moveBlock', {
      blockId: plan.blocks[0]!.id,
      start: next.start,
      reason: '调整',
    });
    expect(bad.code).toBe('ROTATION_EDIT_BREAKS_RULE');
    expect(await ok(core, session, 'rotation.show', { traineeId: people[0]!.id })).toEqual(plan);

    const swapped = await ok(core, session, 'rotation.swapBlocks', { a: a!.id, b: partner.id, reason: '科室临时调整' });
    const after = swapped[0]!;
    expect(after.changedAfterApproval).toBe(true);
    expect(after.changeReason).toBe('科室临时调整');
    expect(after.blocks.find((x) => x.id === a!.id)!.start).toBe(partner.start);
    const events = await core.db
      .selectFrom('events')
      .select(['action', 'reason'])
      .where('action', '=', 'rotation.swapBlocks')
      .execute();
    expect(events).toEqual([{ action: 'rotation.swapBlocks', reason: '科室临时调整' }]);
  });

  it('refuses to approve a plan that breaks a rule', async () => {
    const { core, session, people } = await plannedBase(1);
    const plan = await ok(core, session, 'rotation.show', { traineeId: people[0]!.id });
    await core.db.deleteFrom('rotation_blocks').where('id', '=', plan.blocks[2]!.id).execute();
    const e = await err(core, session, 'rotation.approve', { cohortYear: 2027 });
    expect(e.code).toBe('ROTATION_PLAN_INVALID');
    expect((await ok(core, session, 'rotation.show', { traineeId: people[0]!.id })).status).toBe('draft');
  });
});

describe('outputs', () => {
  it('builds a verifiable rotation-plans package of the approved plans', async () => {
    const { core, session, people } = await plannedBase(2);
    await ok(core, session, 'base.update', { name: '吉林大学第一医院', code: 'JL001', province: '吉林', cohortYear: 2027 });
    protectWithPassphrase(core);
    expect((await err(core, session, 'package.build', { kind: 'rotation-plans' })).code).toBe('PKG_EMPTY');
    await ok(core, session, 'rotation.approve', { cohortYear: 2027 });
    const item = await ok(core, session, 'package.build', { kind: 'rotation-plans' });
    expect(item.recordCounts.plans).toBe(2);
    const v = await verifyPackage(outboxFile(core, item.fileName), { trustedKeys: [await activePublicKey(core)] });
    expect(v).toMatchObject({ ok: true, kind: 'rotation-plans' });
    const zip = await ZipReader.open(outboxFile(core, item.fileName));
    try {
      const entries = await zip.entries();
      const plans = JSON.parse(
        (
          await zip.readAll(
            entries.find((e) => e.name === 'data/plans.json')!,
            1e8,
          )
        ).toString('utf8'),
      ) as Array<{ idNumber: string; example: boolean }>;
      expect(plans.map((p) => p.idNumber).sort()).toEqual(people.map((p) => p.idNumber).sort());
      expect(plans.every((p) => p.example)).toBe(true);
      const form = (
        await zip.readAll(
          entries.find((e) => e.name === 'data/forms/rotation-plans.html')!,
          1e8,
        )
      ).toString('utf8');
      expect(form).toContain('示例');
      expect(form).not.toContain(people[0]!.idNumber);
    } finally {
      await zip.close();
    }
  });

  it('shows the department roster by month and exports the plans marked 示例', async () => {
    const { core, session, people } = await plannedBase(2);
    const roster = await ok(core, session, 'rotation.roster', { from: '2027-09', to: '2027-10' });
    expect(roster.months.map((m) => m.month)).toEqual(['2027-09', '2027-10']);
    const sept = roster.months[0]!.departments.flatMap((d) => d.trainees);
    expect(sept.sort()).toEqual(people.map((p) => p.name).sort());
    expect(roster.months[0]!.departments.every((d) => d.peak <= d.capacity)).toBe(true);
    const x = await ok(core, session, 'rotation.export', { cohortYear: 2027 });
    expect(x.example).toBe(true);
    expect(x.fileName).toMatch(/^示例-/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['轮转安排计划', '科室轮转表']);
    expect(String(wb.worksheets[0]!.getCell('A1').value)).toContain('示例');
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).not.toContain(people[0]!.idNumber);
  });
});
