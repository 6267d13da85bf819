import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/shared/errors';
import { computeTotal, validateComponents, type Component } from '../../../../src/core/scores/rules/components';

const jilin: Component[] = [
  { key: 'written', name: '笔试', max: 100, weight: 60 },
  { key: 'interview', name: '面试', max: 100, weight: 40 },
];
const hubei: Component[] = [
  { key: 'written', name: '笔试', max: 150, weight: 40 },
  { key: 'skills', name: '技能', max: 100, weight: 40 },
  { key: 'interview', name: '面试', max: 100, weight: 20 },
];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'NOT_APP_ERROR';
  }
  return undefined;
}

describe('computeTotal', () => {
  it('Jilin preset: written 85.5 x 60% + interview 90 x 40% = 87.30', () => {
    const r = computeTotal(jilin, { written: 8550, interview: 9000 });
    expect(r).toEqual({ status: 'ok', total: 8730, display: '87.30', exact: '873/10' });
  });

  it('Hubei preset: 120/150 x 40 + 80 x 40% + 90 x 20% = 82.00', () => {
    const r = computeTotal(hubei, { written: 12000, skills: 8000, interview: 9000 });
    expect(r).toEqual({ status: 'ok', total: 8200, display: '82.00', exact: '82' });
  });

  it('rounds a repeating fraction half-up: written 100/150 x 40 = 26.666... -> 26.67', () => {
    const r = computeTotal(hubei, { written: 10000, skills: 0, interview: 0 });
    expect(r).toMatchObject({ status: 'ok', total: 2667, display: '26.67', exact: '80/3' });
    // 50/150 x 40 = 13.333... -> 13.33 (rounds down)
    expect(computeTotal(hubei, { written: 5000, skills: 0, interview: 0 })).toMatchObject({ total: 1333 });
  });

  it('rounds an exact x.xx5 up, where binary floating point would not', () => {
    const tenNinety: Component[] = [
      { key: 'a', name: 'A', max: 100, weight: 10 },
      { key: 'b', name: 'B', max: 100, weight: 90 },
    ];
    // 10.05 x 10% = 1.005 exactly; (1.005).toFixed(2) is '1.00' in floating point.
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(computeTotal(tenNinety, { a: 1005, b: 0 })).toMatchObject({ total: 101, display: '1.01', exact: '201/200' });
    // 87.25 x 50% + 90 x 50% = 88.625 -> 88.63 (banker's rounding would give 88.62)
    const half: Component[] = [
      { key: 'a', name: 'A', max: 100, weight: 50 },
      { key: 'b', name: 'B', max: 100, weight: 50 },
    ];
    expect(computeTotal(half, { a: 8725, b: 9000 })).toMatchObject({ total: 8863, display: '88.63' });
    // 87.24 x 50% + 90 x 50% = 88.62 exactly: no rounding at all
    expect(computeTotal(half, { a: 8724, b: 9000 })).toMatchObject({ total: 8862 });
  });

  it('accepts decimal weights that sum to exactly 100', () => {
    const thirds: Component[] = [
      { key: 'a', name: 'A', max: 100, weight: 33.33 },
      { key: 'b', name: 'B', max: 100, weight: 33.33 },
      { key: 'c', name: 'C', max: 100, weight: 33.34 },
    ];
    expect(computeTotal(thirds, { a: 10000, b: 10000, c: 10000 })).toMatchObject({ total: 10000, display: '100.00' });
  });

  it('reports absent (缺考) distinctly from missing scores; absent wins', () => {
    expect(computeTotal(jilin, { written: 'absent', interview: 9000 })).toEqual({ status: 'absent', absent: ['written'] });
    expect(computeTotal(jilin, { written: 8000 })).toEqual({ status: 'incomplete', missing: ['interview'] });
    expect(computeTotal(hubei, { written: 'absent' })).toEqual({ status: 'absent', absent: ['written'] });
    expect(computeTotal(jilin, { written: 0, interview: 0 })).toMatchObject({ status: 'ok', total: 0, display: '0.00' });
  });

  it('refuses raw scores out of range or for unknown components', () => {
    expect(codeOf(() => computeTotal(jilin, { written: 10001, interview: 0 }))).toBe('SCORE_OUT_OF_RANGE');
    expect(codeOf(() => computeTotal(jilin, { written: 87.5, interview: 0 }))).toBe('SCORE_OUT_OF_RANGE');
    expect(codeOf(() => computeTotal(jilin, { written: -1, interview: 0 }))).toBe('SCORE_OUT_OF_RANGE');
    expect(codeOf(() => computeTotal(jilin, { written: 1, interview: 0, skills: 5 }))).toBe('SCORE_UNKNOWN_COMPONENT');
  });

  it('validates components', () => {
    expect(validateComponents(jilin)).toEqual([]);
    expect(validateComponents(hubei)).toEqual([]);
    const bad = validateComponents([
      { key: 'written', name: '笔试', max: 0, weight: 60 },
      { key: 'interview', name: '面试', max: 100, weight: 30 },
    ]).map((i) => i.code);
    expect(bad).toEqual(['MAX_NOT_POSITIVE', 'WEIGHTS_NOT_100']);
    expect(
      validateComponents([
        { key: 'a', name: 'A', max: 100, weight: 100 },
        { key: 'a', name: 'B', max: 100, weight: 0 },
      ]).map((i) => i.code),
    ).toEqual(['COMPONENT_DUPLICATE_KEY']);
    expect(validateComponents([]).map((i) => i.code)).toEqual(['WEIGHTS_NOT_100']);
    expect(validateComponents([{ key: 'a', name: 'A', max: 100, weight: -10 }]).map((i) => i.code)).toContain('WEIGHT_NEGATIVE');
    expect(codeOf(() => computeTotal([{ key: 'a', name: 'A', max: 100, weight: 99 }], { a: 1 }))).toBe('WEIGHTS_NOT_100');
    expect(codeOf(() => computeTotal([{ key: 'a', name: 'A', max: -1, weight: 100 }], { a: 1 }))).toBe('MAX_NOT_POSITIVE');
  });

  it('property: the total is within 0..100 and never decreases when one raw score increases', () => {
    const raw = fc.record({
      written: fc.integer({ min: 0, max: 15000 }),
      skills: fc.integer({ min: 0, max: 10000 }),
      interview: fc.integer({ min: 0, max: 10000 }),
    });
    fc.assert(
      fc.property(raw, fc.integer({ min: 0, max: 100 }), (r, bump) => {
        const t = computeTotal(hubei, r);
        if (t.status !== 'ok') return false;
        const up = computeTotal(hubei, { ...r, skills: Math.min(10000, r.skills + bump) });
        return t.total >= 0 && t.total <= 10000 && up.status === 'ok' && up.total >= t.total;
      }),
      { seed: 20240701, numRuns: 300 },
    );
  });

  it('property: agrees with an independent integer computation of the rounded total', () => {
    // Hubei total in hundredths = (40*w/150 + 40*s/100 + 20*i/100); scaled by 300 it is an integer.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15000 }),
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 0, max: 10000 }),
        (w, s, i) => {
          const num = 80 * w + 120 * s + 60 * i; // total x 300, in hundredths
          const expected = Math.floor((2 * num + 300) / 600);
          const t = computeTotal(hubei, { written: w, skills: s, interview: i });
          return t.status === 'ok' && t.total === expected;
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
