import { describe, expect, it } from 'vitest';
import { allocate, diffAllocations, type AllocationResult, type Seats } from '../../../../src/core/admission/rules';
import { AppError } from '../../../../src/shared/errors';
import { applicant as ap, opts } from './fixtures';

const admitted = (r: AllocationResult) =>
  r.admissions.map((a) => `${a.id}>${a.specialty}${a.category === null ? '' : `/${a.category}`}@${a.round}#${a.rank}`);
const reasons = (r: AllocationResult) => Object.fromEntries(r.notAdmitted.map((n) => [n.id, n.code]));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'NOT_APP_ERROR';
  }
  return undefined;
}

describe('allocate: choice rounds', () => {
  it('fills a quota exactly, in score order', () => {
    const seats: Seats[] = [{ specialty: '0100', category: null, quota: 3 }];
    const r = allocate(
      seats,
      [ap('a', 80, ['0100']), ap('b', 90, ['0100']), ap('c', 70, ['0100']), ap('d', 85, ['0100'])],
      {},
      opts(1),
    );
    expect(admitted(r)).toEqual(['b>0100@choice-1#1', 'd>0100@choice-1#2', 'a>0100@choice-1#3']);
    expect(r.notAdmitted).toEqual([{ id: 'c', code: 'NO_SEAT', message: expect.stringContaining('不服从调剂') }]);
    expect(r.unfilled).toEqual([]);
    expect(r.ties).toEqual([]);
    expect(r.provisional).toBe(false);
    expect(r.explanation).toEqual([
      {
        round: 'choice-1',
        specialty: '0100',
        category: null,
        seatsBefore: 3,
        ranked: [
          { id: 'b', total: 9000, rank: 1, admitted: true },
          { id: 'd', total: 8500, rank: 2, admitted: true },
          { id: 'a', total: 8000, rank: 3, admitted: true },
          { id: 'c', total: 7000, rank: 4, admitted: false },
        ],
      },
    ]);
  });

  it('runs choice by choice: losers of round 1 compete with their second choice for what is left', () => {
    const seats: Seats[] = [
      { specialty: '0100', category: null, quota: 1 },
      { specialty: '0700', category: null, quota: 2 },
    ];
    const r = allocate(
      seats,
      [ap('a', 90, ['0100', '0700']), ap('b', 88, ['0100', '0700']), ap('c', 80, ['0700']), ap('d', 95, ['0900', '0700'])],
      {},
      opts(2),
    );
    // Round 1: 0100 -> a; 0700 -> c (only first-choice applicant). d's 0900 is not in the plan (skipped).
    // Round 2: 0700 has 1 seat left; d (95) beats b (88) even though b scored above c: c got in at choice 1.
    expect(admitted(r)).toEqual(['a>0100@choice-1#1', 'c>0700@choice-1#1', 'd>0700@choice-2#1']);
    expect(reasons(r)).toEqual({ b: 'NO_SEAT' });
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'CHOICE_NOT_IN_PLAN', id: 'd', specialty: '0900' })]);
  });

  it('a plan row with zero seats admits nobody and explains why', () => {
    const r = allocate([{ specialty: '2000', category: null, quota: 0 }], [ap('a', 99, ['2000'])], {}, opts(1));
    expect(r.admissions).toEqual([]);
    expect(r.explanation[0]).toMatchObject({ seatsBefore: 0, ranked: [{ id: 'a', admitted: false }] });
    expect(r.unfilled).toEqual([]);
  });

  it('ignores choices beyond the rounds the preset allows, with a warning', () => {
    const r = allocate(
      [
        { specialty: '0100', category: null, quota: 0 },
        { specialty: '0700', category: null, quota: 1 },
      ],
      [ap('a', 80, ['0100', '0700'])],
      {},
      opts(1),
    );
    expect(r.admissions).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['CHOICE_BEYOND_ROUNDS']);
  });

  it('lists ineligible applicants with their reason and never admits them', () => {
    const r = allocate(
      [{ specialty: '0100', category: null, quota: 2 }],
      [ap('a', 99, ['0100'], { eligible: false, ineligibleReason: '笔试缺考' }), ap('b', 60, ['0100'])],
      {},
      opts(1),
    );
    expect(admitted(r)).toEqual(['b>0100@choice-1#1']);
    expect(r.notAdmitted).toEqual([{ id: 'a', code: 'INELIGIBLE', message: expect.stringContaining('笔试缺考') }]);
  });

  it('separates equal totals by tie-breaks without calling it a tie', () => {
    const r = allocate(
      [{ specialty: '0100', category: null, quota: 1 }],
      [ap('a', 85, ['0100'], { interview: 80, written: 90 }), ap('b', 85, ['0100'], { interview: 80, written: 91 })],
      {},
      opts(1),
    );
    expect(admitted(r)).toEqual(['b>0100@choice-1#1']);
    expect(r.ties).toEqual([]);
  });
});

