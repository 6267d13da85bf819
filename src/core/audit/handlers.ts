import type { AuditEventView, auditOps } from '../../shared/contract/audit';
import { defineHandlers } from '../api/handler';
import type { EventTable } from '../db/schema';
import { decodeHlc } from './hlc';
import { verifyAuditChain } from './verify';
import { displayNamesOf } from '../users/display-names';

function view(e: EventTable): AuditEventView {
  return {
    id: e.id,
    stationId: e.station_id,
    seq: e.seq,
    hlc: e.hlc,
    at: new Date(decodeHlc(e.hlc).ms).toISOString(),
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityId: e.entity_id,
    before: e.before_json === null ? null : (JSON.parse(e.before_json) as unknown),
    after: e.after_json === null ? null : (JSON.parse(e.after_json) as unknown),
    reason: e.reason,
  };
}

/** HLC strings sort by time, so a date filter is a string range on the indexed hlc column. */
function hlcBound(isoDate: string, end: boolean): string {
  // A bare date is a whole local day: `to` includes it.
  const dayOnly = isoDate.length === 10;
  const ms = Date.parse(dayOnly ? `${isoDate}T00:00:00` : isoDate) + (end && dayOnly ? 86_400_000 : 0);
  return String(Number.isFinite(ms) ? ms : 0).padStart(15, '0');
}

export const auditHandlers = defineHandlers<typeof auditOps>()({
  'audit.list': async (ctx, input) => {
    const { db } = ctx.core;
    let q = db.selectFrom('events');
    if (input.actor) q = q.where('actor', '=', input.actor);
    if (input.entity) q = q.where('entity', '=', input.entity);
    if (input.entityId) q = q.where('entity_id', '=', input.entityId);
    if (input.action) q = q.where('action', '=', input.action);
    if (input.from) q = q.where('hlc', '>=', hlcBound(input.from, false));
    if (input.to) q = q.where('hlc', '<', hlcBound(input.to, true));
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.selectAll().orderBy('hlc', 'desc').limit(input.limit).offset(input.offset).execute();
    const distinct = async (col: 'actor' | 'entity' | 'action') =>
      (await db.selectFrom('events').select(col).distinct().orderBy(col).execute()).map((r) => r[col]);
    const actors = await distinct('actor');
    return {
      total: Number(total.n),
      events: rows.map(view),
      actors,
      // People are shown by display name; the usernames stay the filter values.
      actorNames: Object.fromEntries(await displayNamesOf(db, actors)),
      entities: await distinct('entity'),
      actions: await distinct('action'),
    };
  },
  'audit.verify': async (ctx) => verifyAuditChain(ctx.core.db),
});
