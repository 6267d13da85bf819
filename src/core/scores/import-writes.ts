/**
 * Writing the scores of an imported file: one `scores.set` audit event per changed score, chained exactly as
 * appendEvent chains them (next seq, previous hash, a fresh HLC timestamp each, the head and the saved clock
 * moved to the last one), and the component_scores row that names its event. For a 5,000-candidate file
 * that is 10,000 events: written one appendEvent and one query-builder upsert at a time, compiling and
 * preparing four statements per score took 40 times as long as reading the file (profiled with `--cpu-prof`).
 * Here the events go in through prepared multi-row INSERTs and the scores through one prepared upsert, on
 * the transaction's own connection, so they commit or roll back with it.
 */
import { EVENT_FORMAT_VERSION, GENESIS_HASH, type StoredEvent } from '../audit/events';
import { uuidv7Batch } from '../applicants/import-rows';
import type { Core, WriteTx } from '../context';
import { EVENT_COLUMNS, flatEventHash } from '../stations/event-hash';
import { insertBatch } from '../stations/insert-batch';
import { canonicalJson } from '../util/canonical-json';

export type ScoreWrite = {
  applicantId: string;
  component: string;
  value: number | null;
  absent: boolean;
  before: { value: number | null; absent: boolean } | null;
  /** The file row (1-based) the score came from. */
  row: number;
};

const UPSERT_SCORE = `INSERT INTO component_scores
  (applicant_id, component, cohort_year, value, absent, source, event_id, updated_at)
  VALUES (?, ?, ?, ?, ?, 'import', ?, ?)
  ON CONFLICT (applicant_id, component) DO UPDATE SET
    value = excluded.value, absent = excluded.absent, source = 'import', event_id = excluded.event_id,
    updated_at = excluded.updated_at`;

/** The audit events of `changes`, chained after the station's current head, in order. */
async function chainEvents(
  tx: WriteTx,
  core: Core,
  username: string,
  changes: readonly ScoreWrite[],
  ctx: { fileName: string; reason: string | null },
): Promise<StoredEvent[]> {
  const head = await tx
    .selectFrom('event_heads')
    .select(['seq', 'hash'])
    .where('station_id', '=', core.stationId)
    .executeTakeFirst();
  const ids = uuidv7Batch(changes.length, core.clock.nowMs());
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS_HASH;
  return changes.map((c, i) => {
    const partial: Omit<StoredEvent, 'hash'> = {
      id: ids[i]!,
      station_id: core.stationId,
      seq: (seq += 1),
      hlc: core.hlc.now(),
      actor: username,
      action: 'scores.set',
      entity: 'component_score',
      entity_id: `${c.applicantId}/${c.component}`,
      before_json: c.before ? canonicalJson({ ...c.before, source: 'import' }) : null,
      after_json: canonicalJson({ value: c.value, absent: c.absent, source: 'import', file: ctx.fileName, row: c.row }),
      reason: c.before ? ctx.reason : null,
      schema_version: EVENT_FORMAT_VERSION,
      prev_hash: prev,
    };
    const e: StoredEvent = { ...partial, hash: flatEventHash(partial) };
    prev = e.hash;
    return e;
  });
}

/** Writes every change and its audit event inside `tx`; nothing when there is no change. */
export async function writeScoreChanges(
  tx: WriteTx,
  core: Core,
  username: string,
  changes: readonly ScoreWrite[],
  ctx: { fileName: string; reason: string | null; cohortYear: number; now: string },
): Promise<void> {
  if (changes.length === 0) return;
  const events = await chainEvents(tx, core, username, changes, ctx);
  insertBatch(core.raw, 'events', EVENT_COLUMNS, events);
  const last = events[events.length - 1]!;
  await tx
    .insertInto('event_heads')
    .values({ station_id: core.stationId, seq: last.seq, hash: last.hash })
    .onConflict((oc) => oc.column('station_id').doUpdateSet({ seq: last.seq, hash: last.hash }))
    .execute();
  // The clock as appendEvent leaves it: saved at the last event's timestamp.
  await tx
    .insertInto('meta')
    .values({ key: 'hlc', value: last.hlc })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: last.hlc }))
    .execute();
  const upsert = core.raw.prepare(UPSERT_SCORE);
  changes.forEach((c, i) => {
    upsert.run(c.applicantId, c.component, ctx.cohortYear, c.value, c.absent ? 1 : 0, events[i]!.id, ctx.now);
  });
}
