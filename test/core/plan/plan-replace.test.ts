import { describe, expect, it } from 'vitest';
import { createRng, makeApplicant } from '../../../src/core/testdata';
import { err, ok, setupBase } from '../../helpers/core';
import { csvFile } from '../applicants/helpers';

const planFile = (body: string, fileName = 'plan.csv') => ({
  fileName,
  contentBase64: Buffer.from(`专业名称,计划人数\n${body}\n`).toString('base64'),
});

async function withPlan(body: string) {
  const base = await setupBase();
  await ok(base.core, base.session, 'plan.commitImport', planFile(body));
  return base;
}

describe('importing a plan over an existing one', () => {
  it('refuses without confirmation and a reason, showing the diff, and leaves the plan as it was', async () => {
    const { core, session } = await withPlan('内科,10\n儿科,5\n全科,30');
    const preview = await ok(core, session, 'plan.previewImport', planFile('内科,4\n全科,3\n麻醉科,1'));
    expect(preview.diff).toMatchObject({ totalBefore: 45, totalAfter: 8, identical: false });
    expect(preview.diff!.removed.map((r) => r.specialtyName)).toEqual(['儿科']);
    expect(preview.diff!.added.map((r) => r.specialtyName)).toEqual(['麻醉科']);
    expect(preview.diff!.changed.map((r) => [r.specialtyName, r.before, r.quota])).toEqual([
      ['内科', 10, 4],
      ['全科', 30, 3],
    ]);

    const e = await err(core, session, 'plan.commitImport', planFile('内科,4\n全科,3\n麻醉科,1'));
    expect(e.code).toBe('PLAN_REPLACE_NEEDS_CONFIRMATION');
    expect(e.message).toContain('合计：45 → 8 人');
    const noReason = await err(core, session, 'plan.commitImport', { ...planFile('内科,4\n全科,3\n麻醉科,1'), replace: true });
    expect(noReason.code).toBe('PLAN_REPLACE_NEEDS_CONFIRMATION');
    expect((await ok(core, session, 'plan.show')).total).toBe(45);
  });

  it('replaces with confirmation and records the reason in the audit log', async () => {
    const { core, session } = await withPlan('内科,10\n儿科,5');
    const plan = await ok(core, session, 'plan.commitImport', {
      ...planFile('内科,12\n儿科,5'),
      replace: true,
      reason: '省厅调整计划',
    });
    expect(plan.total).toBe(17);
    const events = await ok(core, session, 'audit.list', { action: 'plan.import' });
    expect(events.events[0]).toMatchObject({ reason: '省厅调整计划' });
  });

  it('re-importing the same plan needs no confirmation', async () => {
    const { core, session } = await withPlan('内科,10\n儿科,5');
    expect((await ok(core, session, 'plan.commitImport', planFile('内科,10\n儿科,5'))).total).toBe(15);
  });

  it('never drops a specialty applicants chose unless their choices are mapped to another one', async () => {
    const { core, session } = await withPlan('内科,10\n儿科,5');
    const rng = createRng(7);
    const opts = { specialties: ['内科', '儿科'], categories: ['社会人'] };
    const people = [
      makeApplicant(rng, { 人员类型: '社会人', 第一志愿: '儿科', 第二志愿: '', 第三志愿: '' }, opts),
      makeApplicant(rng, { 人员类型: '社会人', 第一志愿: '儿科', 第二志愿: '', 第三志愿: '' }, opts),
      makeApplicant(rng, { 人员类型: '社会人', 第一志愿: '内科', 第二志愿: '', 第三志愿: '' }, opts),
    ];
    expect((await ok(core, session, 'applicants.commitImport', csvFile(people))).rejected).toEqual([]);

    const next = { ...planFile('内科,15\n全科,2'), replace: true, reason: '儿科停招' };
    const preview = await ok(core, session, 'plan.previewImport', planFile('内科,15\n全科,2'));
    expect(preview.diff!.droppedSpecialties).toEqual([{ specialtyCode: '0200', specialtyName: '儿科', applicants: 2 }]);
    const e = await err(core, session, 'plan.commitImport', next);
    expect(e.code).toBe('PLAN_DROPS_CHOSEN_SPECIALTY');
    expect(e.message).toContain('“儿科”（2 人）');
    expect((await ok(core, session, 'plan.show')).total).toBe(15);

    await ok(core, session, 'plan.commitImport', { ...next, remap: { '0200': '0700' } });
    const list = await ok(core, session, 'applicants.list', {});
    expect(list.applicants.map((a) => a.choices[0]).sort()).toEqual(['0100', '0700', '0700']);
    const moved = await ok(core, session, 'audit.list', { action: 'applicant.remap-choice' });
    expect(moved.total).toBe(2);
    expect(moved.events.every((ev) => ev.reason === '儿科停招')).toBe(true);
  });
});

describe('editing one quota', () => {
  it('refuses a negative or fractional quota with a Chinese message', async () => {
    const { core, session } = await withPlan('内科,10');
    const negative = await err(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: -5 });
    expect(negative.message).toContain('计划人数不能为负数');
    const fraction = await err(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 2.5 });
    expect(fraction.message).toContain('计划人数必须是整数');
    expect((await ok(core, session, 'plan.show')).total).toBe(10);
  });
});