describe('allocate: tie at the last seat', () => {
  const seats: Seats[] = [
    { specialty: '0100', category: null, quota: 2 },
    { specialty: '0700', category: null, quota: 5 },
  ];
  const people = [
    ap('a', 90, ['0100']),
    ap('b', 85, ['0100', '0700'], { interview: 80, written: 70 }),
    ap('c', 85, ['0100', '0700'], { interview: 80, written: 70 }),
    ap('d', 80, ['0100', '0700']),
    ap('e', 95, ['0700', '0100']),
  ];

  it('is not broken at random: the seat is held, the tie listed, the tied applicants wait', () => {
    const r = allocate(seats, people, {}, opts(2));
    expect(admitted(r)).toEqual(['a>0100@choice-1#1', 'e>0700@choice-1#1', 'd>0700@choice-2#1']);
    expect(r.ties).toEqual([
      { round: 'choice-1', specialty: '0100', category: null, seatsLeft: 1, ids: ['b', 'c'], total: 8500, rank: 2 },
    ]);
    expect(reasons(r)).toEqual({ b: 'AWAITING_TIE', c: 'AWAITING_TIE' });
    expect(r.notAdmitted.find((n) => n.id === 'b')!.message).toMatch(/同分/);
    expect(r.provisional).toBe(true);
    // The held seat is not "unfilled" (not offered to anyone else); 0700 has 3 seats left.
    expect(r.unfilled).toEqual([{ specialty: '0700', category: null, quota: 3 }]);
    const round1 = r.explanation.find((e) => e.round === 'choice-1' && e.specialty === '0100')!;
    expect(round1.ranked).toEqual([
      { id: 'a', total: 9000, rank: 1, admitted: true },
      { id: 'b', total: 8500, rank: 2, admitted: false, tied: true },
      { id: 'c', total: 8500, rank: 2, admitted: false, tied: true },
      { id: 'd', total: 8000, rank: 4, admitted: false },
    ]);
  });

  it('keeps the held seat closed to later rounds', () => {
    const r = allocate(seats, [...people, ap('f', 99, ['0900', '0100'])], {}, opts(2));
    const round2 = r.explanation.find((e) => e.round === 'choice-2' && e.specialty === '0100')!;
    expect(round2).toMatchObject({ seatsBefore: 0, heldForTie: true, ranked: [{ id: 'f', admitted: false }] });
  });

  it('resolution "choose one" admits the chosen with the reason; the other goes on to choice 2', () => {
    const before = allocate(seats, people, {}, opts(2));
    const after = allocate(
      seats,
      people,
      {
        tieResolutions: [
          { round: 'choice-1', specialty: '0100', category: null, admit: ['c'], reason: '面试评委复议：临床思维更优' },
        ],
      },
      opts(2),
    );
    expect(admitted(after)).toEqual([
      'a>0100@choice-1#1',
      'c>0100@choice-1#2',
      'e>0700@choice-1#1',
      'b>0700@choice-2#1',
      'd>0700@choice-2#2',
    ]);
    expect(after.admissions.find((a) => a.id === 'c')).toEqual({
      id: 'c',
      specialty: '0100',
      category: null,
      round: 'choice-1',
      rank: 2,
      reason: '面试评委复议：临床思维更优',
    });
    expect(after.ties).toEqual([]);
    expect(after.provisional).toBe(false);
    expect(after.decisionErrors).toEqual([]);
    expect(diffAllocations(before, after)).toEqual([
      { kind: 'admitted', id: 'b', after: { specialty: '0700', category: null, round: 'choice-2', overQuota: false } },
      { kind: 'admitted', id: 'c', after: { specialty: '0100', category: null, round: 'choice-1', overQuota: false } },
    ]);
  });

  it('resolution "admit both" needs overflow approval and flags each admission over quota', () => {
    const both = {
      round: 'choice-1' as const,
      specialty: '0100',
      category: null,
      admit: ['b', 'c'],
      reason: '同分，经住培办批准超计划录取',
    };
    const refused = allocate(seats, people, { tieResolutions: [both] }, opts(2));
    expect(refused.decisionErrors).toEqual([
      expect.objectContaining({ code: 'ALLOC_OVER_QUOTA', kind: 'tieResolution', specialty: '0100' }),
    ]);
    expect(refused.ties).toHaveLength(1);

    const r = allocate(seats, people, { tieResolutions: [{ ...both, overflowApproved: true }] }, opts(2));
    expect(r.decisionErrors).toEqual([]);
    expect(r.admissions.filter((a) => a.specialty === '0100')).toEqual([
      { id: 'a', specialty: '0100', category: null, round: 'choice-1', rank: 1 },
      { id: 'b', specialty: '0100', category: null, round: 'choice-1', rank: 2, overQuota: true, reason: both.reason },
      { id: 'c', specialty: '0100', category: null, round: 'choice-1', rank: 2, overQuota: true, reason: both.reason },
    ]);
    expect(r.unfilled).toEqual([{ specialty: '0700', category: null, quota: 3 }]);
  });

  it('refuses resolutions that do not fit the tie as computed now', () => {
    const base = { round: 'choice-1' as const, specialty: '0100', category: null, reason: 'x' };
    const wrong = allocate(seats, people, { tieResolutions: [{ ...base, admit: ['d'] }] }, opts(2));
    expect(wrong.decisionErrors.map((e) => e.code)).toEqual(['ALLOC_TIE_RESOLUTION_MISMATCH']);
    const withGroup = allocate(seats, people, { tieResolutions: [{ ...base, admit: ['b'], tiedIds: ['b', 'c'] }] }, opts(2));
    expect(withGroup.decisionErrors).toEqual([]);
    // A corrected score puts x into the tie: the decision about {b, c} no longer applies.
    const grown = [...people, ap('x', 85, ['0100'], { interview: 80, written: 70 })];
    const regrown = allocate(seats, grown, { tieResolutions: [{ ...base, admit: ['b'], tiedIds: ['b', 'c'] }] }, opts(2));
    expect(regrown.decisionErrors.map((e) => e.code)).toEqual(['ALLOC_TIE_RESOLUTION_MISMATCH']);
    expect(regrown.ties[0]!.ids).toEqual(['b', 'c', 'x']);
    const none = allocate(seats, people, { tieResolutions: [{ ...base, admit: [] }] }, opts(2));
    expect(none.decisionErrors.map((e) => e.code)).toEqual(['ALLOC_TIE_RESOLUTION_COUNT']);
    const twice = allocate(
      seats,
      people,
      {
        tieResolutions: [
          { ...base, admit: ['b'] },
          { ...base, admit: ['c'] },
        ],
      },
      opts(2),
    );
    expect(twice.decisionErrors.map((e) => e.code)).toEqual(['ALLOC_TIE_RESOLUTION_DUPLICATE']);
    expect(twice.ties).toHaveLength(1);
    const stale = allocate(seats, people, { declined: ['a'], tieResolutions: [{ ...base, admit: ['b'] }] }, opts(2));
    // With a's seat freed, b and c both fit: no tie, the old decision is reported unused.
    expect(stale.ties).toEqual([]);
    expect(stale.warnings.map((w) => w.code)).toEqual(['TIE_RESOLUTION_UNUSED']);
  });
});

