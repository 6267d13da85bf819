import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { GENESIS_HASH, eventHash, type StoredEvent } from './events';

export type AuditProblem = {
  code: 'AUDIT_HASH_MISMATCH' | 'AUDIT_CHAIN_BROKEN' | 'AUDIT_SEQ_GAP' | 'AUDIT_HEAD_MISMATCH';
  stationId: string;
  seq: number;
  eventId: string | null;
  message: string;
};

export type AuditVerifyReport = {
  ok: boolean;
  stations: Array<{ stationId: string; events: number; headSeq: number | null }>;
  problems: AuditProblem[];
};

/**
 * Walk every station's chain: each event's hash must match its content, link to the previous hash, and
 * sequence numbers must be contiguous up to the recorded head. An edited event breaks its own hash; a
 * deleted one leaves a gap or a broken link; a deleted tail disagrees with the head.
 */
export async function verifyAuditChain(db: Kysely<DB>): Promise<AuditVerifyReport> {
  const problems: AuditProblem[] = [];
  const heads = await db.selectFrom('event_heads').selectAll().execute();
  const stationIds = new Set<string>(heads.map((h) => h.station_id));
  const seen = await db.selectFrom('events').select('station_id').distinct().execute();
  for (const s of seen) stationIds.add(s.station_id);

  const stations: AuditVerifyReport['stations'] = [];
  for (const stationId of [...stationIds].sort()) {
    const events = (await db
      .selectFrom('events')
      .selectAll()
      .where('station_id', '=', stationId)
      .orderBy('seq')
      .execute()) as StoredEvent[];
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (const e of events) {
      if (e.seq !== expectedSeq) {
        problems.push({
          code: 'AUDIT_SEQ_GAP',
          stationId,
          seq: expectedSeq,
          eventId: null,
          message: `审计日志缺失：站点 ${stationId} 的第 ${expectedSeq} 至 ${e.seq - 1} 条记录不见了（被删除）。`,
        });
      }
      const { hash, ...rest } = e;
      if (eventHash(rest) !== hash) {
        problems.push({
          code: 'AUDIT_HASH_MISMATCH',
          stationId,
          seq: e.seq,
          eventId: e.id,
          message: `审计日志第 ${e.seq} 条（${e.action} ${e.entity}）内容被改动过：哈希不符。`,
        });
      } else if (e.prev_hash !== prevHash && e.seq === expectedSeq) {
        problems.push({
          code: 'AUDIT_CHAIN_BROKEN',
          stationId,
          seq: e.seq,
          eventId: e.id,
          message: `审计日志第 ${e.seq} 条与前一条不衔接：之前的记录被改动或删除。`,
        });
      }
      prevHash = hash;
      expectedSeq = e.seq + 1;
    }
    const head = heads.find((h) => h.station_id === stationId);
    const last = events[events.length - 1];
    if (head && (!last || head.seq !== last.seq || head.hash !== last.hash)) {
      problems.push({
        code: 'AUDIT_HEAD_MISMATCH',
        stationId,
        seq: head.seq,
        eventId: last?.id ?? null,
        message: `审计日志末尾与记录的链头不一致（链头第 ${head.seq} 条，实际最后一条第 ${last?.seq ?? 0} 条）：末尾的记录被删除或改动。`,
      });
    }
    stations.push({ stationId, events: events.length, headSeq: head?.seq ?? null });
  }
  return { ok: problems.length === 0, stations, problems };
}
