/**
 * Correcting an applicant's contact fields (手机号码, 电子邮箱) after import: a clerk fixes a number the
 * applicant reads out at the desk. Needs a reason; the audit event holds the values masked, never in clear,
 * because the audit log is shown to more people and kept longer than the record itself.
 */
import type { ApplicantDetail, ContactField } from '../../shared/contract/applicants';
import { AppError } from '../../shared/errors';
import { maskPhone } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import type { Actor, Core } from '../context';
import { validatePhone } from '../identity/phone';
import { isoNow } from '../util/clock';
import { applicantDetail, requireApplicant } from './detail';
import { contentHash, recordOf } from './record';

export type ContactCorrection = {
  id: string;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  reason: string;
};

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** a***@example.com: enough to tell two addresses apart in the audit log, not enough to write to one. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '*'.repeat(email.length);
  return `${email[0]}***${email.slice(at)}`;
}

function maskContact(field: ContactField, value: string | null): string | null {
  if (value === null) return null;
  return field === 'phone' ? maskPhone(value) : maskEmail(value);
}

/** The stored form of a typed value, or a Chinese error that does not repeat the digits. */
function normalised(field: ContactField, raw: string | null): string | null {
  const v = raw === null ? '' : raw.trim();
  if (field === 'phone') {
    if (v === '') throw new AppError('CONTACT_PHONE_REQUIRED', '手机号码是必填项，不能清空；请填写 11 位手机号码。');
    const checked = validatePhone(v);
    if (!checked.ok) throw new AppError('CONTACT_PHONE_FORMAT', '手机号码格式不对：请填写以 13—19 开头的 11 位大陆手机号码。');
    return checked.value;
  }
  if (v === '') return null;
  if (!EMAIL.test(v)) throw new AppError('CONTACT_EMAIL_FORMAT', '电子邮箱格式不对，请填写如 name@example.com 的地址。');
  return v;
}

export async function correctContact(core: Core, actor: Actor, input: ContactCorrection): Promise<ApplicantDetail> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('CONTACT_REASON_REQUIRED', '更正联系方式需要填写原因。');
  return core.db.transaction().execute(async (tx) => {
    const a = await requireApplicant(tx, input.id);
    const cols: { phone?: string; email?: string | null } = {};
    const before: Record<string, string | null> = {};
    const after: Record<string, string | null> = {};
    for (const field of ['phone', 'email'] as const) {
      const raw = input[field];
      if (raw === undefined) continue;
      const value = normalised(field, raw);
      if (value === a[field]) continue;
      before[field] = maskContact(field, a[field]);
      after[field] = maskContact(field, value);
      if (field === 'phone') cols.phone = value!;
      else cols.email = value;
    }
    if (Object.keys(after).length === 0) throw new AppError('CONTACT_UNCHANGED', '联系方式与已登记的相同，没有需要更正的内容。');
    await tx
      .updateTable('applicants')
      .set({ ...cols, content_hash: contentHash(recordOf({ ...a, ...cols })), updated_at: isoNow(core.clock) })
      .where('id', '=', a.id)
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'applicant.correctContact',
      entity: 'applicant',
      entityId: a.id,
      before,
      after,
      reason,
    });
    return applicantDetail(tx, a.id);
  });
}
