import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from '../../../../src/core/util/canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('writes numbers as JavaScript prints them, and -0 as 0', () => {
    expect(canonicalJson([1, 1.5, -0, 1e21, 1e-7, 0.1 + 0.2])).toBe('[1,1.5,0,1e+21,1e-7,0.30000000000000004]');
  });

  it('keeps Chinese text as UTF-8, escapes control characters', () => {
    expect(canonicalJson({ 姓名: '张三', note: 'a\nb"c' })).toBe('{"note":"a\\nb\\"c","姓名":"张三"}');
    expect(canonicalJsonBytes({ 姓名: '张三' }).equals(Buffer.from('{"姓名":"张三"}', 'utf8'))).toBe(true);
  });

  it('sorts keys by UTF-16 code units (RFC 8785 order)', () => {
    expect(canonicalJson({ '\u{1F600}': 1, '\uFF61': 2, b: 3, B: 4 })).toBe('{"B":4,"b":3,"\u{1F600}":1,"\uFF61":2}');
  });

  it.each([
    ['NaN', NaN],
    ['Infinity', { x: -Infinity }],
    ['undefined', { x: undefined }],
    ['undefined in an array', [1, undefined]],
    ['bigint', { x: 1n }],
    ['a function', { f: () => 1 }],
    ['a symbol', [Symbol('s')]],
    ['a Date', { at: new Date(0) }],
    ['a Map', new Map()],
    ['a class instance', new (class Thing {})()],
    ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
  ])('refuses %s with JSON_NOT_CANONICAL', (_label, value) => {
    expect(() => canonicalJson(value, { dropUndefinedKeys: false })).toThrow(
      expect.objectContaining({ code: 'JSON_NOT_CANONICAL' }),
    );
    expect(() => canonicalJsonBytes(value)).toThrow(expect.objectContaining({ code: 'JSON_NOT_CANONICAL' }));
  });

  it('drops undefined object keys by default (audit snapshots), but never undefined array items', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(() => canonicalJson([1, undefined])).toThrow(expect.objectContaining({ code: 'JSON_NOT_CANONICAL' }));
  });

  it('refuses cycles but accepts shared (acyclic) references', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(expect.objectContaining({ code: 'JSON_NOT_CANONICAL' }));
  });

  it('names where the bad value is', () => {
    expect(() => canonicalJson({ rows: [{ ok: 1 }, { score: NaN }] })).toThrow(
      expect.objectContaining({ details: { path: '$.rows[1].score' } }),
    );
  });

  it('round-trips any JSON value and is a fixed point (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { seed: 20250701, numRuns: 300 },
    );
  });

  it('does not depend on key insertion order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
