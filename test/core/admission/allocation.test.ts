import { describe, expect, it } from 'vitest';
import { err, ok, setupBase } from '../../helpers/core';
import { seedApplicants, setPlan } from './seed';

async function admittedRows(core: Awaited<ReturnType<typeof setupBase>>['core']) {
  return core.db.selectFrom('admissions').selectAll().orderBy('specialty_code').orderBy('rank').execute();
}

describe('admission: who can be admitted, quota exactly filled (Jilin, 1 choice)', () => {
  it('admits from the top until the quota is exactly filled and lists everyone else with the reason', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await setPlan(core, session, [['0100', null, 2]]);
    const s = await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 90 },
      { key: 'B', choices: ['0100'], total: 85.5 },
      { key: 'C', choices: ['0100'], total: 80 },
      { key: 'D', choices: ['0100'], total: 'absent' },
      { key: 'E', choices: ['0100'], total: 99, status: 'returned' },
      { key: 'F', choices: ['0100'], total: null },
    ]);
    const run = await ok(core, session, 'admission.run', {});
    expect(run.admitted.map((a) => [a.applicantId, a.specialtyCode, a.round, a.rank, a.total])).toEqual([
      [s.id('A'), '0100', 'choice-1', 1, '90.00'],
      [s.id('B'), '0100', 'choice-1', 2, '85.50'],
    ]);
    expect(run.admitted[0]!.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(run.admitted[1]!.explanation).toContain('第一志愿');
    expect(run.admitted[1]!.explanation).toContain('排第 2 名');
    const why = Object.fromEntries(run.notAdmitted.map((n) => [n.applicantId, [n.code, n.message]]));
    expect(why[s.id('C')]![0]).toBe('NO_SEAT');
    expect(why[s.id('D')]).toEqual(['INELIGIBLE', '不参与录取：缺考（面试）。']);
    expect(why[s.id('E')]![1]).toContain('现场确认退回补正');
    expect(why[s.id('F')]![1]).toContain('考核成绩不完整');
    expect(run.unfilled).toEqual([]);
    expect(run.ties).toEqual([]);
    // Persisted: each admission with its round, rank and explanation.
    const rows = await admittedRows(core);
    expect(rows.map((r) => [r.applicant_id, r.round, r.rank, r.total])).toEqual([
      [s.id('A'), 'choice-1', 1, 9000],
      [s.id('B'), 'choice-1', 2, 8550],
    ]);
    expect(rows[0]!.explanation).toContain('名额 2 个，3 人竞争');
    const listed = await ok(core, session, 'admission.list', {});
    expect(listed.runNo).toBe(1);
    expect(listed.admitted).toEqual(run.admitted);
    // "Why B and not C": the competition shows both with their ranks.
    const [c] = await ok(core, session, 'admission.competitions', { specialtyCode: '0100' });
    if (c === undefined) throw new Error('no competition');
    expect(c.ranked.map((r) => [r.applicantId, r.rank, r.admitted])).toEqual([
      [s.id('A'), 1, true],
      [s.id('B'), 2, true],
      [s.id('C'), 3, false],
    ]);
    const whyBC = await ok(core, session, 'admission.why', { a: s.idNumber('B'), b: s.idNumber('C') });
    expect(whyBC.lines[0]).toContain('排第 2 名');
    expect(whyBC.lines[1]).toContain('未录取');
    expect(whyBC.lines[2]).toMatch(/两人都参加了「0100 内科」第一志愿的竞争（名额 2 个，3 人）.*排第 2 名，录取.*排第 3 名。/);
    const events = await core.db.selectFrom('events').select('action').where('action', '=', 'admission.run').execute();
    expect(events).toHaveLength(1);
  });

  it('applies the preset minimum total when there is one', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await setPlan(core, session, [['0100', null, 5]]);
    const s = await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 70 },
      { key: 'B', choices: ['0100'], total: 50 },
    ]);
    // Presets are data: a base whose province sets a line. Patch the preset in memory for this test.
    const { getPreset } = await import('../../../src/core/presets');
    const preset = getPreset('jilin-2024');
    const old = preset.exam.minTotal;
    preset.exam.minTotal = 60;
    try {
      const run = await ok(core, session, 'admission.run', {});
      expect(run.admitted.map((a) => a.applicantId)).toEqual([s.id('A')]);
      expect(run.notAdmitted.find((n) => n.applicantId === s.id('B'))!.message).toContain('低于最低录取分数线 60.00');
    } finally {
      preset.exam.minTotal = old;
    }
  });
});

