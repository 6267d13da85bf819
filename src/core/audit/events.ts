import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Core, WriteTx } from '../context';
import type { EventTable } from '../db/schema';
import { canonicalJson } from '../util/canonical-json';
import { uuidv7 } from '../util/uuid7';

export const GENESIS_HASH = '0'.repeat(64);

/** Version of the event record format itself; stamped on every event so a newer peer's events can be parked. */
export const EVENT_FORMAT_VERSION = 1;

export type ChangeEvent = {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

export type StoredEvent = EventTable;

/** The fields an event's hash covers (every column but the hash itself). */
export const HASHED_EVENT_FIELDS = [
  'id',
  'station_id',
  'seq',
  'hlc',
  'actor',
  'action',
  'entity',
  'entity_id',
  'before_json',
  'after_json',
  'reason',
  'schema_version',
  'prev_hash',
] as const satisfies ReadonlyArray<keyof Omit<StoredEvent, 'hash'>>;

/** The fields the hash covers, in a canonical form: anything edited later changes the hash. */
export function eventHash(e: Omit<StoredEvent, 'hash'>): string {
  const fields: Record<string, unknown> = {};
  for (const k of HASHED_EVENT_FIELDS) fields[k] = e[k];
  const body = canonicalJson(fields);
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** The chain's last event on this station, or none yet. */
export async function chainHead(tx: WriteTx, core: Core): Promise<{ seq: number; hash: string } | undefined> {
  return tx.selectFrom('event_heads').select(['seq', 'hash']).where('station_id', '=', core.stationId).executeTakeFirst();
}

/**
 * A change whose before and after are already written as canonicalJson writes them (null for none). A caller
 * writing thousands of entries of one fixed shape builds that text directly: canonicalJson per entry was a
 * fifth of the CPU a score file import spent on its audit events.
 */
export type SerializedChange = {
  action: string;
  entity: string;
  entityId: string;
  beforeJson: string | null;
  afterJson: string | null;
  reason: string | null;
};

/** The change with before and after written as the chain stores them. */
export function serializedChange(c: ChangeEvent): SerializedChange {
  return {
    action: c.action,
    entity: c.entity,
    entityId: c.entityId,
    beforeJson: c.before === undefined ? null : canonicalJson(c.before),
    afterJson: c.after === undefined ? null : canonicalJson(c.after),
    reason: c.reason ?? null,
  };
}

/**
 * The event recording `change`, to follow `prevHash` as number `seq` of this station's chain; its hash is left
 * empty for the caller to set (no copy of the row is made to add it: a batch writes thousands).
 */
export function chainedEvent(
  core: Core,
  username: string,
  change: SerializedChange,
  link: { id: string; seq: number; prevHash: string },
): StoredEvent {
  return {
    id: link.id,
    station_id: core.stationId,
    seq: link.seq,
    hlc: core.hlc.now(),
    actor: username,
    action: change.action,
    entity: change.entity,
    entity_id: change.entityId,
    before_json: change.beforeJson,
    after_json: change.afterJson,
    reason: change.reason,
    schema_version: EVENT_FORMAT_VERSION,
    prev_hash: link.prevHash,
    hash: '',
  };
}

/**
 * Moves the chain's head to `last` and saves the clock at its timestamp, so a restarted app (or a laptop
 * whose clock went backwards) never reissues a timestamp.
 */
export async function moveChainHead(tx: WriteTx, core: Core, last: StoredEvent): Promise<void> {
  await tx
    .insertInto('event_heads')
    .values({ station_id: core.stationId, seq: last.seq, hash: last.hash })
    .onConflict((oc) => oc.column('station_id').doUpdateSet({ seq: last.seq, hash: last.hash }))
    .execute();
  await tx
    .insertInto('meta')
    .values({ key: 'hlc', value: last.hlc })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`excluded.value` }))
    .execute();
}

/**
 * Append one event to this station's hash chain. Call it inside the same transaction as the change it
 * describes, so a change without its audit entry (or the reverse) cannot exist. The row stores who acted by
 * username only (`actor.username` of the caller's Actor), which is what the hash chain has always covered.
 * For thousands of events at once (an import), appendEvents writes the same chain through one prepared statement.
 */
export async function appendEvent(tx: WriteTx, core: Core, username: string, change: ChangeEvent): Promise<StoredEvent> {
  const head = await chainHead(tx, core);
  const event = chainedEvent(core, username, serializedChange(change), {
    id: uuidv7(core.clock.nowMs()),
    seq: (head?.seq ?? 0) + 1,
    prevHash: head?.hash ?? GENESIS_HASH,
  });
  event.hash = eventHash(event);
  await tx.insertInto('events').values(event).execute();
  await moveChainHead(tx, core, event);
  return event;
}
