/**
 * Ranking candidates by rounded total (the published figure) with tie-breaks. Candidates still equal after
 * every tie-break are never separated at random: they share a rank, carry `tied: true` and are listed in
 * `ties` for a person to decide (recorded as `manualOrder`, which only orders candidates within a tie).
 * Their display order inside the tie is by id (code-unit order), which is stable but means nothing.
 */
import { AppError } from '../../../shared/errors';
import type { Hundredths } from './hundredths';
import { compareRankKeys, competitionRanks, DEFAULT_TIE_BREAKS, makeRankKeyer, type RankKey } from './rank-key';

export type RankCandidate = {
  id: string;
  /** Rounded total in hundredths (TotalResult.total). */
  total: Hundredths;
  components: Record<string, Hundredths>;
  /** A decision that orders candidates within a tie (lower first). Never overrides total or tie-breaks. */
  manualOrder?: number;
  /** Only needed for 'category:<name>' tie-breaks. */
  category?: string | null;
};

export type Ranked<T> = T & {
  /** 1-based competition rank: equal candidates share it, the next rank skips (1, 2, 2, 4). */
  rank: number;
  /** True when another candidate has the same rank after every tie-break. */
  tied: boolean;
};

export type Tie = { rank: number; ids: string[] };

export type RankResult<T> = { ranked: Array<Ranked<T>>; ties: Tie[] };

export function rankCandidates<T extends RankCandidate>(
  candidates: readonly T[],
  tieBreaks: readonly string[] = DEFAULT_TIE_BREAKS,
): RankResult<T> {
  const keyer = makeRankKeyer(tieBreaks);
  const seen = new Set<string>();
  const keys: RankKey[] = candidates.map((c) => {
    if (seen.has(c.id)) throw new AppError('RANK_DUPLICATE_ID', `考生编号「${c.id}」重复出现，请检查成绩表。`, { id: c.id });
    seen.add(c.id);
    checkManualOrder(c.id, c.manualOrder);
    return keyer(c, c.manualOrder);
  });
  const { order, rank, tied, ties } = rankKeys(keys);
  // Object.assign, not spread: `{ ...c, rank }` is ~20x slower on V8 here (70 ms for 20,000 candidates).
  const ranked = order.map((at, p): Ranked<T> => Object.assign({}, candidates[at]!, { rank: rank[p]!, tied: tied[p]! }));
  return { ranked, ties };
}

/** A manual order is a number that sorts: NaN or Infinity would order nothing the same way twice. */
export function checkManualOrder(id: string, manualOrder: number | undefined): void {
  if (manualOrder !== undefined && !Number.isFinite(manualOrder)) {
    throw new AppError('RANK_BAD_MANUAL_ORDER', `考生「${id}」的人工排序值无效，应为数字。`, { id });
  }
}

/**
 * The ranking of keys built with makeRankKeyer (unique ids): order[p] is the index into keys of the
 * candidate at position p (best first), with the competition rank and tie flag per position, and the ties.
 * rankCandidates is this plus one object per candidate; a caller that keeps candidates elsewhere (columns
 * of a table) can rank without them.
 */
export function rankKeys(keys: readonly RankKey[]): { order: number[]; rank: number[]; tied: boolean[]; ties: Tie[] } {
  const order = new Array<number>(keys.length);
  for (let k = 0; k < keys.length; k++) order[k] = k;
  order.sort((a, b) => compareRankKeys(keys[a]!, keys[b]!));
  const sorted = order.map((k) => keys[k]!);
  const { rank, tied } = competitionRanks(sorted);
  const ties: Tie[] = [];
  for (let p = 0; p < sorted.length; p++) {
    if (!tied[p]) continue;
    const last = ties[ties.length - 1];
    if (last !== undefined && last.rank === rank[p]) last.ids.push(sorted[p]!.id);
    else ties.push({ rank: rank[p]!, ids: [sorted[p]!.id] });
  }
  return { order, rank, tied, ties };
}

export type GroupRankResult<T> = { groupKey: string } & RankResult<T>;

/** Composite group key for the usual grouping: specialty, and category when quotas are split by category. */
export function groupKeyOf(specialty: string, category: string | null = null): string {
  return category === null ? specialty : `${specialty}/${category}`;
}

/**
 * Rank separately within each group (per specialty, or per specialty and category via groupKeyOf).
 * Groups come back ordered by groupKey (code-unit order).
 */
export function rankByGroup<T extends RankCandidate & { groupKey: string }>(
  candidates: readonly T[],
  tieBreaks: readonly string[] = DEFAULT_TIE_BREAKS,
): Array<GroupRankResult<T>> {
  const groups = new Map<string, T[]>();
  for (const c of candidates) {
    const g = groups.get(c.groupKey);
    if (g === undefined) groups.set(c.groupKey, [c]);
    else g.push(c);
  }
  return [...groups.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((groupKey) => ({ groupKey, ...rankCandidates(groups.get(groupKey)!, tieBreaks) }));
}

/** A tie at the last seat(s) decided on the admission side: who was tied, who got the seat(s). */
export type DecidedTie<D> = { specialty: string; admit: readonly string[]; tiedIds?: readonly string[]; decision: D };

/**
 * Which open ties of one ranking group a recorded admission decision settles, per member. A decision
 * settles a tie when it names the same specialty and exactly the tie's members who can be admitted (the
 * others never competed for the seat); a decision recorded without its tied list settles a tie that holds
 * everyone it admitted. A tie the decision does not match (scores changed since) stays open.
 */
export function settledTies<D>(
  specialty: string,
  ties: readonly Tie[],
  decisions: ReadonlyArray<DecidedTie<D>>,
  admissible: (id: string) => boolean,
): Map<string, { admitted: boolean; decision: D }> {
  const out = new Map<string, { admitted: boolean; decision: D }>();
  for (const tie of ties) {
    const members = new Set(tie.ids);
    const competing = tie.ids.filter(admissible);
    const d = decisions.find((x) => x.specialty === specialty && settles(x, members, competing));
    if (d === undefined) continue;
    for (const id of tie.ids) out.set(id, { admitted: d.admit.includes(id), decision: d.decision });
  }
  return out;
}

function settles<D>(d: DecidedTie<D>, members: ReadonlySet<string>, competing: readonly string[]): boolean {
  if (!d.admit.every((id) => members.has(id))) return false;
  if (d.tiedIds === undefined) return d.admit.length > 0;
  const tied = new Set(d.tiedIds);
  return competing.length === tied.size && competing.every((id) => tied.has(id));
}
