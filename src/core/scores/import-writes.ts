/**
 * Writing the scores of an imported file: one `scores.set` audit event per changed score (appended as a batch,
 * see audit/append-events) and the component_scores row that names its event, through one prepared upsert on
 * the transaction's own connection, so they commit or roll back with it. Through the query builder, one score
 * at a time, a 5,000-candidate file's 10,000 writes took 40 times as long as reading the file.
 */
import { appendSerializedEvents } from '../audit/append-events';
import type { SerializedChange } from '../audit/events';
import type { Core, WriteTx } from '../context';
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

/**
 * The `scores.set` audit entry of one imported score, as appendEvent has always recorded it: after is
 * { value, absent, source: 'import', file, row }, before (a replaced score) { value, absent, source }, the
 * reason only with a before. The JSON is written here in canonicalJson's form (keys in code-unit order, values
 * as JSON.stringify writes them): for 10,000 scores, canonicalJson per entry cost more than hashing the chain.
 */
function scoreChange(c: ScoreWrite, ctx: { fileJson: string; reason: string | null }): SerializedChange {
  return {
    action: 'scores.set',
    entity: 'component_score',
    entityId: `${c.applicantId}/${c.component}`,
    beforeJson: c.before ? `{"absent":${c.before.absent},"source":"import","value":${scoreJson(c.before.value)}}` : null,
    afterJson: `{"absent":${c.absent},"file":${ctx.fileJson},"row":${scoreJson(c.row)},"source":"import","value":${scoreJson(c.value)}}`,
    reason: c.before ? ctx.reason : null,
  };
}

/** A score (hundredths) or row number as JSON; anything JSON cannot carry is refused as canonicalJson refuses it. */
function scoreJson(n: number | null): string {
  return n === null || Number.isFinite(n) ? JSON.stringify(n) : canonicalJson(n);
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
  const eventCtx = { fileJson: JSON.stringify(ctx.fileName), reason: ctx.reason };
  const eventIds = await appendSerializedEvents(tx, core, username, changes.length, (i) => scoreChange(changes[i]!, eventCtx));
  const upsert = core.raw.prepare(UPSERT_SCORE);
  changes.forEach((c, i) => {
    upsert.run(c.applicantId, c.component, ctx.cohortYear, c.value, c.absent ? 1 : 0, eventIds[i]!, ctx.now);
  });
}
