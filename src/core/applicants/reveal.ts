/** Revealing an applicant's full ID number and phone to a permitted role: always audited, never logged. */
import { maskIdNumber, maskPhone } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import type { Actor, Core } from '../context';
import { requireApplicant } from './detail';

export async function reveal(
  core: Core,
  actor: Actor,
  id: string,
  reason?: string,
): Promise<{ idNumber: string; phone: string | null }> {
  return core.db.transaction().execute(async (tx) => {
    const a = await requireApplicant(tx, id);
    await appendEvent(tx, core, actor.username, {
      action: 'applicant.reveal',
      entity: 'applicant',
      entityId: id,
      after: { fields: ['idNumber', 'phone'], idNumber: maskIdNumber(a.id_number), phone: a.phone ? maskPhone(a.phone) : null },
      reason: reason ?? null,
    });
    return { idNumber: a.id_number, phone: a.phone };
  });
}
