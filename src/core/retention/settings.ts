/** The base's retention periods (one row, shipped as examples until saved), and their audited edit. */
import type { RetentionSettingsView } from '../../shared/contract/retention';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import type { RetentionSettingsTable } from './tables';

/** The example values migration 0013 ships, used if the row is ever missing. */
const EXAMPLE: RetentionSettingsTable = {
  id: 1,
  applicant_months: 6,
  package_days: 90,
  example: 1,
  updated_at: null,
  updated_by: null,
};

function view(r: RetentionSettingsTable): RetentionSettingsView {
  return {
    applicantMonths: r.applicant_months,
    packageDays: r.package_days,
    example: r.example === 1,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export async function retentionSettings(tx: Tx): Promise<RetentionSettingsView> {
  const row = await tx.selectFrom('retention_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  return view(row ?? EXAMPLE);
}

/** Saving the values, even unchanged, makes them the base's own: the 示例 mark goes. */
export async function updateRetentionSettings(
  core: Core,
  actor: Actor,
  input: { applicantMonths: number; packageDays: number; reason: string },
): Promise<RetentionSettingsView> {
  return core.db.transaction().execute(async (tx) => {
    const before = await retentionSettings(tx);
    const row: RetentionSettingsTable = {
      id: 1,
      applicant_months: input.applicantMonths,
      package_days: input.packageDays,
      example: 0,
      updated_at: isoNow(core.clock),
      updated_by: actor.username,
    };
    await tx
      .insertInto('retention_settings')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
      .execute();
    const after = view(row);
    await appendEvent(tx, core, actor.username, {
      action: 'retention.update',
      entity: 'retention',
      entityId: 'settings',
      before,
      after,
      reason: input.reason,
    });
    return after;
  });
}
