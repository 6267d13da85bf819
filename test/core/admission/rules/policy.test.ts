/**
 * The provinces' admission policy in the pure allocation: who is admitted first at equal totals (Jilin), who
 * decides 调剂 and into what (Jilin's province, Beijing's city), and who sits out the second window (Beijing).
 */
import { describe, expect, it } from 'vitest';
import { allocate, policyOptions, type Seats } from '../../../../src/core/admission/rules';
import { getPreset } from '../../../../src/core/presets';
import { applicant, opts } from './fixtures';

const NAMES = new Map([
  ['0100', '内科'],
  ['0700', '全科'],
  ['AGP', '助理全科'],
  ['L003', '中医'],
  ['L004', '中医全科'],
]);

describe('policy options from the presets', () => {
  it('Jilin: 助理全科 单位人 first at equal totals; 调剂 by the province', () => {
    expect(policyOptions(getPreset('jilin-2024'), NAMES)).toEqual({
      priorities: [{ specialty: 'AGP', category: '单位人' }],
      adjustment: { authority: 'province' },
    });
  });

  it('Beijing: 调剂 by the city, 自主培训 only into 全科, 中医 out of 二次补报', () => {
    expect(policyOptions(getPreset('beijing-2023'), NAMES)).toEqual({
      adjustment: { authority: 'city', limits: [{ category: '自主培训', specialties: ['0700'] }] },
      secondWindowExcluded: ['L003', 'L004'],
    });
  });

  it('Chongqing: the base runs its own 调剂', () => {
    expect(policyOptions(getPreset('chongqing-2022-agp'), NAMES)).toEqual({});
  });
});

describe('Jilin 助理全科: “此类人员同等条件下优先录取。”', () => {
  const seats: Seats[] = [
    { specialty: 'AGP', category: null, quota: 1 },
    { specialty: '0100', category: null, quota: 1 },
  ];
  const priorities = [{ specialty: 'AGP', category: '单位人' }];

  it('at equal totals the 单位人 is admitted, before the interview tie-break', () => {
    const people = [
      applicant('unit', 80, ['AGP'], { category: '单位人', interview: 70 }),
      applicant('social', 80, ['AGP'], { category: '社会人', interview: 90 }),
    ];
    const r = allocate(seats, people, {}, opts(1, { priorities }));
    expect(r.admissions.map((a) => a.id)).toEqual(['unit']);
    expect(r.ties).toEqual([]);
    expect(r.explanation.find((c) => c.specialty === 'AGP')).toMatchObject({ priorityCategory: '单位人' });
    // Without the preference the interview decides.
    expect(allocate(seats, people, {}, opts(1)).admissions.map((a) => a.id)).toEqual(['social']);
  });

  it('a higher total still wins: the preference is only “同等条件下”', () => {
    const people = [
      applicant('unit', 79.99, ['AGP'], { category: '单位人' }),
      applicant('social', 80, ['AGP'], { category: '社会人' }),
    ];
    expect(allocate(seats, people, {}, opts(1, { priorities })).admissions.map((a) => a.id)).toEqual(['social']);
  });

  it('only in 助理全科: 住培 competitions keep their tie-breaks', () => {
    const people = [
      applicant('unit', 80, ['0100'], { category: '单位人', interview: 70 }),
      applicant('social', 80, ['0100'], { category: '社会人', interview: 90 }),
    ];
    expect(allocate(seats, people, {}, opts(1, { priorities })).admissions.map((a) => a.id)).toEqual(['social']);
  });
});