describe('admission: a tie at the last seat', () => {
  async function tied() {
    const { core, session } = await setupBase('jilin-2024');
    await setPlan(core, session, [['0100', null, 2]]);
    const s = await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 90 },
      { key: 'B', choices: ['0100'], total: 85, written: 85, interview: 85 },
      { key: 'C', choices: ['0100'], total: 85, written: 85, interview: 85 },
      { key: 'D', choices: ['0100'], total: 80 },
    ]);
    const run = await ok(core, session, 'admission.run', {});
    return { core, session, s, run };
  }

  it('stops at that seat and shows the tie for a decision', async () => {
    const { s, run } = await tied();
    expect(run.admitted.map((a) => a.applicantId)).toEqual([s.id('A')]);
    expect(run.ties).toHaveLength(1);
    expect(run.ties[0]).toMatchObject({ round: 'choice-1', specialtyCode: '0100', seatsLeft: 1, total: '85.00', rank: 2 });
    expect(run.ties[0]!.applicants.map((p) => p.applicantId).sort()).toEqual([s.id('B'), s.id('C')].sort());
    expect(run.provisional).toBe(true);
    expect(run.unfilled).toEqual([]);
    expect(run.notAdmitted.filter((n) => n.code === 'AWAITING_TIE')).toHaveLength(2);
  });

  it('resolution 1: choose one, with a reason; the diff shows who came in', async () => {
    const { core, session, s } = await tied();
    const after = await ok(core, session, 'admission.resolveTie', {
      round: 'choice-1',
      specialtyCode: '0100',
      category: null,
      admit: [s.id('C')],
      reason: '基地录取小组讨论：C 有两年临床工作经历',
    });
    expect(after.admitted.map((a) => a.applicantId)).toEqual([s.id('A'), s.id('C')]);
    expect(after.admitted[1]!.reason).toContain('临床工作经历');
    expect(after.admitted[1]!.explanation).toContain('末位同分，由基地决定录取');
    expect(after.ties).toEqual([]);
    expect(after.changes.map((c) => [c.kind, c.applicantId])).toEqual([['admitted', s.id('C')]]);
    const decisions = await ok(core, session, 'admission.decisions', {});
    expect(decisions[0]).toMatchObject({ kind: 'tie', reason: '基地录取小组讨论：C 有两年临床工作经历' });
  });

  it('a choice of someone outside the tie is refused, naming that applicant, and nothing is saved', async () => {
    const { core, session, s } = await tied();
    const e = await err(core, session, 'admission.resolveTie', {
      round: 'choice-1',
      specialtyCode: '0100',
      category: null,
      admit: [s.id('A')],
      reason: '误选',
    });
    expect(e.code).toBe('ADMISSION_TIE_MISMATCH');
    expect(e.message).toContain(s.name('A'));
    expect(await core.db.selectFrom('admission_decisions').select('id').execute()).toEqual([]);
  });

  it('resolution 2: admit both only with an explicit, audited over-quota approval', async () => {
    const { core, session, s } = await tied();
    const refused = await err(core, session, 'admission.resolveTie', {
      round: 'choice-1',
      specialtyCode: '0100',
      category: null,
      admit: [s.id('B'), s.id('C')],
      reason: '两人同分，均录取',
    });
    expect(refused.code).toBe('ADMISSION_OVER_QUOTA');
    expect((await ok(core, session, 'admission.list', {})).runNo).toBe(1); // nothing changed
    const after = await ok(core, session, 'admission.resolveTie', {
      round: 'choice-1',
      specialtyCode: '0100',
      category: null,
      admit: [s.id('B'), s.id('C')],
      overflowApproved: true,
      reason: '经院长办公会批准超计划 1 人',
    });
    expect(after.admitted).toHaveLength(3);
    expect(
      after.admitted
        .filter((a) => a.overQuota)
        .map((a) => a.applicantId)
        .sort(),
    ).toEqual([s.id('B'), s.id('C')].sort());
    const ev = await core.db
      .selectFrom('events')
      .select(['action', 'after_json', 'reason'])
      .where('action', '=', 'admission.tie-resolve')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.after_json!)).toMatchObject({ overflowApproved: true });
    expect(ev.reason).toBe('经院长办公会批准超计划 1 人');
    // Choosing someone outside the tie is refused.
    expect(
      (
        await err(core, session, 'admission.resolveTie', {
          round: 'choice-1',
          specialtyCode: '0100',
          category: null,
          admit: [s.id('D')],
          reason: '错误选择',
        })
      ).code,
    ).toBe('ADMISSION_TIE_NOT_FOUND');
  });
});

