import type { Result } from '../../../shared/errors';

/**
 * Answers a route asked for at the click, waiting for its page to take them. Each is taken at most once, by
 * the first screen that asks for the same operation and input, and only within KEEP_MS of the click: a page
 * mounts as soon as its chunk is here, so an answer older than that was not asked for by this visit. Any
 * change (a mutation, another sign-in) drops them all, so a page never shows what was true before the change.
 */
const KEEP_MS = 5_000;

type Started = { answer: Promise<Result<unknown>>; at: number };

const started = new Map<string, Started>();

const fresh = (entry: Started | undefined): entry is Started => entry !== undefined && Date.now() - entry.at <= KEEP_MS;

/** Starts the call for this key unless one started within KEEP_MS is still waiting (a double click). */
export function keepPrefetched(key: string, start: () => Promise<Result<unknown>>): void {
  if (fresh(started.get(key))) return;
  const entry = { answer: start(), at: Date.now() };
  started.set(key, entry);
  // Not taken in time: forgotten, so nothing holds on to it.
  setTimeout(() => {
    if (started.get(key) === entry) started.delete(key);
  }, KEEP_MS);
}

/** The answer started for this key within KEEP_MS, handed out once; null when there is none. */
export function takePrefetched(key: string): Promise<Result<unknown>> | null {
  const entry = started.get(key);
  started.delete(key);
  return fresh(entry) ? entry.answer : null;
}

export function dropPrefetched(): void {
  started.clear();
}
