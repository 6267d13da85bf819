/**
 * Appending thousands of events at once (a score file's 10,000 `scores.set` entries): the same chain
 * appendEvent writes one by one (next seq, previous hash, a fresh HLC timestamp each, the head and the saved
 * clock moved to the last), built in memory and written through prepared multi-row INSERTs on the
 * transaction's own connection, so the rows commit or roll back with it. One appendEvent per score compiled
 * and prepared four statements each time: 40 times the CPU of reading the file (profiled with `--cpu-prof`).
 */
import type { Core, WriteTx } from '../context';
import { insertBatch } from '../db/insert-batch';
import { uuidv7Batch } from '../util/uuid7';
import { chainHead, chainedEvent, GENESIS_HASH, moveChainHead, type ChangeEvent, type StoredEvent } from './events';
import { EVENT_COLUMNS, flatEventHash } from './flat-event-hash';

/** Appends `changes` in order to this station's chain inside `tx` and returns their events; none for none. */
export async function appendEvents(
  tx: WriteTx,
  core: Core,
  username: string,
  changes: readonly ChangeEvent[],
): Promise<StoredEvent[]> {
  if (changes.length === 0) return [];
  const head = await chainHead(tx, core);
  const ids = uuidv7Batch(changes.length, core.clock.nowMs());
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const events = changes.map((change, i) => {
    const partial = chainedEvent(core, username, change, { id: ids[i]!, seq: (seq += 1), prevHash });
    const event: StoredEvent = { ...partial, hash: flatEventHash(partial) };
    prevHash = event.hash;
    return event;
  });
  insertBatch(core.raw, 'events', EVENT_COLUMNS, events);
  await moveChainHead(tx, core, events[events.length - 1]!);
  return events;
}
