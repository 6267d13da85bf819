/**
 * The compact form a run is stored in (admission_runs.result_json, `"format": 2`). The long lists of a result,
 * one entry per applicant and per competition entry (about 100,000 for 20,000 applicants), are stored as
 * columns (an array of ids beside an array of numbers) instead of one object per entry, and the not-admitted
 * messages (a handful of distinct sentences shared by thousands) once each. Everything else keeps the plain
 * shape of StoredRun. For 20,000 applicants the plain form's 6 MB become under 2.5 MB, cheaper to write,
 * read and check; the plain form written by earlier versions is still read (stored-run.ts tells them apart).
 */
import type { StoredRun } from './compute';
import type { CompetitionEntry, NotAdmitted, NotAdmittedCode } from './rules';

export const PACKED_FORMAT = 2;

export const NOT_ADMITTED_CODES: readonly NotAdmittedCode[] = ['INELIGIBLE', 'DECLINED', 'NO_SEAT', 'AWAITING_TIE'];
const CODE_INDEX = new Map(NOT_ADMITTED_CODES.map((c, i) => [c, i]));

/** Numbers per competition entry: total, rank, flags. */
const ENTRY_WIDTH = 3;
const ADMITTED = 1;
/** `tied` is absent, true or false: kept apart so the entry reads back exactly as it was written. */
const TIED_TRUE = 2;
const TIED_FALSE = 4;

/** Ids beside numbers, entry i being ids[i] and its numbers. */
type Columns = [ids: string[], numbers: Array<number | null>];

export type PackedRun = {
  format: typeof PACKED_FORMAT;
  /** StoredRun.totals: the applicant ids and their totals. */
  totals: Columns;
  messages: string[];
  /** Per not-admitted applicant: the id, then the code's and the message's index (two numbers each). */
  notAdmitted: Columns;
  /** Per competition of result.explanation: the ids, then total, rank and flags of each entry. */
  ranked: Columns[];
  /** The rest of the run, with the packed lists left empty. */
  run: StoredRun;
};

function packNotAdmitted(list: readonly NotAdmitted[], messages: string[]): Columns {
  const messageIndex = new Map<string, number>();
  // Filled by push: `new Array(n)` of this size is a sparse (dictionary) array that JSON.stringify crawls.
  const ids: string[] = [];
  const numbers: number[] = [];
  for (const n of list) {
    let m = messageIndex.get(n.message);
    if (m === undefined) {
      m = messages.length;
      messages.push(n.message);
      messageIndex.set(n.message, m);
    }
    ids.push(n.id);
    numbers.push(CODE_INDEX.get(n.code)!, m);
  }
  return [ids, numbers];
}

function packEntries(entries: readonly CompetitionEntry[]): Columns {
  const ids: string[] = [];
  const numbers: number[] = [];
  for (const e of entries) {
    ids.push(e.id);
    numbers.push(
      e.total,
      e.rank,
      (e.admitted ? ADMITTED : 0) | (e.tied === true ? TIED_TRUE : e.tied === false ? TIED_FALSE : 0),
    );
  }
  return [ids, numbers];
}

/** The JSON text a run is stored as. */
export function packStoredRun(stored: StoredRun): string {
  // Keys once, then plain lookups: entries() of a 20,000-key object allocates a pair per key.
  const ids = Object.keys(stored.totals);
  const totals = ids.map((id) => stored.totals[id]!);
  const messages: string[] = [];
  const r = stored.result;
  const packed: PackedRun = {
    format: PACKED_FORMAT,
    totals: [ids, totals],
    messages,
    notAdmitted: packNotAdmitted(r.notAdmitted, messages),
    ranked: r.explanation.map((c) => packEntries(c.ranked)),
    run: {
      ...stored,
      totals: {},
      result: { ...r, notAdmitted: [], explanation: r.explanation.map((c) => ({ ...c, ranked: [] })) },
    },
  };
  return JSON.stringify(packed);
}

const isIndex = (v: unknown, size: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < size;

/** Ids and numbers of one column pair, `width` numbers per id; null when they do not fit. */
function columns(v: unknown, width: number): Columns | null {
  if (!Array.isArray(v) || v.length !== 2) return null;
  const [ids, numbers] = v as [unknown, unknown];
  if (!Array.isArray(ids) || !Array.isArray(numbers) || numbers.length !== ids.length * width) return null;
  for (const id of ids) if (typeof id !== 'string') return null;
  return [ids as string[], numbers as Array<number | null>];
}

/** The packed lists checked and unpacked into the run; null when they do not fit together (a damaged row). */
export function unpackLists(
  p: { totals: unknown; messages: readonly unknown[]; notAdmitted: unknown; ranked: readonly unknown[] },
  run: StoredRun,
): StoredRun | null {
  if (!p.messages.every((m) => typeof m === 'string')) return null;
  const totals = unpackTotals(p.totals);
  const notAdmitted = unpackNotAdmitted(p.notAdmitted, p.messages as string[]);
  const explanation = run.result.explanation;
  if (totals === null || notAdmitted === null || p.ranked.length !== explanation.length) return null;
  const competitions = [];
  for (let c = 0; c < explanation.length; c++) {
    const ranked = unpackEntries(p.ranked[c]);
    if (ranked === null) return null;
    competitions.push({ ...explanation[c]!, ranked });
  }
  return { ...run, totals, result: { ...run.result, notAdmitted, explanation: competitions } };
}

function unpackTotals(packed: unknown): Record<string, number | null> | null {
  const cols = columns(packed, 1);
  if (cols === null) return null;
  const [ids, values] = cols;
  const totals: Record<string, number | null> = {};
  for (let i = 0; i < ids.length; i++) {
    const t = values[i];
    if (t !== null && typeof t !== 'number') return null;
    totals[ids[i]!] = t!;
  }
  return totals;
}

function unpackNotAdmitted(packed: unknown, messages: readonly string[]): NotAdmitted[] | null {
  const cols = columns(packed, 2);
  if (cols === null) return null;
  const [ids, numbers] = cols;
  const out: NotAdmitted[] = [];
  for (let i = 0; i < ids.length; i++) {
    const code: unknown = numbers[2 * i];
    const message: unknown = numbers[2 * i + 1];
    if (!isIndex(code, NOT_ADMITTED_CODES.length) || !isIndex(message, messages.length)) return null;
    out.push({ id: ids[i]!, code: NOT_ADMITTED_CODES[code]!, message: messages[message]! });
  }
  return out;
}

function unpackEntries(packed: unknown): CompetitionEntry[] | null {
  const cols = columns(packed, ENTRY_WIDTH);
  if (cols === null) return null;
  const [ids, numbers] = cols;
  const out: CompetitionEntry[] = [];
  for (let i = 0; i < ids.length; i++) {
    const k = i * ENTRY_WIDTH;
    const total: unknown = numbers[k];
    const rank: unknown = numbers[k + 1];
    const flags: unknown = numbers[k + 2];
    if (typeof total !== 'number' || typeof rank !== 'number' || !isIndex(flags, 8)) return null;
    const e: CompetitionEntry = { id: ids[i]!, total, rank, admitted: (flags & ADMITTED) !== 0 };
    if ((flags & TIED_TRUE) !== 0) e.tied = true;
    else if ((flags & TIED_FALSE) !== 0) e.tied = false;
    out.push(e);
  }
  return out;
}
