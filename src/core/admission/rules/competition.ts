/**
 * One round of competitions: every pending applicant is grouped under the plan row their pick names, and
 * each row admits its group from the top while seats last. A tie straddling the last seat(s) stops the
 * competition there unless a tie resolution decides it; the tie then holds the row's seats.
 */
import { compareRankKeys, competitionRanks, type RankKey } from '../../scores/rules/rank-key';
import { ROUND_LABEL, seatLabel } from './messages';
import type { SeatState } from './seat-book';
import { admit, byString, resolutionKey, type Run, type State } from './allocation-run';
import type { AllocationRound, Competition, CompetitionEntry, DecisionError, OpenTie, TieResolution } from './types';

export function runRound(run: Run, round: AllocationRound, pick: (s: State) => SeatState | null | undefined): void {
  const groups = new Map<SeatState, State[]>();
  for (const s of run.states) {
    if (s.status !== 'pending') continue;
    const row = pick(s);
    if (row == null) continue;
    const g = groups.get(row);
    if (g === undefined) groups.set(row, [s]);
    else g.push(s);
  }
  for (const row of run.book.rows) {
    const g = groups.get(row);
    if (g !== undefined) compete(run, round, row, g);
  }
}

/**
 * The competitors in this row's order: merit order, except where the preset admits a category first at
 * equal totals in this specialty (Jilin 助理全科 单位人); that preference then precedes the other tie-breaks.
 */
function ordered(run: Run, row: SeatState, merit: State[]): { list: State[]; keys: RankKey[] } {
  const first = run.priorities.get(row.seat.specialty);
  if (first === undefined) return { list: merit, keys: merit.map((s) => s.key) };
  const keyed = merit.map((s) => ({ s, k: { ...s.key, tb: [s.a.category === first ? 1 : 0, ...s.key.tb] } }));
  keyed.sort((x, y) => compareRankKeys(x.k, y.k));
  return { list: keyed.map((x) => x.s), keys: keyed.map((x) => x.k) };
}

/** One competition: ranked competitors (in merit order) for one plan row in one round. */
function compete(run: Run, round: AllocationRound, row: SeatState, merit: State[]): void {
  const { list, keys } = ordered(run, row, merit);
  const { rank, tied } = competitionRanks(keys);
  const held = row.heldBy !== null;
  const seatsBefore = held ? 0 : row.remaining;
  let left = seatsBefore;
  let i = 0;
  while (i < list.length && left > 0) {
    let j = i + 1;
    while (j < list.length && rank[j] === rank[i]) j++;
    if (j - i <= left) {
      for (let x = i; x < j; x++) admit(run, list[x]!, row, round, rank[x]!);
      left -= j - i;
      i = j;
      continue;
    }
    settleTie(run, round, row, list.slice(i, j), rank[i]!, left);
    break;
  }
  const entry: Competition = {
    round,
    specialty: row.seat.specialty,
    category: row.seat.category,
    seatsBefore,
    ranked: list.map((s, x) => {
      const e: CompetitionEntry = {
        id: s.a.id,
        total: s.a.total,
        rank: rank[x]!,
        admitted: s.admission !== undefined && s.admission.round === round,
      };
      if (tied[x]) e.tied = true;
      return e;
    }),
  };
  if (held) entry.heldForTie = true;
  const first = run.priorities.get(row.seat.specialty);
  if (first !== undefined) entry.priorityCategory = first;
  run.explanation.push(entry);
}

/** A tied group larger than the seats left: admit by the recorded resolution if it fits, else hold the seats. */
function settleTie(run: Run, round: AllocationRound, row: SeatState, group: State[], rank: number, seatsLeft: number): void {
  const { specialty, category } = row.seat;
  const ids = group.map((s) => s.a.id).sort(byString);
  const slot = run.resolutions.get(resolutionKey(round, specialty, category));
  if (slot !== undefined) {
    slot.used = true;
    const problem = resolutionProblem(slot.res, round, specialty, category, ids, seatsLeft);
    if (problem === null) {
      applyResolution(run, slot.res!, row, round, group, rank, seatsLeft);
      return;
    }
    run.decisionErrors.push(problem);
  }
  const tie: OpenTie = { round, specialty, category, seatsLeft, ids, total: group[0]!.a.total, rank };
  run.ties.push(tie);
  row.heldBy = tie;
  for (const s of group) {
    s.status = 'held';
    s.tie = tie;
  }
}

function applyResolution(
  run: Run,
  res: TieResolution,
  row: SeatState,
  round: AllocationRound,
  group: State[],
  rank: number,
  seatsLeft: number,
): void {
  const chosen = new Set(res.admit);
  const overQuota = res.admit.length > seatsLeft;
  for (const s of group) {
    if (chosen.has(s.a.id))
      admit(run, s, row, round, rank, overQuota ? { overQuota: true, reason: res.reason } : { reason: res.reason });
  }
}

/** Why a recorded tie resolution cannot decide this tie, or null when it can. */
function resolutionProblem(
  res: TieResolution | null,
  round: AllocationRound,
  specialty: string,
  category: string | null,
  ids: string[],
  seatsLeft: number,
): DecisionError | null {
  const base = { kind: 'tieResolution' as const, round, specialty, category };
  const where = `${seatLabel(specialty, category)}${ROUND_LABEL[round]}`;
  if (res === null) {
    return { ...base, code: 'ALLOC_TIE_RESOLUTION_DUPLICATE', message: `${where}的同分有多条决定，请只保留一条。` };
  }
  const chosen = new Set(res.admit);
  const inTie = new Set(ids);
  const sameGroup = res.tiedIds === undefined || (res.tiedIds.length === ids.length && res.tiedIds.every((id) => inTie.has(id)));
  if (!sameGroup || chosen.size !== res.admit.length || res.admit.some((id) => !inTie.has(id))) {
    return {
      ...base,
      code: 'ALLOC_TIE_RESOLUTION_MISMATCH',
      message: `${where}的同分决定与本次计算的同分考生（${ids.join('、')}）不一致，请重新决定。`,
    };
  }
  if (res.admit.length < seatsLeft) {
    return {
      ...base,
      code: 'ALLOC_TIE_RESOLUTION_COUNT',
      message: `${where}剩余 ${seatsLeft} 个名额，同分决定只录取了 ${res.admit.length} 人：应录取 ${seatsLeft} 人（或经批准超计划录取更多）。`,
    };
  }
  if (res.admit.length > seatsLeft && res.overflowApproved !== true) {
    return {
      ...base,
      code: 'ALLOC_OVER_QUOTA',
      message: `${where}剩余 ${seatsLeft} 个名额，同分决定录取 ${res.admit.length} 人，超出计划；如确需超计划录取，请先获批准并勾选“超计划批准”。`,
    };
  }
  return null;
}
