/**
 * People the province (Jilin) or city (Beijing) assigns to this base in 调剂 from other bases. The base records
 * the outcome it is sent and may not refuse it (seed 003 三: “培训基地要积极配合完成调剂工作，不得以任何理由拒收
 * 调剂人员”): the person is added (or marked, when they applied here too) and the outcome is stored as the
 * admission side's own 调剂 record, an 'adjustment' decision, which the next allocation run admits.
 */
import type { ApplicantDetail, AssignedRecord } from '../../shared/contract/applicants';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import type { Preset } from '../../shared/preset';
import { appendEvent } from '../audit/events';
import { currentPreset, requireBase } from '../base/base';
import { loadCatalogue, matchSpecialty } from '../catalogue/catalogue';
import type { Actor, Core, Tx, WriteTx } from '../context';
import { normalizeDocType, pinyinInitials, validateIdCell, validatePhone, type DocType } from '../identity';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { applicantDetail } from './detail';
import { columnsOf, contentHash } from './record';
import { matchCategory } from './row-fields';
import type { ApplicantRecord } from './validate-row';

export type AssignedInput = {
  name: string;
  idType?: string | undefined;
  idNumber: string;
  phone?: string | undefined;
  category?: string | undefined;
  specialty: string;
  fromBase?: string | undefined;
  notice?: string | undefined;
  reason: string;
};

type Checked = { idType: DocType; idNumber: string; phone: string | null; category: string | null; specialty: string };

function authorityOf(preset: Preset): 'province' | 'city' {
  if (!preset.adjustmentBy) {
    throw new AppError(
      'ASSIGNED_NOT_APPLICABLE',
      `${preset.province}的调剂不由省（市）统一决定：请在录取页面直接调剂本基地的考生，不需要登记调剂人员。`,
    );
  }
  return preset.adjustmentBy.authority;
}

async function check(tx: Tx, preset: Preset, input: AssignedInput, today: string): Promise<Checked> {
  const idType = input.idType ? normalizeDocType(input.idType) : '居民身份证';
  if (!idType) throw new AppError('ID_FORMAT', `证件类型“${input.idType}”无法识别，请填写居民身份证、护照等证件类型。`);
  const id = validateIdCell({ text: input.idNumber, type: 'string' }, idType, { today });
  if (!id.ok) throw new AppError(id.code, `证件号码有误：${id.message}`);
  let phone: string | null = null;
  if (input.phone) {
    const p = validatePhone(input.phone);
    if (!p.ok) throw new AppError(p.code, `手机号码有误：${p.message}`);
    phone = p.value;
  }
  const category = input.category ? matchCategory(preset, input.category) : null;
  if (input.category && !category) {
    const names = preset.categories.map((c) => c.name).join('、');
    throw new AppError('UNKNOWN_CATEGORY', `人员类型“${input.category}”不在${preset.province}的人员类型中（可选：${names}）。`);
  }
  const s = matchSpecialty(await loadCatalogue(tx), input.specialty);
  if (!s) {
    throw new AppError(
      'ASSIGNED_SPECIALTY_UNKNOWN',
      `调剂专业“${input.specialty}”不在本基地专业目录中：请先在专业目录中添加，再登记调剂人员。未做任何更改。`,
    );
  }
  return { idType, idNumber: id.value, phone, category, specialty: s.code };
}

/** A new applicant row for someone who applied elsewhere: no choices here, known only by what the notice gives. */
function newRecord(input: AssignedInput, c: Checked): ApplicantRecord {
  return {
    idType: c.idType,
    idNumber: c.idNumber,
    name: input.name,
    sex: null,
    ethnicity: null,
    birthDate: null,
    phone: c.phone,
    email: null,
    highestEducation: null,
    highestDegree: null,
    school: null,
    major: null,
    graduationDate: null,
    fullTime: null,
    category: c.category,
    employer: null,
    ruralOriented: false,
    qualificationCertNo: null,
    practisingCertNo: null,
    choices: [],
    acceptsAdjustment: true,
    reductionYears: 0,
    supplied: ['category', 'idNumber', 'idType', 'name', ...(c.phone ? ['phone'] : [])].sort(),
  };
}

async function insertApplicant(tx: Tx, core: Core, cohortYear: number, r: ApplicantRecord, assigned: string): Promise<string> {
  const id = uuidv7(core.clock.nowMs());
  const now = isoNow(core.clock);
  await tx
    .insertInto('applicants')
    .values({
      id,
      cohort_year: cohortYear,
      ...columnsOf(r),
      name_initials: pinyinInitials(r.name),
      photo_sha256: null,
      extra_json: '{}',
      confirmation_status: 'pending',
      source_file: null,
      source_row: null,
      content_hash: contentHash(r),
      checklist_json: null,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
      assigned_json: assigned,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

async function saveAdjustment(
  tx: WriteTx,
  core: Core,
  actor: Actor,
  cohortYear: number,
  applicantId: string,
  rec: AssignedRecord,
) {
  const id = uuidv7(core.clock.nowMs());
  const payload = { specialty: rec.specialty, assignedBy: rec.by, fromBase: rec.fromBase, notice: rec.notice };
  await tx
    .insertInto('admission_decisions')
    .values({
      id,
      cohort_year: cohortYear,
      kind: 'adjustment',
      applicant_id: applicantId,
      payload_json: JSON.stringify(payload),
      reason: rec.reason,
      created_by: actor.username,
      created_at: rec.recordedAt,
      revoked_at: null,
      revoked_by: null,
      revoke_reason: null,
    })
    .execute();
  await appendEvent(tx, core, actor.username, {
    action: 'admission.adjust',
    entity: 'admission-decision',
    entityId: id,
    after: { kind: 'adjustment', applicantId, payload },
    reason: rec.reason,
  });
}

export async function recordAssigned(core: Core, actor: Actor, input: AssignedInput): Promise<ApplicantDetail> {
  const id = await core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    const preset = await currentPreset(tx);
    const by = authorityOf(preset);
    const now = isoNow(core.clock);
    const c = await check(tx, preset, input, now.slice(0, 10));
    const rec: AssignedRecord = {
      by,
      fromBase: input.fromBase || null,
      specialty: c.specialty,
      notice: input.notice || null,
      reason: input.reason,
      recordedBy: actor.username,
      recordedAt: now,
    };
    const existing = await tx
      .selectFrom('applicants')
      .select(['id', 'assigned_json'])
      .where('cohort_year', '=', base.cohort_year)
      .where('id_number', '=', c.idNumber)
      .executeTakeFirst();
    if (existing?.assigned_json) {
      throw new AppError('ASSIGNED_ALREADY', `证件号码 ${maskIdNumber(c.idNumber)} 的人员已登记为调剂人员，不需要重复登记。`);
    }
    let applicantId: string;
    if (existing) {
      applicantId = existing.id;
      await tx
        .updateTable('applicants')
        .set({ assigned_json: JSON.stringify(rec), updated_at: now })
        .where('id', '=', applicantId)
        .execute();
    } else {
      applicantId = await insertApplicant(tx, core, base.cohort_year, newRecord(input, c), JSON.stringify(rec));
    }
    await appendEvent(tx, core, actor.username, {
      action: 'applicant.record-assigned',
      entity: 'applicant',
      entityId: applicantId,
      after: { ...rec, name: input.name, idNumber: maskIdNumber(c.idNumber), existing: existing !== undefined },
      reason: input.reason,
    });
    await saveAdjustment(tx, core, actor, base.cohort_year, applicantId, rec);
    return applicantId;
  });
  return applicantDetail(core.db, id);
}
