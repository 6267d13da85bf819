import { describe, expect, it } from 'vitest';
import { appendEvents, appendSerializedEvents } from '../../../src/core/audit/append-events';
import { appendEvent, eventHash } from '../../../src/core/audit/events';
import { canonicalJson } from '../../../src/core/util/canonical-json';
import { ok, setupBase } from '../../helpers/core';

const note = (n: number) => ({
  action: 'test.note',
  entity: 'plan',
  entityId: `x${n}`,
  before: n % 2 === 0 ? { note: n - 1 } : undefined,
  after: { note: n, text: `第${n}条` },
  reason: n % 3 === 0 ? '批量' : null,
});

describe('appending many audit events at once', () => {
  it('continues the chain as one append at a time would: linked, hashed, head and clock moved, verified', async () => {
    const { core, session } = await setupBase();
    const stored = await core.db.transaction().execute(async (tx) => {
      const first = await appendEvent(tx, core, 'admin', note(0));
      const batch = await appendEvents(
        tx,
        core,
        'admin',
        Array.from({ length: 250 }, (_, i) => note(i + 1)),
      );
      const last = await appendEvent(tx, core, 'admin', note(251));
      return [first, ...batch, last];
    });
    stored.forEach((e, i) => {
      if (i > 0) expect([e.seq, e.prev_hash]).toEqual([stored[i - 1]!.seq + 1, stored[i - 1]!.hash]);
      const { hash, ...partial } = e;
      expect(hash).toBe(eventHash(partial));
    });
    expect(stored[120]).toMatchObject({ entity_id: 'x120', before_json: '{"note":119}', reason: '批量' });
    const rows = await core.db.selectFrom('events').selectAll().where('action', '=', 'test.note').orderBy('seq').execute();
    expect(rows).toEqual(stored);
    const head = await core.db.selectFrom('event_heads').selectAll().executeTakeFirstOrThrow();
    expect([head.seq, head.hash]).toEqual([stored.at(-1)!.seq, stored.at(-1)!.hash]);
    expect((await ok(core, session, 'audit.verify')).ok).toBe(true);
  });

  it('writes nothing for no changes, and nothing at all when its transaction fails', async () => {
    const { core } = await setupBase();
    const count = async () =>
      Number(
        (
          await core.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await core.db.transaction().execute(async (tx) => expect(await appendEvents(tx, core, 'admin', [])).toEqual([]));
    await expect(
      core.db.transaction().execute(async (tx) => {
        await appendEvents(tx, core, 'admin', [note(1), note(2)]);
        throw new Error('the change failed after its events were written');
      }),
    ).rejects.toThrow(/change failed/);
    expect(await count()).toBe(before);
  });

  it('records changes given as canonical JSON text exactly as the same changes given as values', async () => {
    const { core, session } = await setupBase();
    const changes = Array.from({ length: 40 }, (_, i) => note(i + 1));
    const { asValues, ids } = await core.db.transaction().execute(async (tx) => ({
      asValues: await appendEvents(tx, core, 'admin', changes),
      ids: await appendSerializedEvents(tx, core, 'admin', changes.length, (i) => ({
        action: changes[i]!.action,
        entity: changes[i]!.entity,
        entityId: changes[i]!.entityId,
        beforeJson: changes[i]!.before === undefined ? null : canonicalJson(changes[i]!.before),
        afterJson: canonicalJson(changes[i]!.after),
        reason: changes[i]!.reason,
      })),
    }));
    const asText = await core.db.selectFrom('events').selectAll().where('id', 'in', ids).orderBy('seq').execute();
    expect(asText.map((e) => e.id)).toEqual(ids);
    const recorded = (e: (typeof asValues)[number]) => [
      e.actor,
      e.action,
      e.entity,
      e.entity_id,
      e.before_json,
      e.after_json,
      e.reason,
    ];
    expect(asText.map(recorded)).toEqual(asValues.map(recorded));
    expect(asText.map((e) => e.seq)).toEqual(asValues.map((e) => e.seq + changes.length));
    expect(asText[0]!.prev_hash).toBe(asValues.at(-1)!.hash);
    expect((await ok(core, session, 'audit.verify')).ok).toBe(true);
  });
});
