import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/testdata';
import { makeRankKeyer } from '../../../../src/core/scores/rules/rank-key';
import { rankCandidates, rankKeys, type RankCandidate } from '../../../../src/core/scores/rules/ranking';

/** Coarse seeded scores, so that equal totals, equal tie-breaks and manual orders all occur. */
function candidates(n: number, seed: number): RankCandidate[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_v, i) => {
    const c: RankCandidate = {
      id: `C${String(rng.int(0, 99_999)).padStart(5, '0')}-${i}`,
      total: rng.int(60, 64) * 100,
      components: { interview: rng.int(7, 8) * 1000, written: rng.int(5, 6) * 1000 },
      category: rng.pick(['单位人', '社会人', null]),
    };
    if (rng.int(0, 9) === 0) c.manualOrder = rng.int(1, 3);
    return c;
  });
}

describe('rankKeys', () => {
  it('orders, ranks and ties exactly as rankCandidates does', () => {
    for (const tieBreaks of [['interview', 'written'], ['category:单位人', 'interview'], []]) {
      for (const seed of [1, 2, 3]) {
        const cs = candidates(300, seed);
        const keyer = makeRankKeyer(tieBreaks);
        const byKeys = rankKeys(cs.map((c) => keyer(c, c.manualOrder)));
        const whole = rankCandidates(cs, tieBreaks);
        expect(byKeys.order.map((k, p) => ({ ...cs[k]!, rank: byKeys.rank[p], tied: byKeys.tied[p] }))).toEqual(whole.ranked);
        expect(byKeys.ties).toEqual(whole.ties);
        expect(whole.ties.length).toBeGreaterThan(0);
      }
    }
  });

  it('ranks nobody when given no keys', () => {
    expect(rankKeys([])).toEqual({ order: [], rank: [], tied: [], ties: [] });
  });
});
