/**
 * Where an import's time goes inside SQLite: the time of every statement a core runs from now on, summed by
 * kind (what `kindOf` names its SQL). Kysely and the batch writers both prepare through `core.raw`, so every
 * statement (the transaction's commit included) passes here. Statements are synchronous native calls, so
 * their wall time is the main thread's CPU time while nothing else competes for the core.
 */
import { performance } from 'node:perf_hooks';
import type { Core } from '../src/core/context';

type Runner = (...args: unknown[]) => unknown;

/** Starts timing `core`'s statements; the returned record fills in (ms per kind) as they run. */
export function timeStatements(core: Core, kindOf: (sql: string) => string): Record<string, number> {
  const spent: Record<string, number> = {};
  const raw = core.raw;
  const prepare = raw.prepare.bind(raw);
  raw.prepare = ((source: string) => {
    const stmt = prepare(source);
    const kind = kindOf(source);
    const methods = stmt as unknown as Record<'run' | 'get' | 'all' | 'iterate', Runner>;
    for (const m of ['run', 'get', 'all', 'iterate'] as const) {
      const call = methods[m].bind(stmt);
      methods[m] = (...args) => {
        const t0 = performance.now();
        try {
          return call(...args);
        } finally {
          spent[kind] = (spent[kind] ?? 0) + performance.now() - t0;
        }
      };
    }
    return stmt;
  }) as typeof raw.prepare;
  return spent;
}

/** What a statement of an import does: writes events, writes `table`s, commits, or reads. */
export function importStatementKind(tables: Record<string, string>): (sql: string) => string {
  return (sql) => {
    const s = sql.trimStart();
    if (/^commit/i.test(s)) return 'commit';
    if (/^insert into "?events"?\s/i.test(s)) return 'events';
    for (const [table, kind] of Object.entries(tables)) if (new RegExp(`^insert into "?${table}"?\\s`, 'i').test(s)) return kind;
    if (/^select/i.test(s)) return 'reads';
    return 'other';
  };
}