describe('admission: decline, 调剂, category splits, second window (Beijing, 3 choices)', () => {
  it('a decline frees the seat and cascades into the next round; the diff shows exactly what changed', async () => {
    const { core, session } = await setupBase('beijing-2023');
    await setPlan(core, session, [
      ['0100', null, 1],
      ['0200', null, 1],
      ['0300', null, 1],
    ]);
    const s = await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 90 },
      { key: 'B', choices: ['0100', '0200'], total: 85 },
      { key: 'C', choices: ['0300', '0200'], total: 80 },
      { key: 'D', choices: ['0300'], total: 95 },
    ]);
    const first = await ok(core, session, 'admission.run', {});
    const seat = (v: typeof first) => Object.fromEntries(v.admitted.map((a) => [a.applicantId, `${a.specialtyCode}/${a.round}`]));
    expect(seat(first)).toEqual({
      [s.id('A')]: '0100/choice-1',
      [s.id('B')]: '0200/choice-2',
      [s.id('D')]: '0300/choice-1',
    });
    const after = await ok(core, session, 'admission.decline', { idNumber: s.idNumber('A'), reason: '考取研究生，本人放弃' });
    expect(seat(after)).toEqual({
      [s.id('B')]: '0100/choice-1',
      [s.id('C')]: '0200/choice-2',
      [s.id('D')]: '0300/choice-1',
    });
    expect(
      after.changes.map((c) => [c.kind, c.applicantId, c.before?.specialtyCode ?? null, c.after?.specialtyCode ?? null]),
    ).toEqual([
      ['dropped', s.id('A'), '0100', null],
      ['moved', s.id('B'), '0200', '0100'],
      ['admitted', s.id('C'), null, '0200'],
    ]);
    expect(after.changes[0]!.message).toContain('放弃');
    // Deterministic: running again changes nothing.
    const again = await ok(core, session, 'admission.run', {});
    expect(again.changes).toEqual([]);
    expect(again.admitted).toEqual(after.admitted);
    expect((await err(core, session, 'admission.decline', { idNumber: s.idNumber('A') })).code).toBe(
      'ADMISSION_ALREADY_DECLINED',
    );
    expect((await err(core, session, 'admission.decline', { idNumber: '11010519491231002X' })).code).toBe(
      'ADMISSION_APPLICANT_UNKNOWN',
    );
    // A decline recorded by mistake is revoked, and everything goes back.
    const decisions = await ok(core, session, 'admission.decisions', {});
    const back = await ok(core, session, 'admission.revokeDecision', {
      decisionId: decisions[0]!.id,
      reason: '误登记，本人未放弃',
    });
    expect(seat(back)).toEqual(seat(first));
  });

  it('调剂: proposes leftover seats in merit order and admits the coordinator’s assignment', async () => {
    const { core, session } = await setupBase('chongqing-2022-agp');
    await setPlan(core, session, [
      ['0100', null, 1],
      ['0200', null, 2],
    ]);
    const s = await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 90 },
      { key: 'B', choices: ['0100'], total: 85, adjust: true },
      { key: 'C', choices: ['0100'], total: 84, adjust: true },
      { key: 'N', choices: ['0100'], total: 88, adjust: false },
    ]);
    const run = await ok(core, session, 'admission.run', {});
    expect(run.unfilled).toEqual([{ specialtyCode: '0200', specialtyName: '儿科', category: null, seatsLeft: 2 }]);
    expect(run.proposals.map((p) => [p.applicantId, p.specialtyCode, p.order])).toEqual([
      [s.id('B'), '0200', 1],
      [s.id('C'), '0200', 2],
    ]);
    const after = await ok(core, session, 'admission.assignAdjustment', {
      applicantId: s.id('C'),
      specialtyCode: '0200',
      reason: '本人意向儿科',
    });
    const c = after.admitted.find((a) => a.applicantId === s.id('C'))!;
    expect(c).toMatchObject({ specialtyCode: '0200', round: 'adjustment', roundLabel: '调剂' });
    expect(c.explanation).toContain('住培办指定');
    expect(after.unfilled).toEqual([{ specialtyCode: '0200', specialtyName: '儿科', category: null, seatsLeft: 1 }]);
    const notAccepted = await err(core, session, 'admission.assignAdjustment', {
      applicantId: s.id('N'),
      specialtyCode: '0200',
      reason: '试图调剂',
    });
    expect(notAccepted.code).toBe('ALLOC_ADJUST_NOT_ACCEPTED');
    const full = await err(core, session, 'admission.assignAdjustment', {
      applicantId: s.id('B'),
      specialtyCode: '0100',
      reason: '想去内科',
    });
    expect(full.code).toBe('ALLOC_OVER_QUOTA');
    const over = await ok(core, session, 'admission.assignAdjustment', {
      applicantId: s.id('B'),
      specialtyCode: '0100',
      reason: '想去内科',
      overQuotaReason: '省住培办同意增加 1 个内科名额',
    });
    expect(over.admitted.find((a) => a.applicantId === s.id('B'))).toMatchObject({ specialtyCode: '0100', overQuota: true });
    expect((await ok(core, session, 'admission.list', {})).runNo).toBe(3);
  });

  it('category-split quotas: each applicant competes only for their own category’s seats', async () => {
    const { core, session } = await setupBase('beijing-2023');
    await setPlan(core, session, [
      ['0100', '委托培训', 1],
      ['0100', '自主培训', 1],
    ]);
    const s = await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 95, category: '委托培训' },
      { key: 'B', choices: ['0100'], total: 90, category: '委托培训' },
      { key: 'C', choices: ['0100'], total: 70, category: '自主培训' },
    ]);
    const run = await ok(core, session, 'admission.run', {});
    expect(run.admitted.map((a) => [a.applicantId, a.category]).sort()).toEqual(
      [
        [s.id('A'), '委托培训'],
        [s.id('C'), '自主培训'],
      ].sort(),
    );
    expect(run.notAdmitted.find((n) => n.applicantId === s.id('B'))!.code).toBe('NO_SEAT');
    const rows = await admittedRows(core);
    expect(rows.map((r) => r.category).sort()).toEqual(['委托培训', '自主培训']);
  });

  it('二次补报: a second window with 2 choices over the seats still open', async () => {
    const { core, session } = await setupBase('beijing-2023');
    await setPlan(core, session, [
      ['0100', null, 1],
      ['0200', null, 1],
    ]);
    const s = await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 90 },
      { key: 'B', choices: ['0100'], total: 85 },
    ]);
    await ok(core, session, 'admission.run', {});
    expect(
      (await err(core, session, 'admission.setSecondChoices', { applicantId: s.id('B'), choices: ['0200', '0100', '0300'] }))
        .code,
    ).toBe('ADMISSION_TOO_MANY_CHOICES');
    expect((await ok(core, session, 'admission.list', {})).secondWindowChoices).toBe(2);
    await ok(core, session, 'admission.setSecondChoices', { idNumber: s.idNumber('B'), choices: ['0200'] });
    const run = await ok(core, session, 'admission.run', {});
    expect(run.admitted.find((a) => a.applicantId === s.id('B'))).toMatchObject({ specialtyCode: '0200', round: 'second-1' });
    expect(run.changes).toMatchObject([{ kind: 'admitted', applicantId: s.id('B') }]);
    const { core: jl, session: js } = await setupBase('jilin-2024');
    const j = await seedApplicants(jl, [{ key: 'A', choices: ['0100'], total: 90 }]);
    expect((await err(jl, js, 'admission.setSecondChoices', { applicantId: j.id('A'), choices: ['0100'] })).code).toBe(
      'ADMISSION_NO_SECOND_WINDOW',
    );
  });

  it('--round K runs only choice rounds 1..K, no 调剂', async () => {
    const { core, session } = await setupBase('beijing-2023');
    await setPlan(core, session, [
      ['0100', null, 1],
      ['0200', null, 1],
    ]);
    const s = await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 90 },
      { key: 'B', choices: ['0100', '0200'], total: 85, adjust: true },
    ]);
    const r1 = await ok(core, session, 'admission.run', { round: 1 });
    expect(r1.roundLimit).toBe(1);
    expect(r1.admitted.map((a) => a.applicantId)).toEqual([s.id('A')]);
    expect(r1.proposals).toEqual([]);
    expect(r1.notAdmitted[0]!.message).toContain('等待后续志愿轮次');
    const r2 = await ok(core, session, 'admission.run', { round: 2 });
    expect(r2.admitted.map((a) => [a.applicantId, a.round])).toContainEqual([s.id('B'), 'choice-2']);
    expect((await ok(core, session, 'admission.run', { round: 3 })).roundLimit).toBe(3); // Beijing allows 3
    const { core: jl, session: js } = await setupBase('jilin-2024');
    await setPlan(jl, js, [['0100', null, 1]]);
    expect((await err(jl, js, 'admission.run', { round: 2 })).code).toBe('ADMISSION_BAD_ROUND');
  });
});

