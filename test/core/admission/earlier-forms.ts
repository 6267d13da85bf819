/**
 * The compact form earlier versions stored a run in (`"format": 2`), written here as they wrote it, so the
 * tests can check that such runs still read back exactly: the app itself no longer writes it.
 */
import type { StoredRun } from '../../../src/core/admission/compute';
import type { CompetitionEntry, NotAdmitted } from '../../../src/core/admission/rules';

const CODES = ['INELIGIBLE', 'DECLINED', 'NO_SEAT', 'AWAITING_TIE'];

type Columns = [ids: string[], numbers: Array<number | null>];

function notAdmittedColumns(list: readonly NotAdmitted[], messages: string[]): Columns {
  const ids: string[] = [];
  const numbers: number[] = [];
  for (const n of list) {
    if (!messages.includes(n.message)) messages.push(n.message);
    ids.push(n.id);
    numbers.push(CODES.indexOf(n.code), messages.indexOf(n.message));
  }
  return [ids, numbers];
}

function entryColumns(entries: readonly CompetitionEntry[]): Columns {
  const flags = (e: CompetitionEntry) => (e.admitted ? 1 : 0) | (e.tied === true ? 2 : e.tied === false ? 4 : 0);
  return [entries.map((e) => e.id), entries.flatMap((e) => [e.total, e.rank, flags(e)])];
}

/** A run in the `"format": 2` text earlier versions stored. */
export function packFormat2(stored: StoredRun): string {
  const ids = Object.keys(stored.totals);
  const messages: string[] = [];
  const r = stored.result;
  return JSON.stringify({
    format: 2,
    totals: [ids, ids.map((id) => stored.totals[id])],
    messages,
    notAdmitted: notAdmittedColumns(r.notAdmitted, messages),
    ranked: r.explanation.map((c) => entryColumns(c.ranked)),
    run: {
      ...stored,
      totals: {},
      result: { ...r, notAdmitted: [], explanation: r.explanation.map((c) => ({ ...c, ranked: [] })) },
    },
  });
}
