/**
 * Parsing one typed score (an interviewer's entry, a cell of an imported sheet). Input noise that people
 * really produce is normalised: full-width digits and point (８７．５), the Chinese full stop typed by an
 * IME in Chinese punctuation mode (87。5), surrounding spaces, a trailing 分. A space inside a
 * number (8 7) is refused: it is more likely a lost decimal point than noise. Anything else is refused with a reason,
 * never guessed: a score is not a place for silent repair.
 */
import { AppError } from '../../../shared/errors';
import { formatHundredths, type Hundredths } from './hundredths';

export type ScoreErrorCode = 'SCORE_NOT_NUMBER' | 'SCORE_OUT_OF_RANGE' | 'SCORE_TOO_PRECISE';

export type ParseScoreResult =
  | { ok: true; absent: false; value: Hundredths }
  /** 缺考: the candidate did not sit this part. Distinct from 0, which is a score. */
  | { ok: true; absent: true }
  | { ok: false; code: ScoreErrorCode; message: string };

export const ABSENT_MARK = '缺考';

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Max as hundredths; the max must be a positive number with at most two decimals. */
export function maxToHundredths(max: number): Hundredths {
  const h = Math.round(max * 100);
  if (!Number.isFinite(max) || max <= 0 || Math.abs(h - max * 100) > 1e-6 || !Number.isSafeInteger(h)) {
    throw new AppError('MAX_NOT_POSITIVE', `满分「${max}」无效：满分必须是大于 0 的数，最多两位小数。`, { max });
  }
  return h;
}

/**
 * Parse a score out of `max` points. Returns hundredths (87.5 -> 8750). Trailing zeros beyond two decimals
 * are accepted (87.500 is exactly 87.5, as spreadsheets export it); significant third decimals are not.
 */
export function parseScore(text: string | number, max: number): ParseScoreResult {
  const maxH = maxToHundredths(max);
  const original = String(text);
  const t = original
    .normalize('NFKC')
    .trim()
    .replace(/。/g, '.')
    .replace(/\s*分$/, '');
  if (t === ABSENT_MARK) return { ok: true, absent: true };
  const m = NUMBER.exec(t);
  if (m === null || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) {
    return {
      ok: false,
      code: 'SCORE_NOT_NUMBER',
      message:
        original.trim() === ''
          ? '成绩为空：请填写分数（最多两位小数），缺考请填「缺考」。'
          : `「${original}」不是有效的成绩：请填写数字（最多两位小数），缺考请填「缺考」。`,
    };
  }
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > 2) {
    return {
      ok: false,
      code: 'SCORE_TOO_PRECISE',
      message: `成绩「${original}」小数位过多：最多保留两位小数（如 87.25），请按评分规则取舍后重新填写。`,
    };
  }
  const intPart = (m[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  // Guard against absurd lengths before converting: anything this long is out of range anyway.
  const value = intPart.length > 12 ? Number.POSITIVE_INFINITY : Number(intPart) * 100 + Number(frac.padEnd(2, '0'));
  const signed = m[1] === '-' ? -value : value;
  if (signed < 0 || signed > maxH) {
    return {
      ok: false,
      code: 'SCORE_OUT_OF_RANGE',
      message: `成绩「${original}」超出范围：应在 0 到 ${formatHundredths(maxH)} 之间，请核对后重新填写。`,
    };
  }
  return { ok: true, absent: false, value: signed === 0 ? 0 : signed };
}
