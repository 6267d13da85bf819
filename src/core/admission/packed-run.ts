/**
 * The compact form a run is stored in (admission_runs.result_json, `"format": 3`). The long lists of a result
 * (one entry per applicant, per admission and per competition entry: about 90,000 for 20,000 applicants) are
 * stored as flat arrays of small numbers: each applicant is named by a position in one list of ids written
 * once, the seats, rounds, codes and messages (a handful of distinct values shared by thousands) by an index
 * into a small table, and a competition entry's total only when it is not the applicant's own. Everything
 * else keeps the plain shape of StoredRun. For 20,000 applicants the 1.9 MB of the earlier compact form
 * (`"format": 2`, still read: packed-run-v2.ts) become about 1 MB, and reading it back allocates no string
 * per entry. The plain form of the first versions is still read too (stored-run.ts tells them apart).
 */
import type { StoredRun } from './compute';
import type { Admission, AllocationRound, CompetitionEntry, NotAdmitted, NotAdmittedCode } from './rules';

export const PACKED_FORMAT = 3;

export const NOT_ADMITTED_CODES: readonly NotAdmittedCode[] = ['INELIGIBLE', 'DECLINED', 'NO_SEAT', 'AWAITING_TIE'];
const CODE_INDEX = new Map(NOT_ADMITTED_CODES.map((c, i) => [c, i]));
const CODES = NOT_ADMITTED_CODES.length;

const PACKED_ROUNDS: readonly AllocationRound[] = ['choice-1', 'choice-2', 'choice-3', 'adjustment', 'second-1', 'second-2'];
const ROUND_INDEX = new Map(PACKED_ROUNDS.map((r, i) => [r, i]));

/** Flags of a competition entry, below its rank (rank * FLAG_SPAN + flags). */
const ADMITTED = 1;
/** `tied` is absent, true or false: kept apart so the entry reads back exactly as it was written. */
const TIED_TRUE = 2;
const TIED_FALSE = 4;
/** The entry's total follows as its own number: it is not the applicant's total (none, or another). */
const OWN_TOTAL = 8;
const FLAG_SPAN = 16;

/** Numbers per admission: position, seat, round, rank. */
const ADMISSION_WIDTH = 4;

/** The fields every admission has; any other (overQuota, reason, ...) is kept beside it as it was. */
const ADMISSION_FIELDS: ReadonlySet<string> = new Set(['id', 'specialty', 'category', 'round', 'rank']);

export type PackedRun = {
  format: typeof PACKED_FORMAT;
  /** Every applicant the lists name: StoredRun.totals' ids first, in their order, then any other. */
  ids: string[];
  /** StoredRun.totals: the totals of the first totals.length ids. */
  totals: Array<number | null>;
  messages: string[];
  /** Per not-admitted applicant: the position, then message index * 4 + code index. */
  notAdmitted: number[];
  /** The specialty and category of each seat an admission names. */
  seats: Array<[specialty: string, category: string | null]>;
  /** Per admission: the position, the seat's and the round's index, the rank. */
  admissions: number[];
  /** The further fields of an admission that has any, by the admission's index. */
  admissionExtras: Array<[index: number, fields: Record<string, unknown>]>;
  /** Per competition of result.explanation, per entry: the position, rank * 16 + flags[, its own total]. */
  ranked: number[][];
  /** The rest of the run, with the packed lists left empty. */
  run: StoredRun;
};

/** Positions of ids, the list growing as new ids are named. */
function positions(ids: string[]): (id: string) => number {
  const at = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) at.set(ids[i]!, i);
  return (id) => {
    let p = at.get(id);
    if (p === undefined) {
      p = ids.length;
      ids.push(id);
      at.set(id, p);
    }
    return p;
  };
}

function indexer<T>(table: T[], keyOf: (v: T) => string): (v: T) => number {
  const at = new Map<string, number>();
  return (v) => {
    const key = keyOf(v);
    let i = at.get(key);
    if (i === undefined) {
      i = table.length;
      table.push(v);
      at.set(key, i);
    }
    return i;
  };
}

