/**
 * Writing the scores of an imported file: one `scores.set` audit event per changed score (appended as a batch,
 * see audit/append-events) and the component_scores row that names its event, through one prepared upsert on
 * the transaction's own connection, so they commit or roll back with it. Through the query builder, one score
 * at a time, a 5,000-candidate file's 10,000 writes took 40 times as long as reading the file.
 */
import { appendEvents } from '../audit/append-events';
import type { ChangeEvent } from '../audit/events';
import type { Core, WriteTx } from '../context';

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

/** The `scores.set` audit entry of one imported score, as appendEvent has always recorded it. */
function scoreChange(c: ScoreWrite, ctx: { fileName: string; reason: string | null }): ChangeEvent {
  return {
    action: 'scores.set',
    entity: 'component_score',
    entityId: `${c.applicantId}/${c.component}`,
    before: c.before ? { ...c.before, source: 'import' } : undefined,
    after: { value: c.value, absent: c.absent, source: 'import', file: ctx.fileName, row: c.row },
    reason: c.before ? ctx.reason : null,
  };
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
  const events = await appendEvents(
    tx,
    core,
    username,
    changes.map((c) => scoreChange(c, ctx)),
  );
  const upsert = core.raw.prepare(UPSERT_SCORE);
  changes.forEach((c, i) => {
    upsert.run(c.applicantId, c.component, ctx.cohortYear, c.value, c.absent ? 1 : 0, events[i]!.id, ctx.now);
  });
}
