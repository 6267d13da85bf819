import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/shared/errors';
import { parseScore } from '../../../../src/core/scores/rules/parse-score';

describe('parseScore', () => {
  it('reads scores with up to two decimals as hundredths', () => {
    expect(parseScore('87.5', 100)).toEqual({ ok: true, absent: false, value: 8750 });
    expect(parseScore('92.25', 100)).toEqual({ ok: true, absent: false, value: 9225 });
    expect(parseScore('0', 100)).toEqual({ ok: true, absent: false, value: 0 });
    expect(parseScore('100', 100)).toEqual({ ok: true, absent: false, value: 10000 });
    expect(parseScore('120', 150)).toEqual({ ok: true, absent: false, value: 12000 });
    expect(parseScore('.5', 100)).toEqual({ ok: true, absent: false, value: 50 });
    expect(parseScore('87.', 100)).toEqual({ ok: true, absent: false, value: 8700 });
    expect(parseScore('087.50', 100)).toEqual({ ok: true, absent: false, value: 8750 });
  });

  it('accepts numbers (spreadsheet cells) as well as text', () => {
    expect(parseScore(87.55, 100)).toEqual({ ok: true, absent: false, value: 8755 });
    expect(parseScore(0.1 + 0.2, 100)).toMatchObject({ ok: false, code: 'SCORE_TOO_PRECISE' });
  });

  it('normalises full-width digits, the IME full stop, spaces and a trailing 分', () => {
    expect(parseScore('８７．５', 100)).toEqual({ ok: true, absent: false, value: 8750 });
    expect(parseScore('９２。２５', 100)).toEqual({ ok: true, absent: false, value: 9225 });
    expect(parseScore(' 88 ', 100)).toEqual({ ok: true, absent: false, value: 8800 });
    expect(parseScore('\u300088.5\u3000', 100)).toEqual({ ok: true, absent: false, value: 8850 });
    expect(parseScore('88.5分', 100)).toEqual({ ok: true, absent: false, value: 8850 });
    expect(parseScore('88.5 分', 100)).toEqual({ ok: true, absent: false, value: 8850 });
  });

  it('treats 缺考 as absent, distinct from zero', () => {
    expect(parseScore('缺考', 100)).toEqual({ ok: true, absent: true });
    expect(parseScore(' 缺考 ', 100)).toEqual({ ok: true, absent: true });
    expect(parseScore('0', 100)).not.toEqual({ ok: true, absent: true });
  });

  it('accepts trailing zeros beyond two decimals but refuses significant third decimals', () => {
    expect(parseScore('87.500', 100)).toEqual({ ok: true, absent: false, value: 8750 });
    const r = parseScore('87.555', 100);
    expect(r).toMatchObject({ ok: false, code: 'SCORE_TOO_PRECISE' });
    if (!r.ok) expect(r.message).toMatch(/两位小数/);
  });

  it('refuses non-numbers with a Chinese message', () => {
    for (const t of ['', '  ', 'abc', '8 7', '87.5.1', '1e2', '八十', '-', '.', '87,5', 'NaN']) {
      const r = parseScore(t, 100);
      expect(r, t).toMatchObject({ ok: false, code: 'SCORE_NOT_NUMBER' });
      if (!r.ok) expect(r.message).toMatch(/成绩/);
    }
  });

  it('refuses scores out of 0..max', () => {
    expect(parseScore('100.01', 100)).toMatchObject({ ok: false, code: 'SCORE_OUT_OF_RANGE' });
    expect(parseScore('151', 150)).toMatchObject({ ok: false, code: 'SCORE_OUT_OF_RANGE' });
    expect(parseScore('-1', 100)).toMatchObject({ ok: false, code: 'SCORE_OUT_OF_RANGE' });
    expect(parseScore('-0', 100)).toEqual({ ok: true, absent: false, value: 0 });
    expect(parseScore('99999999999999999999', 100)).toMatchObject({ ok: false, code: 'SCORE_OUT_OF_RANGE' });
    const r = parseScore('101', 100);
    if (!r.ok) expect(r.message).toContain('100.00');
  });

  it('refuses a max that is not positive', () => {
    expect(() => parseScore('1', 0)).toThrowError(AppError);
    expect(() => parseScore('1', -5)).toThrowError(/满分/);
    try {
      parseScore('1', 0);
    } catch (e) {
      expect((e as AppError).code).toBe('MAX_NOT_POSITIVE');
    }
  });
});
