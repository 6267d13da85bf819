import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/shared/errors';
import { computeTotal, type Component } from '../../../../src/core/scores/rules/components';
import { groupKeyOf, rankByGroup, rankCandidates, type RankCandidate } from '../../../../src/core/scores/rules/ranking';

function c(id: string, total: number, interview?: number, written?: number, extra: Partial<RankCandidate> = {}): RankCandidate {
  const components: Record<string, number> = {};
  if (interview !== undefined) components.interview = interview;
  if (written !== undefined) components.written = written;
  return { id, total, components, ...extra };
}

const summary = (r: ReturnType<typeof rankCandidates>) => r.ranked.map((x) => `${x.id}:${x.rank}${x.tied ? '*' : ''}`);

describe('rankCandidates', () => {
  it('orders by total descending with competition ranks', () => {
    const r = rankCandidates([c('a', 8000, 1, 1), c('b', 9000, 1, 1), c('c', 8500, 1, 1)]);
    expect(summary(r)).toEqual(['b:1', 'c:2', 'a:3']);
    expect(r.ties).toEqual([]);
  });

  it('breaks equal totals by interview, then written (default tie-breaks)', () => {
    const r = rankCandidates([c('a', 8500, 8000, 9000), c('b', 8500, 9000, 8000), c('c', 8500, 8000, 9500)]);
    expect(summary(r)).toEqual(['b:1', 'c:2', 'a:3']);
  });

  it('honours custom tie-break order', () => {
    const r = rankCandidates([c('a', 8500, 8000, 9000), c('b', 8500, 9000, 8000)], ['written']);
    expect(summary(r)).toEqual(['a:1', 'b:2']);
  });

  it('candidates equal after every tie-break share a rank, are flagged, and keep id order', () => {
    const r = rankCandidates([
      c('z', 8500, 8000, 9000),
      c('m', 9000, 1, 1),
      c('b', 8500, 8000, 9000),
      c('x', 8000, 1, 1),
      c('k', 8500, 8000, 9000),
    ]);
    expect(summary(r)).toEqual(['m:1', 'b:2*', 'k:2*', 'z:2*', 'x:5']);
    expect(r.ties).toEqual([{ rank: 2, ids: ['b', 'k', 'z'] }]);
  });

  it('manualOrder decides within a tie only', () => {
    const r = rankCandidates([
      c('a', 8500, 8000, 9000, { manualOrder: 2 }),
      c('b', 8500, 8000, 9000, { manualOrder: 1 }),
      c('c', 8600, 1, 1, { manualOrder: 99 }),
    ]);
    expect(summary(r)).toEqual(['c:1', 'b:2', 'a:3']);
    expect(r.ties).toEqual([]);
    // A partial decision: the one with a manual order goes first, the two without stay tied.
    const p = rankCandidates([c('a', 8500, 8000, 9000), c('b', 8500, 8000, 9000), c('c', 8500, 8000, 9000, { manualOrder: 1 })]);
    expect(summary(p)).toEqual(['c:1', 'a:2*', 'b:2*']);
  });

  it('a missing tie-break component counts lower than any score', () => {
    const r = rankCandidates([c('a', 8500, undefined, 9000), c('b', 8500, 0, 0)]);
    expect(summary(r)).toEqual(['b:1', 'a:2']);
  });

  it("'category:<name>' prefers that category at equal standing (Jilin 单位人同等条件下优先)", () => {
    const r = rankCandidates(
      [
        c('a', 8500, 8000, 9000, { category: '社会人' }),
        c('b', 8500, 8000, 9000, { category: '单位人' }),
        c('d', 8600, 0, 0, { category: '社会人' }),
      ],
      ['interview', 'written', 'category:单位人'],
    );
    expect(summary(r)).toEqual(['d:1', 'b:2', 'a:3']);
  });

  it('ranks on the rounded total: 87.304 and 87.296 both publish as 87.30 and are equal', () => {
    const preset: Component[] = [
      { key: 'written', name: '笔试', max: 150, weight: 40 },
      { key: 'interview', name: '面试', max: 100, weight: 60 },
    ];
    // written 9174 x 40/150 + 0.6 x 8430: 24.464 + 50.58 = 75.044 ; written 9171: 24.456 + 50.58 = 75.036
    const t1 = computeTotal(preset, { written: 9174, interview: 8430 });
    const t2 = computeTotal(preset, { written: 9171, interview: 8430 });
    expect(t1).toMatchObject({ total: 7504 });
    expect(t2).toMatchObject({ total: 7504 });
    if (t1.status !== 'ok' || t2.status !== 'ok') throw new Error('expected ok');
    const r = rankCandidates([
      { id: 'p', total: t2.total, components: { interview: 8430, written: 9171 } },
      { id: 'q', total: t1.total, components: { interview: 8430, written: 9174 } },
    ]);
    // Equal published totals and equal interview: written decides, not the hidden third decimal of the total.
    expect(summary(r)).toEqual(['q:1', 'p:2']);
    const noWritten = rankCandidates(
      [
        { id: 'p', total: t2.total, components: { interview: 8430 } },
        { id: 'q', total: t1.total, components: { interview: 8430 } },
      ],
      ['interview'],
    );
    expect(noWritten.ties).toEqual([{ rank: 1, ids: ['p', 'q'] }]);
  });

  it('is independent of input order', () => {
    const list = [c('a', 8000, 1, 2), c('b', 8000, 1, 2), c('c', 9000, 5, 5), c('d', 8000, 2, 1), c('e', 7000, 0, 0)];
    const expected = rankCandidates(list);
    expect(rankCandidates([...list].reverse())).toEqual(expected);
  });

  it('refuses unrounded totals and duplicate ids', () => {
    expect(() => rankCandidates([c('a', 87.3)])).toThrowError(AppError);
    expect(() => rankCandidates([c('a', 8730), c('a', 8000)])).toThrowError(/重复/);
  });
});

describe('rankByGroup', () => {
  it('ranks within each specialty / category group, groups in key order', () => {
    const r = rankByGroup([
      { ...c('a', 9000, 1, 1), groupKey: groupKeyOf('0700') },
      { ...c('b', 8000, 1, 1), groupKey: groupKeyOf('0100', '委托培训') },
      { ...c('c', 8500, 1, 1), groupKey: groupKeyOf('0100', '委托培训') },
      { ...c('d', 9500, 1, 1), groupKey: groupKeyOf('0100', '自主培训') },
      { ...c('e', 8500, 1, 1), groupKey: groupKeyOf('0700') },
      { ...c('f', 8500, 1, 1), groupKey: groupKeyOf('0700') },
    ]);
    expect(r.map((g) => [g.groupKey, g.ranked.map((x) => `${x.id}:${x.rank}${x.tied ? '*' : ''}`)])).toEqual([
      ['0100/委托培训', ['c:1', 'b:2']],
      ['0100/自主培训', ['d:1']],
      ['0700', ['a:1', 'e:2*', 'f:2*']],
    ]);
    expect(r[2]!.ties).toEqual([{ rank: 2, ids: ['e', 'f'] }]);
  });
});