describe('allocate: declines', () => {
  // 0100 quota 2: A 95, B 90, C 85, D 80 all choose 0100 first. C and D choose 0700 (quota 1) second.
  const seats: Seats[] = [
    { specialty: '0100', category: null, quota: 2 },
    { specialty: '0700', category: null, quota: 1 },
  ];
  const people = [ap('A', 95, ['0100']), ap('B', 90, ['0100']), ap('C', 85, ['0100', '0700']), ap('D', 80, ['0100', '0700'])];

  it('a decline cascades: C moves up into round 1, so D gets the round-2 seat C had', () => {
    const before = allocate(seats, people, {}, opts(2));
    expect(admitted(before)).toEqual(['A>0100@choice-1#1', 'B>0100@choice-1#2', 'C>0700@choice-2#1']);
    const after = allocate(seats, people, { declined: ['B'] }, opts(2));
    expect(admitted(after)).toEqual(['A>0100@choice-1#1', 'C>0100@choice-1#2', 'D>0700@choice-2#1']);
    expect(reasons(after)).toEqual({ B: 'DECLINED' });
    expect(diffAllocations(before, after)).toEqual([
      {
        kind: 'dropped',
        id: 'B',
        before: { specialty: '0100', category: null, round: 'choice-1', overQuota: false },
        code: 'DECLINED',
        message: expect.stringContaining('放弃'),
      },
      {
        kind: 'moved',
        id: 'C',
        before: { specialty: '0700', category: null, round: 'choice-2', overQuota: false },
        after: { specialty: '0100', category: null, round: 'choice-1', overQuota: false },
      },
      { kind: 'admitted', id: 'D', after: { specialty: '0700', category: null, round: 'choice-2', overQuota: false } },
    ]);
    expect(diffAllocations(after, after)).toEqual([]);
  });

  it('an unknown id in the decline list is a warning, not an error', () => {
    const r = allocate(seats, people, { declined: ['nobody'] }, opts(2));
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'DECISION_UNKNOWN_APPLICANT', id: 'nobody' })]);
  });
});