function packNotAdmitted(list: readonly NotAdmitted[], pos: (id: string) => number, messages: string[]): number[] {
  const message = indexer(messages, (m) => m);
  // Filled by push: `new Array(n)` of this size is a sparse (dictionary) array that JSON.stringify crawls.
  const out: number[] = [];
  for (const n of list) out.push(pos(n.id), message(n.message) * CODES + CODE_INDEX.get(n.code)!);
  return out;
}

function packAdmissions(list: readonly Admission[], pos: (id: string) => number, packed: PackedRun): void {
  const seat = indexer(packed.seats, (s) => `${s[0]}\u0001${s[1] ?? '\u0000'}`);
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    packed.admissions.push(pos(a.id), seat([a.specialty, a.category]), ROUND_INDEX.get(a.round)!, a.rank);
    let extra: Record<string, unknown> | null = null;
    for (const k in a) {
      if (!ADMISSION_FIELDS.has(k)) (extra ??= {})[k] = a[k as keyof Admission];
    }
    if (extra !== null) packed.admissionExtras.push([i, extra]);
  }
}

function packEntries(
  entries: readonly CompetitionEntry[],
  pos: (id: string) => number,
  totals: ReadonlyArray<number | null>,
): number[] {
  const out: number[] = [];
  for (const e of entries) {
    const at = pos(e.id);
    // By position: a lookup in the 20,000-key totals object cost more than the rest of the packing.
    const own = at >= totals.length || totals[at] !== e.total;
    const flags =
      (e.admitted ? ADMITTED : 0) | (e.tied === true ? TIED_TRUE : e.tied === false ? TIED_FALSE : 0) | (own ? OWN_TOTAL : 0);
    out.push(at, e.rank * FLAG_SPAN + flags);
    if (own) out.push(e.total);
  }
  return out;
}

/** The JSON text a run is stored as. */
export function packStoredRun(stored: StoredRun): string {
  // Keys once, then plain lookups: entries() of a 20,000-key object allocates a pair per key.
  const ids = Object.keys(stored.totals);
  const totals = ids.map((id) => stored.totals[id]!);
  const pos = positions(ids);
  const r = stored.result;
  const packed: PackedRun = {
    format: PACKED_FORMAT,
    ids,
    totals,
    messages: [],
    notAdmitted: [],
    seats: [],
    admissions: [],
    admissionExtras: [],
    ranked: [],
    run: {
      ...stored,
      totals: {},
      result: { ...r, admissions: [], notAdmitted: [], explanation: r.explanation.map((c) => ({ ...c, ranked: [] })) },
    },
  };
  packed.notAdmitted = packNotAdmitted(r.notAdmitted, pos, packed.messages);
  packAdmissions(r.admissions, pos, packed);
  packed.ranked = r.explanation.map((c) => packEntries(c.ranked, pos, totals));
  return JSON.stringify(packed);
}

