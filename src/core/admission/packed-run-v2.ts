/**
 * Reading runs stored in the earlier compact form (`"format": 2`): the long lists as columns of ids beside
 * numbers, the not-admitted messages once each. Nothing writes this form any more (packed-run.ts writes the
 * leaner `"format": 3`); runs saved by earlier versions still read back exactly as they were stored.
 */
import type { StoredRun } from './compute';
import type { CompetitionEntry, NotAdmitted } from './rules';
import { NOT_ADMITTED_CODES } from './packed-run';

export const PACKED_FORMAT_V2 = 2;

/** Numbers per competition entry: total, rank, flags. */
const ENTRY_WIDTH = 3;
const ADMITTED = 1;
const TIED_TRUE = 2;
const TIED_FALSE = 4;

/** Ids beside numbers, entry i being ids[i] and its numbers. */
type Columns = [ids: string[], numbers: Array<number | null>];

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
export function unpackListsV2(
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
