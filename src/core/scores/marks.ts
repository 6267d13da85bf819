/**
 * Interview marks are append-only facts. Each local change is an event in this station's chain and its
 * projection into interview_marks / interview_absences; events received from other stations are projected
 * by the same function, so a score looks the same whichever way it arrived, and projecting twice is a no-op.
 */
import { z } from 'zod';
import type { Tx } from '../context';
import { parseJsonAs, stringList } from '../util/json';
import type { StoredEvent } from '../audit/events';
import type { InterviewAbsenceTable, InterviewMarkTable } from './tables';

export const MARK_ACTION = 'interview.mark';
export const ABSENT_ACTION = 'interview.absent';

/** A mark event's payload, as stored in the audit chain (and as imported from a station's signed bundle). */
const markPayloadSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  candidateId: z.string(),
  interviewer: z.string(),
  item: z.string(),
  value: z.number().nullable(),
  unable: z.boolean(),
  supersedes: z.array(z.string()),
  reason: z.string().nullable().optional(),
});
export type MarkPayload = z.infer<typeof markPayloadSchema>;

const absentPayloadSchema = z.object({ id: z.string(), sessionId: z.string(), candidateId: z.string() });
export type AbsentPayload = z.infer<typeof absentPayloadSchema>;

type FactEvent = Pick<StoredEvent, 'id' | 'station_id' | 'actor' | 'hlc' | 'action' | 'after_json' | 'reason'>;

/**
 * The payload of a fact event. A caller that already parsed after_json (the bundle import, which reads every
 * payload once to check whose it is) passes it in; the schema check is the same either way, and a payload
 * that fails it is read again from the text so the error is the stored-JSON reader's own.
 */
function factPayload<T>(schema: z.ZodType<T>, e: FactEvent, parsed: unknown): T {
  if (parsed !== undefined) {
    const r = schema.safeParse(parsed);
    if (r.success) return r.data;
  }
  return parseJsonAs(schema, e.after_json ?? 'null', 'events.after_json');
}

/** The interview_marks row a mark event projects to (one mapping for local and imported events). */
export function markRowOf(e: FactEvent, parsed?: unknown): InterviewMarkTable {
  const p = factPayload(markPayloadSchema, e, parsed);
  return {
    id: p.id,
    station_id: e.station_id,
    event_id: e.id,
    session_id: p.sessionId,
    candidate_id: p.candidateId,
    interviewer: p.interviewer,
    item_key: p.item,
    value: p.value,
    unable: p.unable ? 1 : 0,
    supersedes_json: JSON.stringify([...p.supersedes].sort()),
    reason: p.reason ?? e.reason ?? null,
    actor: e.actor,
    hlc: e.hlc,
  };
}

/** The interview_absences row an absence event projects to. */
export function absenceRowOf(e: FactEvent, parsed?: unknown): InterviewAbsenceTable {
  const p = factPayload(absentPayloadSchema, e, parsed);
  return {
    id: p.id,
    station_id: e.station_id,
    event_id: e.id,
    session_id: p.sessionId,
    candidate_id: p.candidateId,
    actor: e.actor,
    hlc: e.hlc,
  };
}

/** Returns 1 when a new fact was added, 0 when it was already there (or the event is not a score fact). */
export async function projectEvent(tx: Tx, e: FactEvent): Promise<number> {
  if (e.action === MARK_ACTION && e.after_json) {
    const r = await tx
      .insertInto('interview_marks')
      .values(markRowOf(e))
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n);
  }
  if (e.action === ABSENT_ACTION && e.after_json) {
    const r = await tx
      .insertInto('interview_absences')
      .values(absenceRowOf(e))
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n);
  }
  return 0;
}

/** The columns of a mark that decide the current marks of a cell and whether they conflict. */
type CellMark = Pick<InterviewMarkTable, 'id' | 'interviewer' | 'item_key' | 'value' | 'unable' | 'supersedes_json'>;

export type Cell<M extends CellMark = InterviewMarkTable> = { interviewer: string; item: string; heads: M[] };

/**
 * The current marks of each (interviewer, item): the marks no other mark supersedes. One head, or several
 * heads with the same value, is a settled score; heads with different values are a conflict.
 */
export function currentCells(marks: readonly InterviewMarkTable[]): Map<string, Cell> {
  return cellsOf(marks);
}

/** How many cells of these marks are in conflict; needs only the deciding columns of each mark. */
export function conflictCount(marks: readonly CellMark[]): number {
  let n = 0;
  for (const c of cellsOf(marks).values()) if (isConflict(c)) n += 1;
  return n;
}

function cellsOf<M extends CellMark>(marks: readonly M[]): Map<string, Cell<M>> {
  const superseded = new Set<string>();
  for (const m of marks) {
    // Nearly every mark supersedes nothing: '[]' needs no parse (a session of 5,000 marks read them all).
    if (m.supersedes_json === '[]') continue;
    for (const s of parseJsonAs(stringList, m.supersedes_json, 'interview_marks.supersedes_json')) superseded.add(s);
  }
  const cells = new Map<string, Cell<M>>();
  for (const m of marks) {
    if (superseded.has(m.id)) continue;
    const k = `${m.interviewer}\u0000${m.item_key}`;
    let c = cells.get(k);
    if (c === undefined) cells.set(k, (c = { interviewer: m.interviewer, item: m.item_key, heads: [] }));
    c.heads.push(m);
  }
  for (const c of cells.values()) c.heads.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return cells;
}

export function isConflict(c: Cell<CellMark>): boolean {
  const first = c.heads[0]!;
  return c.heads.some((h) => h.value !== first.value || h.unable !== first.unable);
}
