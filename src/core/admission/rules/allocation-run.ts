/**
 * The state one allocation run shares between its stages: the seat book, every applicant's standing in
 * merit order, and the result lists each stage appends to.
 */
import { compareRankKeys, makeRankKeyer, type RankKey } from '../../scores/rules/rank-key';
import { text } from './messages';
import { SeatBook, type SeatState } from './seat-book';
import { duplicateApplicant } from './validate';
import type {
  Admission,
  AllocationRound,
  AllocationWarning,
  Applicant,
  Competition,
  DecisionError,
  Decisions,
  OpenTie,
  Options,
  Proposal,
  Seats,
  TieResolution,
} from './types';

export type Status = 'pending' | 'admitted' | 'held' | 'ineligible' | 'declined';

export type State = {
  readonly a: Applicant;
  readonly key: RankKey;
  status: Status;
  /** Position in merit order (set after sorting). */
  order: number;
  /** Merit rank among the 调剂 pool, when in it. */
  merit: number;
  /** Resolved plan row per main choice round (null: no usable choice that round). */
  main: Array<SeatState | null>;
  second: Array<SeatState | null>;
  tie?: OpenTie;
  admission?: Admission;
  proposal?: Proposal;
};

export type ResolutionSlot = {
  res: TieResolution | null /* null: duplicated */;
  used: boolean;
  round: AllocationRound;
  specialty: string;
  category: string | null;
};

export type Run = {
  readonly book: SeatBook;
  readonly decisions: Decisions;
  readonly options: Options;
  /** Every applicant, in merit order. */
  readonly states: State[];
  readonly byId: Map<string, State>;
  /** Tie resolutions keyed by competition (`resolutionKey`). */
  readonly resolutions: Map<string, ResolutionSlot>;
  readonly warnings: AllocationWarning[];
  readonly decisionErrors: DecisionError[];
  readonly admissions: Admission[];
  readonly explanation: Competition[];
  readonly ties: OpenTie[];
  readonly proposals: Proposal[];
  /** Specialty code -> the category admitted first there at equal totals (Options.priorities). */
  readonly priorities: ReadonlyMap<string, string>;
};

export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function resolutionKey(round: AllocationRound, specialty: string, category: string | null): string {
  return `${round}\u0001${specialty}\u0001${category ?? '\u0000'}`;
}

export function startRun(seats: readonly Seats[], applicants: readonly Applicant[], decisions: Decisions, options: Options): Run {
  const run: Run = {
    book: new SeatBook(seats),
    decisions,
    options,
    states: [],
    byId: new Map(),
    resolutions: resolutionSlots(decisions.tieResolutions ?? []),
    warnings: [],
    decisionErrors: [],
    admissions: [],
    explanation: [],
    ties: [],
    proposals: [],
    priorities: new Map((options.priorities ?? []).map((p) => [p.specialty, p.category])),
  };
  const declined = new Set(decisions.declined ?? []);
  const keyer = makeRankKeyer(options.tieBreaks);
  for (const a of applicants) {
    const s: State = {
      a,
      key: keyer(a),
      status: !a.eligible ? 'ineligible' : declined.has(a.id) ? 'declined' : 'pending',
      order: 0,
      merit: 0,
      main: [],
      second: [],
      // Declared up front so every State keeps one hidden class (measurably faster at 20,000 applicants).
      tie: undefined,
      admission: undefined,
      proposal: undefined,
    };
    if (run.byId.has(a.id)) throw duplicateApplicant(a.id);
    run.byId.set(a.id, s);
    run.states.push(s);
  }
  // Merit order (ends with id): visiting applicants in this order makes every group come out pre-sorted.
  run.states.sort((x, y) => compareRankKeys(x.key, y.key));
  run.states.forEach((s, i) => (s.order = i));
  for (const id of [...declined].sort(byString)) {
    if (!run.byId.has(id)) {
      run.warnings.push({ code: 'DECISION_UNKNOWN_APPLICANT', id, message: text.unknownApplicant(id, '放弃名单') });
    }
  }
  return run;
}

function resolutionSlots(resolutions: readonly TieResolution[]): Map<string, ResolutionSlot> {
  const slots = new Map<string, ResolutionSlot>();
  for (const r of resolutions) {
    const k = resolutionKey(r.round, r.specialty, r.category);
    const prev = slots.get(k);
    if (prev === undefined) slots.set(k, { res: r, used: false, round: r.round, specialty: r.specialty, category: r.category });
    else prev.res = null;
  }
  return slots;
}

export function admit(
  run: Run,
  s: State,
  row: SeatState,
  round: AllocationRound,
  rank: number,
  extra: Partial<Admission> = {},
): void {
  run.book.take(row);
  s.status = 'admitted';
  const adm: Admission = Object.assign(
    { id: s.a.id, specialty: row.seat.specialty, category: row.seat.category, round, rank },
    extra,
  );
  s.admission = adm;
  run.admissions.push(adm);
}