describe('allocate: 调剂 (adjustment)', () => {
  const seats: Seats[] = [
    { specialty: '0100', category: null, quota: 1 },
    { specialty: '0700', category: null, quota: 2 },
    { specialty: '2000', category: null, quota: 1 },
  ];
  const people = [
    ap('a', 90, ['0100']),
    ap('b', 88, ['0100'], { acceptsAdjustment: true }),
    ap('c', 86, ['0100'], { acceptsAdjustment: true }),
    ap('d', 84, ['0100'], { acceptsAdjustment: false }),
    ap('e', 82, ['0100'], { acceptsAdjustment: true }),
    ap('f', 80, ['0100'], { acceptsAdjustment: true }),
    ap('g', 78, ['0100'], { acceptsAdjustment: true }),
  ];

  it('proposes leftover seats greedily in merit order and admits nobody by itself', () => {
    const r = allocate(seats, people, {}, opts(1));
    expect(admitted(r)).toEqual(['a>0100@choice-1#1']);
    expect(r.proposals).toEqual([
      { id: 'b', specialty: '0700', category: null, order: 1 },
      { id: 'c', specialty: '0700', category: null, order: 2 },
      { id: 'e', specialty: '2000', category: null, order: 3 },
    ]);
    expect(r.unfilled).toEqual([
      { specialty: '0700', category: null, quota: 2 },
      { specialty: '2000', category: null, quota: 1 },
    ]);
    expect(r.notAdmitted.find((n) => n.id === 'b')!.message).toContain('调剂建议');
    expect(r.notAdmitted.find((n) => n.id === 'd')!.message).toContain('不服从调剂');
  });

  it('words each not-admitted applicant by their own seat, reason and 调剂 answer, however many share a text', () => {
    const r = allocate(
      seats,
      [
        ...people,
        ap('x', 70, ['0100'], { eligible: false, ineligibleReason: '现场确认未通过' }),
        ap('y', 69, ['0100'], { eligible: false, ineligibleReason: '缺考' }),
        ap('z', 68, ['0100'], { eligible: false, ineligibleReason: '现场确认未通过' }),
      ],
      {},
      opts(1),
    );
    const message = Object.fromEntries(r.notAdmitted.map((n) => [n.id, n.message]));
    expect(message.b).toBe(message.c);
    expect(message.b).toContain('调剂建议：「0700」');
    expect(message.e).toContain('调剂建议：「2000」');
    expect(message.d).toContain('不服从调剂');
    expect(message.f).toContain('暂无可调剂的名额');
    expect(message.g).toBe(message.f);
    expect(message.x).toBe('资格审核未通过：现场确认未通过，不参与录取。');
    expect(message.y).toBe('资格审核未通过：缺考，不参与录取。');
    expect(message.z).toBe(message.x);
    expect(reasons(r)).toMatchObject({ b: 'NO_SEAT', d: 'NO_SEAT', x: 'INELIGIBLE', y: 'INELIGIBLE' });
  });

  it('manual adjustments are admissions with their reason; proposals cover what is left', () => {
    const r = allocate(
      seats,
      people,
      { manualAdjustments: [{ id: 'e', specialty: '2000', reason: '本人同意调剂至临床病理科' }] },
      opts(1),
    );
    expect(r.admissions.find((a) => a.id === 'e')).toEqual({
      id: 'e',
      specialty: '2000',
      category: null,
      round: 'adjustment',
      rank: 3,
      reason: '本人同意调剂至临床病理科',
    });
    expect(r.proposals.map((p) => `${p.id}>${p.specialty}`)).toEqual(['b>0700', 'c>0700']);
    expect(r.unfilled).toEqual([{ specialty: '0700', category: null, quota: 2 }]);
  });

  it('refuses an adjustment into a full specialty unless over quota is approved', () => {
    const adj = { id: 'f', specialty: '0100', reason: '原专业' };
    const refused = allocate(seats, people, { manualAdjustments: [adj] }, opts(1));
    expect(refused.decisionErrors).toEqual([
      expect.objectContaining({ code: 'ALLOC_OVER_QUOTA', kind: 'manualAdjustment', id: 'f', specialty: '0100' }),
    ]);
    expect(refused.admissions.some((a) => a.id === 'f')).toBe(false);
    const approved = allocate(
      seats,
      people,
      { manualAdjustments: [adj], overQuotaApprovals: [{ id: 'f', specialty: '0100', reason: '省住培办批复' }] },
      opts(1),
    );
    expect(approved.admissions.find((a) => a.id === 'f')).toEqual({
      id: 'f',
      specialty: '0100',
      category: null,
      round: 'adjustment',
      rank: 4,
      overQuota: true,
      reason: '原专业',
      overQuotaReason: '省住培办批复',
    });
  });

  it('refuses adjustments for applicants who refused reassignment, are admitted, unknown, or duplicated', () => {
    const r = allocate(
      seats,
      people,
      {
        manualAdjustments: [
          { id: 'd', specialty: '0700', reason: 'x' },
          { id: 'a', specialty: '0700', reason: 'x' },
          { id: 'zz', specialty: '0700', reason: 'x' },
          { id: 'g', specialty: '0700', reason: 'x' },
          { id: 'g', specialty: '2000', reason: 'y' },
          { id: 'b', specialty: '9999', reason: 'x' },
        ],
        overQuotaApprovals: [{ id: 'c', specialty: '0700', reason: 'unused' }],
      },
      opts(1),
    );
    expect(r.decisionErrors.map((e) => `${e.id}:${e.code}`)).toEqual([
      'a:ALLOC_ADJUST_NOT_AVAILABLE',
      'b:ALLOC_ADJUST_NOT_IN_PLAN',
      'd:ALLOC_ADJUST_NOT_ACCEPTED',
      'g:ALLOC_ADJUST_DUPLICATE',
      'g:ALLOC_ADJUST_DUPLICATE',
      'zz:ALLOC_ADJUST_NOT_AVAILABLE',
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['OVER_QUOTA_APPROVAL_UNUSED']);
    expect(r.admissions).toHaveLength(1);
  });

  it('does not adjust into seats held for an open tie', () => {
    const r = allocate(
      [{ specialty: '0100', category: null, quota: 1 }],
      [ap('x', 80, ['0100']), ap('y', 80, ['0100']), ap('z', 70, ['0900'], { acceptsAdjustment: true })],
      { manualAdjustments: [{ id: 'z', specialty: '0100', reason: 'r' }] },
      opts(1),
    );
    expect(r.decisionErrors.map((e) => e.code)).toEqual(['ALLOC_SEAT_HELD_FOR_TIE']);
    expect(r.proposals).toEqual([]);
  });
});

describe('allocate: quotas split by category', () => {
  const seats: Seats[] = [
    { specialty: '0100', category: '委托培训', quota: 1 },
    { specialty: '0100', category: '自主培训', quota: 1 },
    { specialty: '0700', category: null, quota: 1 },
  ];

  it('applicants compete only for seats of their own category', () => {
    const r = allocate(
      seats,
      [
        ap('a', 95, ['0100'], { category: '委托培训' }),
        ap('b', 90, ['0100', '0700'], { category: '委托培训' }),
        ap('c', 80, ['0100'], { category: '自主培训' }),
        ap('d', 99, ['0100', '0700'], { category: '专业学位硕士' }),
      ],
      {},
      opts(2),
    );
    // b outscores c but c has the 自主培训 seat to herself; d has no 0100 seats for her category.
    expect(admitted(r)).toEqual(['a>0100/委托培训@choice-1#1', 'c>0100/自主培训@choice-1#1', 'd>0700@choice-2#1']);
    expect(reasons(r)).toEqual({ b: 'NO_SEAT' });
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'CHOICE_CATEGORY_NOT_IN_PLAN', id: 'd', specialty: '0100' })]);
    expect(r.explanation.map((e) => [e.round, e.specialty, e.category, e.ranked.map((x) => x.id)])).toEqual([
      ['choice-1', '0100', '委托培训', ['a', 'b']],
      ['choice-1', '0100', '自主培训', ['c']],
      ['choice-2', '0700', null, ['d', 'b']],
    ]);
  });

  it('adjustment proposals respect category rows', () => {
    const r = allocate(
      [
        { specialty: '0100', category: '委托培训', quota: 0 },
        { specialty: '0100', category: '自主培训', quota: 1 },
      ],
      [
        ap('a', 95, ['0100'], { category: '委托培训', acceptsAdjustment: true }),
        ap('b', 60, ['0900'], { category: '自主培训', acceptsAdjustment: true }),
      ],
      {},
      opts(1),
    );
    expect(r.proposals).toEqual([{ id: 'b', specialty: '0100', category: '自主培训', order: 2 }]);
  });
});

