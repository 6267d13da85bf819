/** Scans of an applicant's documents, stored content-addressed; viewing a sensitive one is audited. */
import type { AttachmentView, ChecklistState } from '../../shared/contract/applicants';
import { AppError } from '../../shared/errors';
import { can } from '../../shared/permissions';
import { checkAttachment, readBlob, storeBlob } from '../attachments/store';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { applicantDetail, requireApplicant } from './detail';
import { savedChecklist } from './stored-json';
import type { AttachmentTable } from './tables';

export function attachmentView(a: AttachmentTable): AttachmentView {
  return {
    id: a.id,
    itemKey: a.item_key,
    sha256: a.sha256,
    mime: a.mime,
    size: a.size,
    fileName: a.file_name,
    sensitive: a.sensitive === 1,
    createdAt: a.created_at,
    createdBy: a.created_by,
  };
}

export async function addAttachment(
  core: Core,
  actor: Actor,
  input: { applicantId: string; itemKey: string; fileName: string; bytes: Uint8Array },
): Promise<AttachmentView> {
  await requireApplicant(core.db, input.applicantId);
  const mime = checkAttachment(input.fileName, input.bytes);
  if (input.itemKey === 'photo' && mime === 'application/pdf') {
    throw new AppError('ATTACHMENT_NOT_IMAGE', `证件照必须是 JPEG 或 PNG 图片，「${input.fileName}」是 PDF。`);
  }
  // The blob is written first; a failed transaction leaves at most an unreferenced, content-addressed file.
  const sha256 = storeBlob(core.dataDir, input.bytes);
  return core.db.transaction().execute(async (tx) => {
    const row: AttachmentTable = {
      id: uuidv7(core.clock.nowMs()),
      applicant_id: input.applicantId,
      item_key: input.itemKey,
      sha256,
      mime,
      size: input.bytes.length,
      file_name: input.fileName.slice(0, 200),
      sensitive: input.itemKey === 'id_card' ? 1 : 0,
      created_at: isoNow(core.clock),
      created_by: actor.username,
    };
    await tx.insertInto('applicant_attachments').values(row).execute();
    if (input.itemKey === 'photo') {
      await tx.updateTable('applicants').set({ photo_sha256: sha256 }).where('id', '=', input.applicantId).execute();
    }
    const checklistState = await recordScanInChecklist(tx, input.applicantId, input.itemKey, row.created_at);
    const view = attachmentView(row);
    await appendEvent(tx, core, actor.username, {
      action: 'attachment.add',
      entity: 'applicant',
      entityId: input.applicantId,
      after: checklistState ? { ...view, checklist: { [input.itemKey]: checklistState } } : view,
    });
    return view;
  });
}

/**
 * A scan of an item that was 缺 or not yet looked at is a copy received: the item becomes 已收复印件 (the
 * attachment event records it). An item already marked (原件已核验, 不适用 ...) keeps what the clerk said.
 */
async function recordScanInChecklist(tx: Tx, applicantId: string, itemKey: string, now: string): Promise<ChecklistState | null> {
  const detail = await applicantDetail(tx, applicantId);
  const item = detail.checklist.find((i) => i.key === itemKey);
  if (!item || (item.recorded && item.state !== 'missing')) return null;
  const a = await requireApplicant(tx, applicantId);
  const next = { ...(savedChecklist(a) ?? {}), [itemKey]: 'copy' as const };
  await tx
    .updateTable('applicants')
    .set({ checklist_json: JSON.stringify(next), updated_at: now })
    .where('id', '=', applicantId)
    .execute();
  return 'copy';
}

export async function readAttachment(core: Core, actor: Actor, id: string): Promise<{ mime: string; bytes: Uint8Array }> {
  const a = await core.db.selectFrom('applicant_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw new AppError('ATTACHMENT_UNKNOWN', '找不到这个扫描件。');
  if (a.sensitive === 1) {
    if (!can(actor.role, 'applicants.reveal')) throw new AppError('FORBIDDEN', '身份证图像属于敏感个人信息，当前角色无权查看。');
    await core.db.transaction().execute((tx) =>
      appendEvent(tx, core, actor.username, {
        action: 'attachment.view',
        entity: 'applicant',
        entityId: a.applicant_id,
        after: { attachmentId: id, itemKey: a.item_key },
      }),
    );
  }
  return { mime: a.mime, bytes: readBlob(core.dataDir, a.sha256) };
}
