/**
 * Appending thousands of events at once (a score file's 10,000 `scores.set` entries): the same chain
 * appendEvent writes one by one (next seq, previous hash, a fresh HLC timestamp each, the head and the saved
 * clock moved to the last), through one prepared INSERT on the transaction's own connection, so the rows
 * commit or roll back with it. One appendEvent per score compiled and prepared four statements each time: 40
 * times the CPU of reading the file (profiled with `--cpu-prof`).
 */
import type { Core, WriteTx } from '../context';
import { uuidv7Batch } from '../util/uuid7';
import {
  chainedEvent,
  chainHead,
  GENESIS_HASH,
  moveChainHead,
  serializedChange,
  type ChangeEvent,
  type SerializedChange,
  type StoredEvent,
} from './events';
import { EVENT_COLUMNS, flatEventHash } from './flat-event-hash';

/** Appends `changes` in order to this station's chain inside `tx` and returns their events; none for none. */
export async function appendEvents(
  tx: WriteTx,
  core: Core,
  username: string,
  changes: readonly ChangeEvent[],
): Promise<StoredEvent[]> {
  const events = new Array<StoredEvent>(changes.length);
  await appendChain(
    tx,
    core,
    username,
    changes.length,
    (i) => serializedChange(changes[i]!),
    (e, i) => (events[i] = e),
  );
  return events;
}

/**
 * Appends `count` changes, the i-th given by `changeAt(i)` (canonical JSON text already), in order to this
 * station's chain inside `tx`, and returns the ids of their events. Each event is written as soon as it is
 * hashed and then let go: holding 10,000 events until the last one made every young-generation collection
 * of the import copy them all (the collector's time was a third of a score file import's CPU).
 */
export async function appendSerializedEvents(
  tx: WriteTx,
  core: Core,
  username: string,
  count: number,
  changeAt: (i: number) => SerializedChange,
): Promise<string[]> {
  const ids = new Array<string>(count);
  await appendChain(tx, core, username, count, changeAt, (e, i) => (ids[i] = e.id));
  return ids;
}

const INSERT_EVENT = `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`;

/** Chains, writes and hands to `written` each of `count` events; then moves the head and the saved clock. */
async function appendChain(
  tx: WriteTx,
  core: Core,
  username: string,
  count: number,
  changeAt: (i: number) => SerializedChange,
  written: (event: StoredEvent, i: number) => void,
): Promise<void> {
  if (count === 0) return;
  const head = await chainHead(tx, core);
  const ids = uuidv7Batch(count, core.clock.nowMs());
  const insert = core.raw.prepare(INSERT_EVENT);
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  let last: StoredEvent | undefined;
  for (let i = 0; i < count; i++) {
    const event = chainedEvent(core, username, changeAt(i), { id: ids[i]!, seq: (seq += 1), prevHash });
    event.hash = flatEventHash(event);
    insert.run(EVENT_COLUMNS.map((k) => event[k]));
    prevHash = event.hash;
    written(event, i);
    last = event;
  }
  await moveChainHead(tx, core, last!);
}