describe('allocate: Beijing second window (二次补报)', () => {
  const seats: Seats[] = [
    { specialty: '0100', category: null, quota: 1 },
    { specialty: '0700', category: null, quota: 2 },
    { specialty: '2100', category: null, quota: 1 },
  ];
  const people = [
    ap('a', 90, ['0100', '0200', '0300']),
    ap('b', 88, ['0100'], { acceptsAdjustment: true }),
    ap('c', 86, ['0100'], { acceptsAdjustment: true }),
    ap('d', 70, ['0700']),
  ];
  const secondWindow = { choices: { b: ['2100', '0700'], c: ['2100', '0700'], a: ['0700'], ghost: ['0700'] } };

  it('runs two more choice rounds over the remaining seats, then 调剂 (Beijing order)', () => {
    const r = allocate(seats, people, {}, opts(3, { secondWindow }));
    expect(admitted(r)).toEqual(['a>0100@choice-1#1', 'd>0700@choice-1#1', 'b>2100@second-1#1', 'c>0700@second-2#1']);
    expect(r.unfilled).toEqual([]);
    expect(r.proposals).toEqual([]);
    expect(r.warnings.map((w) => `${w.id}:${w.code}`)).toEqual([
      'a:CHOICE_NOT_IN_PLAN',
      'a:CHOICE_NOT_IN_PLAN',
      'a:SECOND_WINDOW_NOT_ELIGIBLE',
      'ghost:SECOND_WINDOW_UNKNOWN_APPLICANT',
    ]);
    expect(
      r.explanation
        .filter((e) => e.round.startsWith('second'))
        .map((e) => [e.round, e.specialty, e.seatsBefore, e.ranked.map((x) => `${x.id}${x.admitted ? '+' : '-'}`)]),
    ).toEqual([
      ['second-1', '2100', 1, ['b+', 'c-']],
      ['second-2', '0700', 1, ['c+']],
    ]);
  });

  it("stage 'after-adjustment' runs 调剂 on the seats left after the choice rounds, before the second window", () => {
    const r = allocate(
      seats,
      people,
      { manualAdjustments: [{ id: 'c', specialty: '2100', reason: '调剂' }] },
      opts(3, { secondWindow: { ...secondWindow, stage: 'after-adjustment' } }),
    );
    expect(admitted(r)).toEqual(['a>0100@choice-1#1', 'd>0700@choice-1#1', 'c>2100@adjustment#2', 'b>0700@second-2#1']);
    // Default order: the second window takes 2100 first, so the same adjustment is refused as over quota.
    const beijing = allocate(
      seats,
      people,
      { manualAdjustments: [{ id: 'c', specialty: '2100', reason: '调剂' }] },
      opts(3, { secondWindow }),
    );
    expect(beijing.decisionErrors.map((e) => `${e.id}:${e.code}`)).toEqual(['c:ALLOC_ADJUST_NOT_AVAILABLE']);
  });
});

