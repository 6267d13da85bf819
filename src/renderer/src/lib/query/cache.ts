import type { OpInput, OpName, OpResult } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';
import { call } from '../../app/call';
import { dropPrefetched, takePrefetched } from '../../app/prefetch-store';
import { useSession } from '../../app/session';

export type QueryState<T = unknown> = {
  data: T | null;
  error: ApiError | null;
  /** A fetch is in flight (data, when present, is the previous answer and stays on screen meanwhile). */
  loading: boolean;
};

type Entry = {
  op: OpName;
  input: unknown;
  state: QueryState;
  /** Bumped by every fetch; an answer is kept only if no newer fetch started since (invalidation wins). */
  generation: number;
  listeners: Set<() => void>;
};

const IDLE: QueryState = { data: null, error: null, loading: false };
const entries = new Map<string, Entry>();

/** Object keys sorted, so `{a, b}` and `{b, a}` are one cache entry. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`).join(',')}}`;
}

export function queryKey(op: OpName, input: unknown): string {
  return `${op} ${stableJson(input ?? {})}`;
}

function entryFor(key: string, op: OpName, input: unknown): Entry {
  let e = entries.get(key);
  if (!e) {
    e = { op, input: input ?? {}, state: IDLE, generation: 0, listeners: new Set() };
    entries.set(key, e);
  }
  return e;
}

function write(e: Entry, state: QueryState): void {
  e.state = state;
  for (const l of [...e.listeners]) l();
}

export function peek(key: string): QueryState {
  return entries.get(key)?.state ?? IDLE;
}

export function subscribe(key: string, op: OpName, input: unknown, listener: () => void): () => void {
  const e = entryFor(key, op, input);
  e.listeners.add(listener);
  return () => e.listeners.delete(listener);
}

/**
 * Fetches (again) one entry; the screen keeps the previous data until the answer arrives. An answer the
 * route started at the click (app/prefetch.ts) is taken instead of asking again.
 */
export function fetchQuery(key: string, op: OpName, input: unknown): Promise<void> {
  const e = entryFor(key, op, input);
  const generation = ++e.generation;
  write(e, { ...e.state, loading: true });
  const answer = takePrefetched(key) ?? call(e.op, e.input as OpInput<OpName>);
  return answer.then((r) => {
    if (generation !== e.generation) return;
    write(e, r.ok ? { data: r.value, error: null, loading: false } : { data: e.state.data, error: r.error, loading: false });
  });
}

/** A mutation that answers with the new view puts it straight into the cache instead of fetching again. */
export function setQueryData<K extends OpName>(op: K, input: OpInput<K> | undefined, data: OpResult<K>): void {
  const e = entryFor(queryKey(op, input), op, input);
  e.generation++;
  write(e, { data, error: null, loading: false });
}

/**
 * Everything whose operation name starts with one of the prefixes is out of date: screens showing it fetch
 * again now, entries no screen shows are dropped (they would be fetched on the next visit anyway).
 */
export function invalidate(prefixes: readonly string[]): void {
  dropPrefetched();
  for (const [key, e] of [...entries]) {
    if (!prefixes.some((p) => e.op.startsWith(p))) continue;
    if (e.listeners.size > 0) void fetchQuery(key, e.op, e.input);
    else entries.delete(key);
  }
}

/** Forgets everything: another user (or the same one after a lock) must not see answers fetched before. */
export function clearQueries(): void {
  dropPrefetched();
  for (const [key, e] of [...entries]) {
    if (e.listeners.size > 0) void fetchQuery(key, e.op, e.input);
    else entries.delete(key);
  }
}

useSession.subscribe((now, before) => {
  if (now.epoch !== before.epoch || now.user?.username !== before.user?.username) clearQueries();
});
