import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/core/audit/verify';
import { ok, setupBase } from '../../helpers/core';

async function baseWithHistory() {
  const { core, session } = await setupBase();
  for (const [code, quota] of [
    ['0100', 3],
    ['0200', 2],
    ['0700', 9],
  ] as const) {
    await ok(core, session, 'plan.setQuota', { specialtyCode: code, category: null, quota, reason: '年初计划' });
  }
  return { core, session };
}

/** What someone with the file and sqlite3 could do: drop the guards, then edit history. */
function tamper(core: Awaited<ReturnType<typeof setupBase>>['core'], sqlText: string) {
  core.raw.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
  core.raw.exec(sqlText);
}

describe('audit trail', () => {
  it('records who changed what, before and after, with the reason, in order', async () => {
    const { core, session } = await baseWithHistory();
    const log = await ok(core, session, 'audit.list', { entity: 'plan' });
    expect(log.events.map((e) => e.after)).toEqual([{ quota: 9 }, { quota: 2 }, { quota: 3 }]);
    expect(log.events[0]).toMatchObject({ actor: 'admin', action: 'plan.set-quota', reason: '年初计划', before: { quota: 0 } });
    expect((await ok(core, session, 'audit.verify')).ok).toBe(true);
  });

  it('cannot be edited or deleted through SQLite while the guards stand', async () => {
    const { core } = await baseWithHistory();
    expect(() => core.raw.exec("UPDATE events SET actor = 'x'")).toThrow(/append-only/);
    expect(() => core.raw.exec('DELETE FROM events')).toThrow(/append-only/);
  });

  it('detects an edited event', async () => {
    const { core } = await baseWithHistory();
    tamper(core, `UPDATE events SET after_json = '{"quota":99}' WHERE seq = 5`);
    const report = await verifyAuditChain(core.db);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.code, p.seq])).toContainEqual(['AUDIT_HASH_MISMATCH', 5]);
  });

  it('detects a deleted event in the middle and a deleted tail', async () => {
    const { core } = await baseWithHistory();
    tamper(core, 'DELETE FROM events WHERE seq = 3');
    expect((await verifyAuditChain(core.db)).problems.map((p) => p.code)).toContain('AUDIT_SEQ_GAP');

    const other = await baseWithHistory();
    const last = other.core.raw.prepare('SELECT max(seq) AS s FROM events').get() as { s: number };
    tamper(other.core, `DELETE FROM events WHERE seq = ${last.s}`);
    expect((await verifyAuditChain(other.core.db)).problems.map((p) => p.code)).toEqual(['AUDIT_HEAD_MISMATCH']);
  });

  it('detects an event whose hash was recomputed after editing (the chain link breaks)', async () => {
    const { core } = await baseWithHistory();
    const { eventHash } = await import('../../../src/core/audit/events');
    const e = core.raw.prepare('SELECT * FROM events WHERE seq = 4').get() as Record<string, unknown>;
    const edited = { ...e, actor: 'someone-else' } as never as Parameters<typeof eventHash>[0];
    tamper(core, `UPDATE events SET actor = 'someone-else', hash = '${eventHash(edited)}' WHERE seq = 4`);
    const codes = (await verifyAuditChain(core.db)).problems.map((p) => [p.code, p.seq]);
    expect(codes).toContainEqual(['AUDIT_CHAIN_BROKEN', 5]);
  });
});
