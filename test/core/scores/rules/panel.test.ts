import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../../src/shared/errors';
import { aggregatePanel, type PanelItem, type PanelSheet } from '../../../../src/core/scores/rules/panel';

// Three items, full total 100: 病例分析 40, 临床思维 30, 沟通 30.
const items: PanelItem[] = [
  { key: 'case', max: 40 },
  { key: 'reasoning', max: 30 },
  { key: 'communication', max: 30 },
];

/** A sheet whose items add up to `total` points (split 40/30/30 proportionally enough for tests). */
function sheet(interviewer: string, c: number, r: number, m: number): PanelSheet {
  return { interviewer, items: { case: c * 100, reasoning: r * 100, communication: m * 100 } };
}

describe('aggregatePanel', () => {
  const five = [
    sheet('甲', 32, 24, 24), // 80
    sheet('乙', 34, 25, 26), // 85
    sheet('丙', 36, 27, 27), // 90
    sheet('丁', 28, 21, 21), // 70
    sheet('戊', 38, 28, 29), // 95
  ];

  it('mean of five interviewers', () => {
    const r = aggregatePanel('mean', five, items);
    expect(r).toMatchObject({ status: 'ok', score: 8400, display: '84.00', applied: 'mean', requested: 'mean' });
  });

  it('trimmed mean with five interviewers drops one highest and one lowest', () => {
    const r = aggregatePanel('trimmed-mean', five, items);
    expect(r).toMatchObject({ status: 'ok', score: 8500, display: '85.00', applied: 'trimmed-mean' });
    if (r.status !== 'ok') throw new Error('expected ok');
    expect(r.interviewers.filter((i) => i.dropped).map((i) => [i.interviewer, i.dropped])).toEqual([
      ['丁', 'lowest'],
      ['戊', 'highest'],
    ]);
  });

  it('trimmed mean with four interviewers falls back to the plain mean, and says so', () => {
    const four = five.slice(0, 4); // 80 85 90 70
    const r = aggregatePanel('trimmed-mean', four, items);
    expect(r).toMatchObject({ status: 'ok', score: 8125, display: '81.25', requested: 'trimmed-mean', applied: 'mean' });
    if (r.status === 'ok') expect(r.interviewers.some((i) => i.dropped)).toBe(false);
  });

  it('trimmed mean drops only one of several equal extremes', () => {
    const r = aggregatePanel(
      'trimmed-mean',
      [sheet('a', 32, 24, 24), sheet('b', 32, 24, 24), sheet('c', 32, 24, 24), sheet('d', 36, 27, 27), sheet('e', 36, 27, 27)],
      items,
    );
    // 80 80 80 90 90 -> drop one 80 and one 90 -> (80+80+90)/3 = 83.333... -> 83.33
    expect(r).toMatchObject({ status: 'ok', score: 8333, exact: '250/3' });
  });

  it('rounds the exact mean half-up once', () => {
    // 80.5, 80, 80 -> 240.5 / 3 = 80.1666... -> 80.17
    const r = aggregatePanel(
      'mean',
      [
        { interviewer: 'a', items: { case: 3250, reasoning: 2400, communication: 2400 } },
        sheet('b', 32, 24, 24),
        sheet('c', 32, 24, 24),
      ],
      items,
    );
    expect(r).toMatchObject({ status: 'ok', score: 8017, exact: '481/6' });
  });

  it("'unable' excludes the item and scales the rest to the full item total", () => {
    // 乙 could not assess 病例分析: (25 + 26) / (30 + 30) x 100 = 85
    const r = aggregatePanel(
      'mean',
      [sheet('甲', 32, 24, 24), { interviewer: '乙', items: { case: 'unable', reasoning: 2500, communication: 2600 } }],
      items,
    );
    expect(r).toMatchObject({ status: 'ok', score: 8250 }); // (80 + 85) / 2
    if (r.status === 'ok') expect(r.interviewers[1]).toMatchObject({ interviewer: '乙', score: 8500, assessedItems: 2 });
    // (33 + 25) / (40 + 30) x 100 = 82.857142... -> 82.86
    const r2 = aggregatePanel(
      'mean',
      [{ interviewer: '丙', items: { case: 3300, reasoning: 'unable', communication: 2500 } }],
      items,
    );
    expect(r2).toMatchObject({ status: 'ok', score: 8286, exact: '580/7' });
  });

  it('an interviewer who could assess nothing is left out; none at all is unassessable', () => {
    const allUnable: PanelSheet = { interviewer: '丁', items: { case: 'unable', reasoning: 'unable', communication: 'unable' } };
    const r = aggregatePanel('mean', [sheet('甲', 32, 24, 24), allUnable], items);
    expect(r).toMatchObject({ status: 'ok', score: 8000, unassessable: ['丁'] });
    expect(aggregatePanel('mean', [allUnable], items)).toEqual({ status: 'unassessable', unassessable: ['丁'] });
  });

  it('missing items make the panel incomplete', () => {
    const r = aggregatePanel('mean', [sheet('甲', 32, 24, 24), { interviewer: '乙', items: { case: 3000 } }], items);
    expect(r).toEqual({
      status: 'incomplete',
      missing: [
        { interviewer: '乙', item: 'reasoning' },
        { interviewer: '乙', item: 'communication' },
      ],
    });
  });

  it('refuses malformed sheets', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as AppError).code;
      }
      return undefined;
    };
    expect(code(() => aggregatePanel('mean', [sheet('甲', 41, 24, 24)], items))).toBe('SCORE_OUT_OF_RANGE');
    expect(code(() => aggregatePanel('mean', [sheet('甲', 32, 24, 24), sheet('甲', 32, 24, 24)], items))).toBe(
      'PANEL_DUPLICATE_INTERVIEWER',
    );
    expect(code(() => aggregatePanel('mean', [{ interviewer: '甲', items: { case: 1, other: 1 } }], items))).toBe(
      'PANEL_UNKNOWN_ITEM',
    );
    expect(code(() => aggregatePanel('mean', [], items))).toBe('PANEL_NO_SHEETS');
    expect(code(() => aggregatePanel('mean', [sheet('甲', 1, 1, 1)], []))).toBe('PANEL_NO_ITEMS');
  });
});
