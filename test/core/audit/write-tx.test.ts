import { describe, expect, it } from 'vitest';
import { appendEvent } from '../../../src/core/audit/events';
import { ok, setupBase } from '../../helpers/core';

const change = { action: 'test.note', entity: 'plan', entityId: 'x', after: { note: 1 } };

describe('an audit event commits with its change or not at all', () => {
  it('an event appended in a transaction that fails is gone with it, and the chain still verifies', async () => {
    const { core, session } = await setupBase();
    const before = await core.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      core.db.transaction().execute(async (tx) => {
        await appendEvent(tx, core, 'admin', change);
        throw new Error('the change failed after its event was written');
      }),
    ).rejects.toThrow(/change failed/);
    const after = await core.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await ok(core, session, 'audit.verify')).ok).toBe(true);
  });

  it('takes only a transaction: the database itself is refused by the type checker', async () => {
    const { core } = await setupBase();
    const outside = () =>
      // @ts-expect-error appendEvent writes only inside a transaction (WriteTx), never on the bare database
      appendEvent(core.db, core, 'admin', change);
    expect(typeof outside).toBe('function');
    await core.db.transaction().execute(async (tx) => {
      const stored = await appendEvent(tx, core, 'admin', change);
      expect(stored).toMatchObject({ actor: 'admin', action: 'test.note' });
    });
  });
});