describe('调剂 decided by the province or city', () => {
  const seats: Seats[] = [
    { specialty: '0100', category: null, quota: 1 },
    { specialty: '0700', category: null, quota: 2 },
  ];
  const people = [
    applicant('a', 90, ['0100']),
    applicant('b', 85, ['0100'], { acceptsAdjustment: true }),
    applicant('n', 84, ['0100'], { acceptsAdjustment: false, category: '自主培训' }),
  ];

  it('Jilin “省卫生健康委根据报名招录情况决定是否进行调剂”: the unplaced wait for the province’s outcome', () => {
    const r = allocate(seats, people, {}, opts(1, { adjustment: { authority: 'province' } }));
    expect(r.notAdmitted.find((n) => n.id === 'b')!.message).toContain('调剂由省卫生健康委决定');
    expect(allocate(seats, people, {}, opts(1)).notAdmitted.find((n) => n.id === 'b')!.message).not.toContain('省卫生健康委');
  });

  it('a 自主培训 applicant is only offered 全科 seats', () => {
    const self = [applicant('a', 90, ['0100']), applicant('s', 85, ['0100'], { acceptsAdjustment: true, category: '自主培训' })];
    const more: Seats[] = [{ specialty: '0200', category: null, quota: 1 }, ...seats];
    const limits = [{ category: '自主培训', specialties: ['0700'] }];
    expect(allocate(more, self, {}, opts(1)).proposals).toMatchObject([{ id: 's', specialty: '0200' }]);
    expect(allocate(more, self, {}, opts(1, { adjustment: { authority: 'city', limits } })).proposals).toMatchObject([
      { id: 's', specialty: '0700' },
    ]);
  });

  it('the outcome is recorded as the province’s, with its reference as the reason', () => {
    const r = allocate(
      seats,
      people,
      { manualAdjustments: [{ id: 'b', specialty: '0700', reason: '省卫生健康委调剂结果通知' }] },
      opts(1, { adjustment: { authority: 'province' } }),
    );
    expect(r.admissions.find((a) => a.id === 'b')).toMatchObject({
      specialty: '0700',
      round: 'adjustment',
      assignedBy: 'province',
      reason: '省卫生健康委调剂结果通知',
    });
  });

  it('Beijing “不得以任何理由拒收调剂人员”: the city’s assignment is recorded even against the roster’s 不服从', () => {
    const r = allocate(
      seats,
      people,
      { manualAdjustments: [{ id: 'n', specialty: '0700', reason: '市卫生健康委 8月31日调剂结果' }] },
      opts(1, { adjustment: { authority: 'city', limits: [{ category: '自主培训', specialties: ['0700'] }] } }),
    );
    expect(r.decisionErrors).toEqual([]);
    expect(r.admissions.find((a) => a.id === 'n')).toMatchObject({ specialty: '0700', assignedBy: 'city' });
  });

  it('Beijing “同意调剂至全科的自主培训人员”: a 自主培训 applicant cannot be adjusted into anything but 全科', () => {
    const r = allocate(
      [...seats, { specialty: '0200', category: null, quota: 1 }],
      people,
      { manualAdjustments: [{ id: 'n', specialty: '0200', reason: '市卫生健康委调剂' }] },
      opts(1, { adjustment: { authority: 'city', limits: [{ category: '自主培训', specialties: ['0700'] }] } }),
    );
    expect(r.decisionErrors).toMatchObject([{ code: 'ALLOC_ADJUST_NOT_ALLOWED', id: 'n' }]);
    expect(r.decisionErrors[0]!.message).toContain('只能调剂至「0700」');
    expect(r.admissions.map((a) => a.id)).toEqual(['a']);
  });
});

describe('Beijing 二次补报: “中医专业不参加二次补报。”', () => {
  it('a second-window choice of a 中医 specialty is skipped with a warning; the others still count', () => {
    const seats: Seats[] = [
      { specialty: '0100', category: null, quota: 1 },
      { specialty: 'L004', category: null, quota: 1 },
      { specialty: '0700', category: null, quota: 1 },
    ];
    const people = [applicant('a', 90, ['0100']), applicant('b', 85, ['0100'])];
    const r = allocate(
      seats,
      people,
      {},
      opts(1, { secondWindow: { choices: { b: ['L004', '0700'] } }, secondWindowExcluded: ['L003', 'L004'] }),
    );
    expect(r.admissions.find((a) => a.id === 'b')).toMatchObject({ specialty: '0700', round: 'second-2' });
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'CHOICE_EXCLUDED_SECOND_WINDOW', id: 'b', specialty: 'L004' }),
    );
  });
});
