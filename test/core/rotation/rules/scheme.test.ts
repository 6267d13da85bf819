import { describe, expect, it } from 'vitest';
import { validateScheme } from '../../../../src/core/rotation/rules';
import { row, scheme } from './fixtures';

const codes = (s: Parameters<typeof validateScheme>[0]) => validateScheme(s).map((p) => p.code);

describe('validateScheme', () => {
  it('accepts a 1-year scheme of exactly 12 months', () => {
    expect(validateScheme(scheme(1, [row('内科', 6), row('外科', 6)]))).toEqual([]);
  });

  it('wants 12 / 24 months for 1 / 2 years', () => {
    expect(codes(scheme(1, [row('内科', 11)]))).toEqual(['SCHEME_MONTHS_TOTAL']);
    expect(codes(scheme(2, [row('内科', 12), row('外科', 12)]))).toEqual([]);
    expect(validateScheme(scheme(2, [row('内科', 25)]))[0]!.message).toContain('应为 24 个月，现为 25 个月');
  });

  it('wants 3 years >= 33 months with year 3 >= 9, at most 36', () => {
    expect(codes(scheme(3, [row('内科', 33)]))).toEqual([]);
    expect(codes(scheme(3, [row('内科', 36)]))).toEqual([]);
    const short = validateScheme(scheme(3, [row('内科', 32.5)]));
    expect(short.map((p) => p.code)).toEqual(['SCHEME_YEAR3_SHORT']);
    expect(short[0]!.message).toContain('第3年只有 8.5 个月');
    expect(codes(scheme(3, [row('内科', 36.5)]))).toEqual(['SCHEME_MONTHS_TOTAL']);
  });

  it('wants months in 0.5 steps and names the row', () => {
    const p = validateScheme(scheme(1, [row('内科', 11.75), row('外科', 0.25)]));
    expect(p.filter((x) => x.code === 'SCHEME_HALF_MONTH').map((x) => x.row)).toEqual([0, 1]);
    expect(p[0]!.message).toContain('第1行「内科」');
  });

  it('checks stage rows fit their year (year 3 of a 33-month scheme has 9 months)', () => {
    const s = scheme(3, [row('内科', 23), row('急诊科', 10, { stage: 3 })]);
    const p = validateScheme(s);
    expect(p.map((x) => x.code)).toEqual(['SCHEME_STAGE_OVER']);
    expect(p[0]!.message).toContain('第3年只有 9 个月');
    expect(codes(scheme(1, [row('内科', 6), row('外科', 6, { stage: 2 })]))).toEqual(['SCHEME_STAGE_OVER']);
  });

  it('wants each elective group to be satisfiable by whole rows', () => {
    const ok = scheme(
      1,
      [
        row('内科', 10),
        row('眼科', 1, { kind: 'elective', electiveGroup: 'E' }),
        row('皮肤科', 1, { kind: 'elective', electiveGroup: 'E' }),
      ],
      {
        electiveGroups: [{ name: 'E', months: 2 }],
      },
    );
    expect(validateScheme(ok)).toEqual([]);
    const bad = scheme(
      1,
      [
        row('内科', 9),
        row('眼科', 2, { kind: 'elective', electiveGroup: 'E' }),
        row('皮肤科', 2, { kind: 'elective', electiveGroup: 'E' }),
      ],
      {
        electiveGroups: [{ name: 'E', months: 3 }],
      },
    );
    const p = validateScheme(bad);
    expect(p.map((x) => x.code)).toEqual(['SCHEME_ELECTIVE_UNSATISFIABLE']);
    expect(p[0]).toMatchObject({ group: 'E' });
    expect(codes(scheme(1, [row('内科', 12), row('眼科', 1, { kind: 'elective', electiveGroup: '无' })]))).toEqual([
      'SCHEME_ELECTIVE_UNKNOWN_GROUP',
    ]);
  });

  it('limits 协同单位 to 6 months; 基层 sites do not count', () => {
    const over = scheme(1, [row('内科', 5), row('精神科', 4, { siteType: 'partner' }), row('康复', 3, { siteType: 'partner' })]);
    expect(codes(over)).toEqual(['SCHEME_PARTNER_LIMIT']);
    expect(validateScheme(over)[0]!.message).toContain('至少 7 个月');
    const primary = scheme(1, [row('内科', 2), row('基层实践', 10, { siteType: 'primary' })]);
    expect(validateScheme(primary)).toEqual([]);
    // An elective group that can be filled without the partner row forces nothing.
    const optional = scheme(
      1,
      [
        row('内科', 4),
        row('精神科', 6, { siteType: 'partner' }),
        row('康复', 2, { kind: 'elective', electiveGroup: 'E', siteType: 'partner' }),
        row('眼科', 2, { kind: 'elective', electiveGroup: 'E' }),
      ],
      { electiveGroups: [{ name: 'E', months: 2 }] },
    );
    expect(validateScheme(optional)).toEqual([]);
  });

  it('flags an empty scheme and duplicate standard departments', () => {
    expect(codes(scheme(1, []))).toEqual(['SCHEME_EMPTY']);
    expect(codes(scheme(1, [row('内科', 6), row('内科', 6)]))).toEqual(['SCHEME_DUPLICATE_ROW']);
  });
});
