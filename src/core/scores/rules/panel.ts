/**
 * Interview panels (3-5 experts). Each interviewer scores a list of items; the panel score is the mean of
 * the interviewers' scores, optionally trimmed. All arithmetic is exact; one half-up rounding at the end.
 *
 * "Unable to assess" (无法评价) an item excludes that item from that interviewer's score, which is then
 * scaled back to the full item total so that it stays comparable with the other interviewers:
 *
 *   interviewer score = sum(assessed scores) / sum(max of assessed items) x sum(max of all items)
 *
 * An interviewer who could assess no item at all is left out of the panel (listed in `unassessable`).
 *
 * 'trimmed-mean' drops one highest and one lowest interviewer score, and only when at least 5 interviewers
 * scored: with 3 or 4 the trimmed set would be too small to be fairer than the plain mean, so the plain mean
 * is used and the result says so (`applied: 'mean'`).
 */
import { AppError } from '../../../shared/errors';
import { formatHundredths, isHundredths, roundToHundredths, type Hundredths } from './hundredths';
import { maxToHundredths } from './parse-score';
import { add, compare, div, fromInt, mul, toFractionString, ZERO, type Rational } from './rational';

export type PanelMethod = 'mean' | 'trimmed-mean';

export type PanelItem = { key: string; /** full mark of the item in points */ max: number };

export type PanelSheet = {
  interviewer: string;
  /** Score in hundredths of the item's scale, or 'unable' (无法评价). Every item must be present. */
  items: Record<string, Hundredths | 'unable'>;
};

export type InterviewerScore = {
  interviewer: string;
  /** Rounded for display only; the panel score is computed from the exact value. */
  score: Hundredths;
  display: string;
  exact: string;
  assessedItems: number;
  /** Set when the trimmed mean dropped this interviewer's score. */
  dropped?: 'highest' | 'lowest';
};

export type PanelResult =
  | {
      status: 'ok';
      score: Hundredths;
      display: string;
      exact: string;
      requested: PanelMethod;
      /** 'mean' when 'trimmed-mean' was requested with fewer than 5 scoring interviewers. */
      applied: PanelMethod;
      interviewers: InterviewerScore[];
      unassessable: string[];
    }
  | { status: 'incomplete'; missing: Array<{ interviewer: string; item: string }> }
  | { status: 'unassessable'; unassessable: string[] };

export const TRIM_MIN_INTERVIEWERS = 5;

export function aggregatePanel(method: PanelMethod, sheets: readonly PanelSheet[], items: readonly PanelItem[]): PanelResult {
  if (items.length === 0) throw new AppError('PANEL_NO_ITEMS', '面试评分表没有评分项，请先在评分方案中设置评分项。');
  if (sheets.length === 0) throw new AppError('PANEL_NO_SHEETS', '尚无面试官评分，请先录入评分表。');
  const maxByKey = new Map<string, Hundredths>();
  for (const it of items) {
    if (maxByKey.has(it.key))
      throw new AppError('PANEL_DUPLICATE_ITEM', `评分项「${it.key}」重复，请检查评分方案。`, { item: it.key });
    maxByKey.set(it.key, maxToHundredths(it.max));
  }
  const fullTotal = [...maxByKey.values()].reduce((a, b) => a + b, 0);

  const seen = new Set<string>();
  const missing: Array<{ interviewer: string; item: string }> = [];
  const scored: Array<{ interviewer: string; value: Rational; assessed: number }> = [];
  const unassessable: string[] = [];
  for (const sheet of sheets) {
    if (seen.has(sheet.interviewer)) {
      throw new AppError('PANEL_DUPLICATE_INTERVIEWER', `面试官「${sheet.interviewer}」有两份评分表，请删除其中一份。`, {
        interviewer: sheet.interviewer,
      });
    }
    seen.add(sheet.interviewer);
    for (const k of Object.keys(sheet.items)) {
      if (!maxByKey.has(k)) {
        throw new AppError('PANEL_UNKNOWN_ITEM', `面试官「${sheet.interviewer}」的评分表含有未定义的评分项「${k}」。`, {
          interviewer: sheet.interviewer,
          item: k,
        });
      }
    }
    let sum = 0;
    let assessedMax = 0;
    let assessed = 0;
    for (const [key, max] of maxByKey) {
      const v = sheet.items[key];
      if (v === undefined) {
        missing.push({ interviewer: sheet.interviewer, item: key });
      } else if (v !== 'unable') {
        if (!isHundredths(v) || v < 0 || v > max) {
          throw new AppError(
            'SCORE_OUT_OF_RANGE',
            `面试官「${sheet.interviewer}」评分项「${key}」的分数无效：应在 0 到 ${formatHundredths(max)} 之间。`,
            { interviewer: sheet.interviewer, item: key, value: v },
          );
        }
        sum += v;
        assessedMax += max;
        assessed += 1;
      }
    }
    if (assessed === 0) unassessable.push(sheet.interviewer);
    // In points: (sum / assessedMax) x fullTotal / 100. Integers are hundredths, so the ratio is exact.
    else
      scored.push({
        interviewer: sheet.interviewer,
        value: div(mul(fromInt(sum), fromInt(fullTotal)), fromInt(assessedMax * 100)),
        assessed,
      });
  }
  if (missing.length > 0) return { status: 'incomplete', missing };
  if (scored.length === 0) return { status: 'unassessable', unassessable };

  const applied: PanelMethod = method === 'trimmed-mean' && scored.length >= TRIM_MIN_INTERVIEWERS ? 'trimmed-mean' : 'mean';
  // Deterministic choice of which equal score is "the" dropped one: by value, then interviewer name.
  const order = scored
    .map((_s, i) => i)
    .sort((a, b) => compare(scored[a]!.value, scored[b]!.value) || cmp(scored[a]!.interviewer, scored[b]!.interviewer));
  const dropped = new Map<number, 'highest' | 'lowest'>();
  if (applied === 'trimmed-mean') {
    dropped.set(order[0]!, 'lowest');
    dropped.set(order[order.length - 1]!, 'highest');
  }
  let sum = ZERO;
  let count = 0;
  scored.forEach((s, i) => {
    if (!dropped.has(i)) {
      sum = add(sum, s.value);
      count += 1;
    }
  });
  const mean = div(sum, fromInt(count));
  const score = roundToHundredths(mean);
  return {
    status: 'ok',
    score,
    display: formatHundredths(score),
    exact: toFractionString(mean),
    requested: method,
    applied,
    interviewers: scored.map((s, i) => {
      const h = roundToHundredths(s.value);
      const d = dropped.get(i);
      const out: InterviewerScore = {
        interviewer: s.interviewer,
        score: h,
        display: formatHundredths(h),
        exact: toFractionString(s.value),
        assessedItems: s.assessed,
      };
      if (d !== undefined) out.dropped = d;
      return out;
    }),
    unassessable,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
