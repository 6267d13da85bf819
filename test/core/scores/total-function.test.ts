import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalFunction } from '../../../src/core/scores/results';
import { computeTotal, type Component } from '../../../src/core/scores/rules';

const presets: Component[][] = [
  [
    { key: 'written', name: '笔试', max: 100, weight: 60 },
    { key: 'interview', name: '面试', max: 100, weight: 40 },
  ],
  [
    { key: 'written', name: '笔试', max: 150, weight: 40 },
    { key: 'skills', name: '技能', max: 100, weight: 40 },
    { key: 'interview', name: '面试', max: 100, weight: 20 },
  ],
  [
    { key: 'written', name: '笔试', max: 120.5, weight: 33.33 },
    { key: 'skills', name: '技能', max: 77.25, weight: 33.33 },
    { key: 'interview', name: '面试', max: 99.99, weight: 33.34 },
  ],
];

describe('the integer fast path of totals', () => {
  for (const components of presets) {
    it(`equals scoring's exact computeTotal (${components.map((c) => `${c.max}x${c.weight}`).join(' + ')})`, () => {
      const f = totalFunction(components);
      fc.assert(
        fc.property(fc.tuple(...components.map((c) => fc.integer({ min: 0, max: Math.round(c.max * 100) }))), (values) => {
          const raw: Record<string, number> = {};
          components.forEach((c, i) => (raw[c.key] = values[i]!));
          const t = computeTotal(components, raw);
          expect(t.status === 'ok' && t.total).toBe(f(values));
        }),
        { seed: 4, numRuns: 2000 },
      );
    });
  }
});
