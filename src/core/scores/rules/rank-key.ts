/**
 * The ordering shared by ranking and admission: total descending, then each tie-break descending, then an
 * optional manual order, and finally the id, which only fixes a stable display order between candidates
 * who are genuinely equal (it never decides anything: such candidates share a rank and are flagged tied).
 *
 * A tie-break is a component key ('interview'), compared descending; a candidate without that component
 * counts as lower than any candidate with it. A tie-break written 'category:<name>' prefers candidates of
 * that category (Jilin: 单位人 "同等条件下优先录取").
 */
import { AppError } from '../../../shared/errors';
import { isHundredths, type Hundredths } from './hundredths';

export const DEFAULT_TIE_BREAKS: readonly string[] = ['interview', 'written'];

export const CATEGORY_TIE_BREAK_PREFIX = 'category:';

export type Rankable = {
  id: string;
  /** Rounded total, hundredths. */
  total: Hundredths;
  components: Record<string, Hundredths>;
  category?: string | null;
};

export type RankKey = {
  id: string;
  total: number;
  /** One value per tie-break, higher is better. */
  tb: number[];
  /** Lower is better; +Infinity when not set. */
  manual: number;
};

type ParsedTieBreak = { kind: 'component'; key: string } | { kind: 'category'; category: string };

/**
 * A key builder for one tie-break list, parsed once: ranking 20,000 candidates calls it 20,000 times.
 * Throws RANK_BAD_TOTAL / RANK_BAD_SCORE for values that are not integer hundredths.
 */
export function makeRankKeyer(tieBreaks: readonly string[]): (c: Rankable, manualOrder?: number) => RankKey {
  const parsed: ParsedTieBreak[] = tieBreaks.map((k) =>
    k.startsWith(CATEGORY_TIE_BREAK_PREFIX)
      ? { kind: 'category', category: k.slice(CATEGORY_TIE_BREAK_PREFIX.length) }
      : { kind: 'component', key: k },
  );
  return (c, manualOrder) => {
    if (!isHundredths(c.total)) {
      throw new AppError(
        'RANK_BAD_TOTAL',
        `考生「${c.id}」的总成绩「${String(c.total)}」无效：应为四舍五入到两位小数后的分数（以百分之一分为单位的整数）。`,
        {
          id: c.id,
        },
      );
    }
    const tb = new Array<number>(parsed.length);
    for (let i = 0; i < parsed.length; i++) {
      const t = parsed[i]!;
      if (t.kind === 'category') {
        tb[i] = (c.category ?? null) === t.category ? 1 : 0;
        continue;
      }
      const v = c.components[t.key];
      if (v === undefined) {
        tb[i] = Number.NEGATIVE_INFINITY;
      } else if (!isHundredths(v)) {
        throw new AppError(
          'RANK_BAD_SCORE',
          `考生「${c.id}」的「${t.key}」成绩「${String(v)}」无效：应为以百分之一分为单位的整数。`,
          {
            id: c.id,
            key: t.key,
          },
        );
      } else {
        tb[i] = v;
      }
    }
    return { id: c.id, total: c.total, tb, manual: manualOrder ?? Number.POSITIVE_INFINITY };
  };
}

export function rankKeyOf(c: Rankable, tieBreaks: readonly string[], manualOrder?: number): RankKey {
  return makeRankKeyer(tieBreaks)(c, manualOrder);
}

/** Negative when a ranks before b. Total order (ends with the id). */
export function compareRankKeys(a: RankKey, b: RankKey): number {
  if (a.total !== b.total) return b.total - a.total;
  for (let i = 0; i < a.tb.length; i++) {
    const x = a.tb[i]!;
    const y = b.tb[i]!;
    if (x !== y) return x > y ? -1 : 1;
  }
  if (a.manual !== b.manual) return a.manual < b.manual ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Equal on everything that decides (total, tie-breaks, manual order): such candidates share a rank. */
export function sameStanding(a: RankKey, b: RankKey): boolean {
  if (a.total !== b.total || a.manual !== b.manual) return false;
  for (let i = 0; i < a.tb.length; i++) if (a.tb[i] !== b.tb[i]) return false;
  return true;
}

/**
 * Competition ranks ("1, 2, 2, 4") for keys already sorted with compareRankKeys.
 * Returns rank per position and whether that position shares its rank with another.
 */
export function competitionRanks(sorted: readonly RankKey[]): { rank: number[]; tied: boolean[] } {
  const rank = new Array<number>(sorted.length);
  const tied = new Array<boolean>(sorted.length).fill(false);
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sameStanding(sorted[i - 1]!, sorted[i]!)) {
      rank[i] = rank[i - 1]!;
      tied[i] = true;
      tied[i - 1] = true;
    } else {
      rank[i] = i + 1;
    }
  }
  return { rank, tied };
}
