import type { paperFormOps } from '../../shared/contract/paper-form';
import { maskIdNumber, maskPhone } from '../../shared/mask';
import { can } from '../../shared/permissions';
import { PROGRAM_LABELS } from '../../shared/preset';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { currentPreset, requireBase } from '../base/base';
import type { Actor, Core } from '../context';
import { applicantDetail, requireApplicant } from './detail';
import { addApplicant } from './manual-entry';
import { paperForm } from './paper-form';
import { paperFormHtml } from './paper-form-page';
import { maskCertNo } from './privacy';

/**
 * The filled 报名表. Full ID number, phone and certificate number only for a role that may reveal them, and
 * then recorded as a reveal, as `applicants.reveal` is; everyone else prints them masked.
 */
async function printForm(
  core: Core,
  actor: Actor,
  id: string,
  wantReveal: boolean,
): Promise<{ html: string; revealed: boolean }> {
  const revealed = wantReveal && can(actor.role, 'applicants.reveal');
  return core.db.transaction().execute(async (tx) => {
    const row = await requireApplicant(tx, id);
    const detail = await applicantDetail(tx, id);
    const base = await requireBase(tx);
    const preset = await currentPreset(tx);
    if (revealed) {
      await appendEvent(tx, core, actor.username, {
        action: 'applicant.reveal',
        entity: 'applicant',
        entityId: id,
        after: {
          fields: ['idNumber', 'phone'],
          idNumber: maskIdNumber(row.id_number),
          phone: row.phone ? maskPhone(row.phone) : null,
        },
        reason: '打印报名表',
      });
    }
    const html = paperFormHtml({
      title: `${preset.province}${base.cohort_year}年${PROGRAM_LABELS.agp}学员报名表`,
      baseName: base.name,
      applicant: { ...detail, qualificationCertNo: revealed ? row.qualification_cert_no : maskCertNo(row.qualification_cert_no) },
      idNumber: revealed ? row.id_number : maskIdNumber(row.id_number),
      phone: row.phone === null ? '' : revealed ? row.phone : maskPhone(row.phone),
      form: await paperForm(tx, id),
    });
    return { html, revealed };
  });
}

export const paperFormHandlers = defineHandlers<typeof paperFormOps>()({
  'applicants.add': async (ctx, input) => addApplicant(ctx.core, actorOf(ctx), input),
  'applicants.paperForm': async (ctx, input) => paperForm(ctx.core.db, input.id),
  'applicants.paperFormHtml': async (ctx, input) => printForm(ctx.core, actorOf(ctx), input.id, input.reveal),
});