const isIndex = (v: unknown, size: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < size;

const isNumbers = (v: unknown, width: number): v is number[] =>
  Array.isArray(v) && v.length % width === 0 && v.every((x) => typeof x === 'number');

/** The lists of a compact run as read, before they are checked. */
export type PackedLists = {
  ids: unknown;
  totals: unknown;
  messages: unknown;
  notAdmitted: unknown;
  seats: unknown;
  admissions: unknown;
  admissionExtras: unknown;
  ranked: unknown;
};

/** The packed lists checked and unpacked into the run; null when they do not fit together (a damaged row). */
export function unpackLists(p: PackedLists, run: StoredRun): StoredRun | null {
  const { ids, messages, seats } = p;
  if (!isStrings(ids) || !isStrings(messages) || !isSeats(seats) || !Array.isArray(p.ranked)) return null;
  const totals = unpackTotals(p.totals, ids);
  const notAdmitted = unpackNotAdmitted(p.notAdmitted, ids, messages);
  const admissions = unpackAdmissions(p.admissions, p.admissionExtras, ids, seats);
  const explanation = run.result.explanation;
  if (totals === null || notAdmitted === null || admissions === null || p.ranked.length !== explanation.length) return null;
  const competitions = [];
  for (let c = 0; c < explanation.length; c++) {
    const ranked = unpackEntries(p.ranked[c], ids, totals);
    if (ranked === null) return null;
    competitions.push({ ...explanation[c]!, ranked });
  }
  return { ...run, totals, result: { ...run.result, admissions, notAdmitted, explanation: competitions } };
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

const isSeats = (v: unknown): v is Array<[string, string | null]> =>
  Array.isArray(v) &&
  v.every((s) => Array.isArray(s) && s.length === 2 && typeof s[0] === 'string' && (s[1] === null || typeof s[1] === 'string'));

function unpackTotals(packed: unknown, ids: readonly string[]): Record<string, number | null> | null {
  if (!Array.isArray(packed) || packed.length > ids.length) return null;
  const totals: Record<string, number | null> = {};
  for (let i = 0; i < packed.length; i++) {
    const t: unknown = packed[i];
    if (t !== null && typeof t !== 'number') return null;
    totals[ids[i]!] = t;
  }
  return totals;
}

function unpackNotAdmitted(packed: unknown, ids: readonly string[], messages: readonly string[]): NotAdmitted[] | null {
  if (!isNumbers(packed, 2)) return null;
  const out: NotAdmitted[] = [];
  for (let i = 0; i < packed.length; i += 2) {
    const at = packed[i];
    const m = packed[i + 1]!;
    if (!isIndex(at, ids.length) || !isIndex(m, messages.length * CODES)) return null;
    out.push({ id: ids[at]!, code: NOT_ADMITTED_CODES[m % CODES]!, message: messages[Math.floor(m / CODES)]! });
  }
  return out;
}

function unpackAdmissions(
  packed: unknown,
  extras: unknown,
  ids: readonly string[],
  seats: ReadonlyArray<[string, string | null]>,
): Admission[] | null {
  if (!isNumbers(packed, ADMISSION_WIDTH) || !Array.isArray(extras)) return null;
  const out: Admission[] = [];
  for (let i = 0; i < packed.length; i += ADMISSION_WIDTH) {
    const [at, seat, round, rank] = [packed[i], packed[i + 1], packed[i + 2], packed[i + 3]!];
    if (!isIndex(at, ids.length) || !isIndex(seat, seats.length) || !isIndex(round, PACKED_ROUNDS.length)) return null;
    const [specialty, category] = seats[seat]!;
    out.push({ id: ids[at]!, specialty, category, round: PACKED_ROUNDS[round]!, rank });
  }
  for (const x of extras) {
    if (!Array.isArray(x) || x.length !== 2 || !isIndex(x[0], out.length) || !addFields(out[x[0]]!, x[1])) return null;
  }
  return out;
}

/** An admission's further fields added to it; false when they are not an object or would replace a packed one. */
function addFields(a: Admission, fields: unknown): boolean {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return false;
  const target = a as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) {
    // `__proto__` as a plain key would set the prototype, not a field.
    if (ADMISSION_FIELDS.has(k) || k === '__proto__') return false;
    target[k] = v;
  }
  return true;
}

function unpackEntries(
  packed: unknown,
  ids: readonly string[],
  totals: Readonly<Record<string, number | null>>,
): CompetitionEntry[] | null {
  if (!isNumbers(packed, 1)) return null;
  const out: CompetitionEntry[] = [];
  let i = 0;
  while (i < packed.length) {
    const at = packed[i]!;
    const code = packed[i + 1];
    if (!isIndex(at, ids.length) || !isIndex(code, Number.MAX_SAFE_INTEGER)) return null;
    const flags = code % FLAG_SPAN;
    const id = ids[at]!;
    const total = (flags & OWN_TOTAL) !== 0 ? packed[i + 2] : totals[id];
    if (typeof total !== 'number') return null;
    const e: CompetitionEntry = { id, total, rank: Math.floor(code / FLAG_SPAN), admitted: (flags & ADMITTED) !== 0 };
    if ((flags & TIED_TRUE) !== 0) e.tied = true;
    else if ((flags & TIED_FALSE) !== 0) e.tied = false;
    out.push(e);
    i += (flags & OWN_TOTAL) !== 0 ? 3 : 2;
  }
  return out;
}
