/** Full ID and phone numbers, only for roles that may see them, and every look is in the audit trail. */
import { maskIdNumber, maskPhone } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import type { Actor, Core } from '../context';
import { findTrainee } from './find';

export async function revealTrainee(
  core: Core,
  actor: Actor,
  target: string,
  reason?: string,
): Promise<{ idNumber: string; phone: string | null }> {
  return core.db.transaction().execute(async (tx) => {
    const t = await findTrainee(tx, target);
    await appendEvent(tx, core, actor.username, {
      action: 'trainee.reveal',
      entity: 'trainee',
      entityId: t.id,
      after: { fields: ['idNumber', 'phone'], idNumber: maskIdNumber(t.id_number), phone: t.phone ? maskPhone(t.phone) : null },
      reason: reason ?? null,
    });
    return { idNumber: t.id_number, phone: t.phone };
  });
}

/** A revealed list is one audit entry naming every trainee shown. */
export async function auditListReveal(core: Core, actor: Actor, ids: string[], filter: Record<string, unknown>): Promise<void> {
  await core.db.transaction().execute((tx) =>
    appendEvent(tx, core, actor.username, {
      action: 'trainee.reveal-list',
      entity: 'trainee',
      entityId: 'list',
      after: { count: ids.length, ids, filter },
    }),
  );
}