describe('admission: bad input, nothing changed without consent', () => {
  it('a plan with zero seats, or seats only in the unallocated pool', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await seedApplicants(core, [{ key: 'A', choices: ['0100'], total: 90 }]);
    const none = await err(core, session, 'admission.run', {});
    expect(none.code).toBe('ADMISSION_PLAN_EMPTY');
    expect(none.message).toContain('没有名额');
    await setPlan(core, session, [[null, null, 10]]);
    const pool = await err(core, session, 'admission.run', {});
    expect(pool.code).toBe('ADMISSION_PLAN_EMPTY');
    expect(pool.message).toContain('其他（待分配）');
    expect(await core.db.selectFrom('admission_runs').select('id').execute()).toEqual([]);
  });

  it('a choice outside the plan: named, refused until the run is told to skip it', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await setPlan(core, session, [
      ['0100', null, 2],
      [null, null, 5],
    ]);
    const s = await seedApplicants(core, [
      { key: 'A', choices: ['0100'], total: 90 },
      { key: 'B', choices: ['1900'], total: 95 },
      { key: 'X', choices: ['1900'], total: 95, status: 'rejected' },
    ]);
    const e = await err(core, session, 'admission.run', {});
    expect(e.code).toBe('ADMISSION_CHOICE_NOT_IN_PLAN');
    expect(e.message).toContain(s.name('B'));
    expect(e.message).toContain('1900 麻醉科');
    expect(e.message).not.toContain(s.name('X')); // not eligible anyway
    expect(e.details?.problems).toHaveLength(1);
    expect(await core.db.selectFrom('admission_runs').select('id').execute()).toEqual([]);
    const run = await ok(core, session, 'admission.run', { skipInvalidChoices: true });
    expect(run.admitted.map((a) => a.applicantId)).toEqual([s.id('A')]);
    expect(run.warnings.map((w) => w.code)).toContain('CHOICE_NOT_IN_PLAN');
    expect(run.poolSeats).toBe(5);
    expect(run.planSeats).toBe(2);
  });

  it('a dry run computes and diffs without saving', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await setPlan(core, session, [['0100', null, 1]]);
    await seedApplicants(core, [{ key: 'A', choices: ['0100'], total: 90 }]);
    const preview = await ok(core, session, 'admission.run', { dryRun: true });
    expect(preview.dryRun).toBe(true);
    expect(preview.admitted).toHaveLength(1);
    expect(await core.db.selectFrom('admission_runs').select('id').execute()).toEqual([]);
    expect((await err(core, session, 'admission.list', {})).code).toBe('ADMISSION_NOT_RUN');
  });
});