describe('allocate: input validation', () => {
  const seats: Seats[] = [{ specialty: '0100', category: null, quota: 1 }];
  it('throws coded errors for malformed input', () => {
    expect(codeOf(() => allocate(seats, [ap('a', 1, []), ap('a', 2, [])], {}, opts(1)))).toBe('ALLOC_DUPLICATE_APPLICANT');
    expect(codeOf(() => allocate([{ specialty: '0100', category: null, quota: -1 }], [], {}, opts(1)))).toBe('ALLOC_BAD_QUOTA');
    expect(codeOf(() => allocate([{ specialty: '0100', category: null, quota: 1.5 }], [], {}, opts(1)))).toBe('ALLOC_BAD_QUOTA');
    expect(codeOf(() => allocate([...seats, ...seats], [], {}, opts(1)))).toBe('ALLOC_DUPLICATE_SEAT');
    expect(codeOf(() => allocate([...seats, { specialty: '0100', category: '委托培训', quota: 1 }], [], {}, opts(1)))).toBe(
      'ALLOC_MIXED_SPLIT',
    );
    expect(codeOf(() => allocate(seats, [], {}, opts(4)))).toBe('ALLOC_BAD_ROUNDS');
    expect(codeOf(() => allocate(seats, [{ ...ap('a', 1, []), total: 87.5 }], {}, opts(1)))).toBe('ALLOC_BAD_SCORE');
  });

  it('an empty plan or empty applicant list is fine', () => {
    expect(allocate([], [ap('a', 80, ['0100'])], {}, opts(1))).toMatchObject({
      admissions: [],
      notAdmitted: [{ id: 'a', code: 'NO_SEAT' }],
    });
    expect(allocate(seats, [], {}, opts(1))).toMatchObject({ admissions: [], unfilled: seats });
  });
});
