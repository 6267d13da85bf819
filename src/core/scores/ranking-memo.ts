/**
 * The rankings last computed, reused while the database has not changed: the 成绩排名 screen asks
 * ranking.page again for every page it turns and every filter it sets back, and ranking.show follows on
 * the same data. A ranking is a derived result: everything it shows comes from the database.
 *
 * Whether the database changed is asked of SQLite itself, so no kind of change can be missed, whichever
 * table or column it touches: total_changes() counts every row this connection's statements inserted,
 * updated or deleted (trigger programs included, and writes later rolled back too, which only costs a
 * recomputation), and PRAGMA data_version moves whenever another connection commits (the CLI beside the
 * app). Nothing is kept from inside a transaction: what it wrote may still roll back, and then the counters
 * would match a state that never committed.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ComputedRanking, RankingFilter, RankingInputs } from './ranking-compute';

/** Filters kept per database state: each holds its own ranked groups (what they read is shared). */
const KEPT = 4;

export type RankingMemo = {
  /** The database state now, or null inside a transaction (nothing read there may be kept). */
  state(): string | null;
  /** The ranking for this filter in this state, if it was computed, or can be cut from the whole one. */
  get(state: string, filter: RankingFilter): ComputedRanking | undefined;
  /** What a ranking of the same cohort read in this state, to rank again for another filter. */
  inputsFor(state: string, filter: RankingFilter): RankingInputs | undefined;
  /** Keeps a ranking read in this state, asked with get first (read the state before reading the ranking). */
  put(state: string, filter: RankingFilter, ranking: ComputedRanking): void;
};

type Kept = { state: string; rankings: Map<string, ComputedRanking>; inputs: Map<string, RankingInputs> };

const keyOf = (f: RankingFilter) => JSON.stringify([f.cohortYear ?? null, f.specialty ?? null, f.category ?? null]);
const cohortKeyOf = (f: RankingFilter) => JSON.stringify(f.cohortYear ?? null);
const nothingIn = (state: string): Kept => ({ state, rankings: new Map(), inputs: new Map() });

export function createRankingMemo(raw: Database.Database): RankingMemo {
  let statement: Database.Statement | null = null;
  let kept = nothingIn('');
  return {
    state() {
      if (raw.inTransaction) return null;
      statement ??= raw.prepare('SELECT (SELECT data_version FROM pragma_data_version) AS d, total_changes() AS c');
      const r = statement.get() as { d: number; c: number };
      return `${r.d}:${r.c}`;
    },
    get(state, filter) {
      if (kept.state !== state) {
        // Out of date: let it go now rather than keep it alive while the new one is read.
        kept = nothingIn(state);
        return undefined;
      }
      const exact = kept.rankings.get(keyOf(filter));
      if (exact !== undefined) return exact;
      const whole = kept.rankings.get(keyOf({ cohortYear: filter.cohortYear }));
      return whole === undefined ? undefined : cutFrom(whole, filter);
    },
    inputsFor(state, filter) {
      return kept.state === state ? kept.inputs.get(cohortKeyOf(filter)) : undefined;
    },
    put(state, filter, ranking) {
      // get saw a newer state meanwhile (another call, after a change): this ranking is already out of date.
      if (kept.state !== state) return;
      const key = keyOf(filter);
      // The oldest filter goes first (a Map iterates in insertion order).
      kept.rankings.delete(key);
      if (kept.rankings.size >= KEPT) kept.rankings.delete(kept.rankings.keys().next().value!);
      kept.rankings.set(key, ranking);
      kept.inputs.set(cohortKeyOf(filter), ranking.inputs);
    },
  };
}

/**
 * The filtered ranking out of the whole one, when the filter keeps or drops whole groups: a specialty, or a
 * category where quotas are split by category. A category within groups that are not split ranks only
 * that category's candidates (ranks change), so that one is computed.
 */
function cutFrom(whole: ComputedRanking, f: RankingFilter): ComputedRanking | undefined {
  if (f.category !== undefined && whole.allGroups.some((g) => g.category === null)) return undefined;
  const groups = whole.groups.filter(
    (g) => (f.specialty === undefined || g.specialty === f.specialty) && (f.category === undefined || g.category === f.category),
  );
  return { ...whole, groups };
}
