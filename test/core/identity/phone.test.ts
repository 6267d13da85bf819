import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validatePhone } from '../../../src/core/identity';
import { createRng, makePhone } from '../../../src/core/testdata';

describe('validatePhone', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['138 1234 1234', '13812341234'],
    ['138-1234-1234', '13812341234'],
    ['138.1234.1234', '13812341234'],
    ['(138)12341234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['+86-13812341234', '13812341234'],
    ['(+86)13812341234', '13812341234'],
    ['008613812341234', '13812341234'],
    ['8613812341234', '13812341234'],
    ['１３８１２３４１２３４', '13812341234'],
    ['\u300019912341234 ', '19912341234'],
  ])('accepts %s', (raw, value) => {
    expect(validatePhone(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['empty', '', '为空'],
    ['too short', '1381234123', '实际 10 位'],
    ['too long', '138123412345', '实际 12 位'],
    ['landline', '010-12345678', '位'],
    ['wrong second digit', '12812341234', '不是大陆手机号码'],
    ['letters', '1381234abcd', '非数字'],
    ['Excel scientific notation', '1.38123E+10', '科学计数法'],
  ])('rejects %s with PHONE_FORMAT', (_l, raw, fragment) => {
    const r = validatePhone(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('PHONE_FORMAT');
      expect(r.message).toContain(fragment);
    }
  });

  it('every generated phone validates to itself', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const p = makePhone(createRng(seed));
        expect(validatePhone(p)).toEqual({ ok: true, value: p });
      }),
      { seed: 1, numRuns: 200 },
    );
  });
});
