import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { writeCsv } from '../../../src/core/testdata';
import { ADMIN, ok, setupBase } from '../../helpers/core';
import { addApplicants, file, type TestApplicant } from './fixtures';

const HEAD = ['姓名', '身份证号', '培训专业', '笔试成绩', '面试成绩', '操作成绩'];

async function importScores(core: Core, session: string, rows: Array<[TestApplicant, string, string]>) {
  const csv = writeCsv([HEAD, ...rows.map(([a, w, i]) => [a.name, a.idNumber, '内科', w, i, ''])], { encoding: 'utf-8' });
  await ok(core, session, 'scores.import', file('scores.csv', csv));
}

/** Jilin, 内科 1 seat: T (not yet confirmed) tops the scores, A and B tie behind, X missed the interview. */
async function scenario() {
  const { core, session } = await setupBase('jilin-2024');
  await ok(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 1 });
  const [t, a, b, x] = (await addApplicants(core, 4, { specialties: ['0100'] })) as TestApplicant[] as [
    TestApplicant,
    TestApplicant,
    TestApplicant,
    TestApplicant,
  ];
  await importScores(core, session, [
    [t, '95', '95'],
    [a, '85', '85'],
    [b, '85', '85'],
    [x, '70', '缺考'],
  ]);
  await ok(core, session, 'confirm.reopen', { id: t.id, reason: '学历证书原件待核验' });
  return { core, session, t, a, b, x };
}

async function group0100(core: Core, session: string) {
  const view = await ok(core, session, 'ranking.show', {});
  const g = view.groups.find((x) => x.specialty === '0100');
  if (g === undefined) throw new Error('no 0100 group');
  return { view, g, row: (id: string) => g.ranked.find((r) => r.applicantId === id)! };
}

describe('ranking: who can be admitted, and the ties admission decided', () => {
  it('shows each row’s 现场确认 status and marks who cannot be admitted', async () => {
    const { core, session, t, a, x } = await scenario();
    const { g, row } = await group0100(core, session);
    expect(row(t.id)).toMatchObject({ rank: 1, confirmation: 'pending', admissible: false });
    expect(row(t.id).notAdmissible).toContain('现场确认未完成');
    expect(row(a.id)).toMatchObject({ rank: 2, tied: true, confirmation: 'confirmed', admissible: true, notAdmissible: null });
    expect(g.unranked).toEqual([expect.objectContaining({ applicantId: x.id, status: 'absent', confirmation: 'confirmed' })]);
  });

  it('a tie decided in 择优录取 shows in the decided order with who decided it, no longer as an open tie', async () => {
    const { core, session, a, b } = await scenario();
    const run = await ok(core, session, 'admission.run', {});
    expect(run.ties.map((x) => x.applicants.map((p) => p.applicantId).sort())).toEqual([[a.id, b.id].sort()]);
    const before = await group0100(core, session);
    expect(before.g.ties).toEqual([{ rank: 2, applicantIds: [a.id, b.id].sort() }]);

    await ok(core, session, 'admission.resolveTie', {
      round: 'choice-1',
      specialtyCode: '0100',
      category: null,
      admit: [b.id],
      reason: '面试答辩表现更好',
    });
    const { g, row, view } = await group0100(core, session);
    expect(g.ties).toEqual([]);
    expect(g.ranked.map((r) => [r.applicantId, r.rank, r.tied])).toEqual([
      [g.ranked[0]!.applicantId, 1, false],
      [b.id, 2, false],
      [a.id, 3, false],
    ]);
    expect(row(b.id).tieDecision).toEqual({
      admitted: true,
      decidedBy: ADMIN.displayName,
      decidedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      reason: '面试答辩表现更好',
    });
    expect(row(a.id).tieDecision).toMatchObject({ admitted: false, reason: '面试答辩表现更好' });
    expect(view.admission).toEqual({ stale: false, staleReasons: [], staleReasonText: [] });
  });

  it('a decision that no longer matches the tie (a score changed since) leaves the tie open, and says admission is out of date', async () => {
    const { core, session, a, b, x } = await scenario();
    await ok(core, session, 'admission.run', {});
    await ok(core, session, 'admission.resolveTie', {
      round: 'choice-1',
      specialtyCode: '0100',
      category: null,
      admit: [b.id],
      reason: '面试答辩表现更好',
    });
    // X's interview is entered after review: the tie for the seat is no longer A and B alone.
    const csv = writeCsv([HEAD, [x.name, x.idNumber, '内科', '85', '85', '']], { encoding: 'utf-8' });
    await ok(core, session, 'scores.import', { ...file('fix.csv', csv), replace: true, reason: '补录面试成绩' });
    const { g, row, view } = await group0100(core, session);
    expect(row(a.id)).toMatchObject({ tied: true, tieDecision: null });
    expect(g.ties).toEqual([{ rank: 2, applicantIds: [a.id, b.id, x.id].sort() }]);
    expect(view.admission).toMatchObject({ stale: true, staleReasons: ['SCORES_CHANGED'] });
  });
});
