import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/api/dispatch';
import { ADMIN, freshCore, ok, setupBase } from '../../helpers/core';

/**
 * Two cores on one database file are two SQLite connections, as `serve` and the CLI are. Each write
 * transaction reads before it writes (the audit chain head, the setting it replaces) and yields between
 * statements, so with a deferred BEGIN the second writer could not upgrade its read lock and SQLite
 * answered BUSY at once. Started IMMEDIATE, writers queue for the lock instead.
 */
describe('concurrent writers on one database', () => {
  it('two connections writing interleaved transactions: every write succeeds, no DB_BUSY', async () => {
    const { core: a, session } = await setupBase();
    const b = await freshCore({ dataDir: a.dataDir });
    await ok(b, 'b-session', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const writes = Array.from({ length: 12 }, (_, i) => [
      dispatch(a, session, 'outbox.setEndpoint', { url: `https://a${i}.example.cn/intake` }),
      dispatch(b, 'b-session', 'outbox.setEndpoint', { url: `https://b${i}.example.cn/intake` }),
    ]).flat();
    const results = await Promise.all(writes);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const events = await a.db.selectFrom('events').select('action').where('action', '=', 'outbox.setEndpoint').execute();
    expect(events).toHaveLength(24);
    expect(await ok(a, session, 'audit.verify')).toMatchObject({ ok: true });
  }, 60_000);
});
