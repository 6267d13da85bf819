/**
 * After admission: the training length (default per program from the preset; 1- or 2-year reductions
 * requested with documents, decided by the base, reviewed by the province; 助理全科 cannot reduce) and the
 * report-in / contract tracking against the preset's deadline.
 */
import type { ReductionStatus, TrackingRow, TrainingYearRow } from '../../shared/contract/admission';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import type { Preset, Program } from '../../shared/preset';
import { appendEvent } from '../audit/events';
import { currentPreset, programsOf, requireBase } from '../base/base';
import type { Actor, Core, Tx } from '../context';
import type { Clock } from '../util/clock';
import { isoNow } from '../util/clock';
import { parseJsonAs, stringList } from '../util/json';
import { addDays, daysBetween, requireDate, today } from './dates';
import type { TraineeFollowupTable } from './tables';
import { formatDate } from '../../shared/dates';

type AdmittedPerson = {
  applicantId: string;
  name: string;
  idNumber: string;
  specialtyCode: string;
  specialtyName: string;
  requestedAtRegistration: number;
  /** The applicant's category (单位人 / 社会人 ...): the contract deadline may apply to some only. */
  category: string | null;
  followup: TraineeFollowupTable | null;
};

async function admittedPeople(tx: Tx, year: number, applicantId?: string): Promise<AdmittedPerson[]> {
  let q = tx
    .selectFrom('admissions')
    .innerJoin('applicants', 'applicants.id', 'admissions.applicant_id')
    .leftJoin('specialties', 'specialties.code', 'admissions.specialty_code')
    .select([
      'admissions.applicant_id',
      'admissions.specialty_code',
      'specialties.name as specialty_name',
      'applicants.name',
      'applicants.id_number',
      'applicants.reduction_years',
      'applicants.category',
    ])
    .where('admissions.cohort_year', '=', year)
    .orderBy('admissions.specialty_code')
    .orderBy('admissions.total', 'desc')
    .orderBy('admissions.applicant_id');
  if (applicantId !== undefined) q = q.where('admissions.applicant_id', '=', applicantId);
  const rows = await q.execute();
  const followups = await tx.selectFrom('trainee_followups').selectAll().where('cohort_year', '=', year).execute();
  const byId = new Map(followups.map((f) => [f.applicant_id, f]));
  return rows.map((r) => ({
    applicantId: r.applicant_id,
    name: r.name,
    idNumber: maskIdNumber(r.id_number),
    specialtyCode: r.specialty_code,
    specialtyName: r.specialty_name ?? r.specialty_code,
    requestedAtRegistration: r.reduction_years,
    category: r.category,
    followup: byId.get(r.applicant_id) ?? null,
  }));
}

async function requireAdmitted(tx: Tx, year: number, applicantId: string): Promise<AdmittedPerson> {
  const [p] = await admittedPeople(tx, year, applicantId);
  if (p === undefined) {
    throw new AppError('ADMISSION_NOT_ADMITTED', '该考生不在当前拟录取名单中（未录取或已放弃），不能登记。');
  }
  return p;
}

/** 助理全科 when the specialty is the assistant-GP one, or the base runs only that program. */
export function programOf(programs: readonly Program[], specialtyCode: string, specialtyName: string): Program {
  if (specialtyCode === 'AGP' || specialtyName.includes('助理全科')) return 'agp';
  return programs.length === 1 && programs[0] === 'agp' ? 'agp' : 'residency';
}

/** Where a reduction request stands: base decision first, then the province's outcome. */
function reductionStatus(requested: number, f: TraineeFollowupTable | null): ReductionStatus {
  if (requested <= 0) return 'none';
  if (f?.base_decision === 'rejected') return 'base-rejected';
  if (f?.base_decision !== 'approved') return 'requested';
  if (f.province_outcome === 'approved') return 'province-approved';
  if (f.province_outcome === 'rejected') return 'province-rejected';
  return 'base-approved';
}

function trainingRow(
  p: AdmittedPerson,
  programs: readonly Program[],
  years: { residency: number; agp: number },
): TrainingYearRow {
  const program = programOf(programs, p.specialtyCode, p.specialtyName);
  const defaultYears = years[program];
  const f = p.followup;
  const requestedRaw = f !== null && f.reduction_requested > 0 ? f.reduction_requested : p.requestedAtRegistration;
  const warning =
    program === 'agp' && requestedRaw > 0 ? '助理全科医生培训不能申请年限减免：报名时填写的减免申请不予受理。' : null;
  const requested = program === 'agp' ? 0 : requestedRaw;
  const status = reductionStatus(requested, f);
  const granted = status === 'base-approved' || status === 'province-approved' ? (f?.base_years ?? 0) : 0;
  return {
    applicantId: p.applicantId,
    name: p.name,
    idNumber: p.idNumber,
    specialtyCode: p.specialtyCode,
    specialtyName: p.specialtyName,
    program,
    defaultYears,
    requested,
    documents:
      f === null ? [] : parseJsonAs(stringList, f.reduction_documents_json, 'trainee_followups.reduction_documents_json'),
    note: f?.reduction_note ?? null,
    status,
    baseYears: f?.base_years ?? null,
    baseReason: f?.base_reason ?? null,
    provinceNote: f?.province_note ?? null,
    decidedYears: defaultYears - granted,
    final: status !== 'requested' && status !== 'base-approved',
    warning,
  };
}

export async function trainingYears(tx: Tx): Promise<TrainingYearRow[]> {
  const base = await requireBase(tx);
  const preset = await currentPreset(tx);
  const programs = programsOf(base);
  return (await admittedPeople(tx, base.cohort_year)).map((p) => trainingRow(p, programs, preset.trainingYears));
}

async function upsertFollowup(tx: Tx, clock: Clock, year: number, applicantId: string, patch: Partial<TraineeFollowupTable>) {
  const now = isoNow(clock);
  await tx
    .insertInto('trainee_followups')
    .values({
      applicant_id: applicantId,
      cohort_year: year,
      reduction_requested: 0,
      reduction_documents_json: '[]',
      reduction_note: null,
      base_decision: null,
      base_years: null,
      base_reason: null,
      base_decided_by: null,
      base_decided_at: null,
      province_outcome: null,
      province_note: null,
      province_recorded_at: null,
      reported_on: null,
      contract_signed_on: null,
      updated_at: now,
      ...patch,
    })
    .onConflict((oc) => oc.column('applicant_id').doUpdateSet({ ...patch, updated_at: now }))
    .execute();
}

async function changeYears(
  core: Core,
  actor: Actor,
  applicantId: string,
  action: string,
  reason: string | null,
  apply: (row: TrainingYearRow, year: number) => Partial<TraineeFollowupTable>,
): Promise<TrainingYearRow> {
  return core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    const preset = await currentPreset(tx);
    const programs = programsOf(base);
    const before = trainingRow(await requireAdmitted(tx, base.cohort_year, applicantId), programs, preset.trainingYears);
    await upsertFollowup(tx, core.clock, base.cohort_year, applicantId, apply(before, base.cohort_year));
    const after = trainingRow(await requireAdmitted(tx, base.cohort_year, applicantId), programs, preset.trainingYears);
    await appendEvent(tx, core, actor.username, { action, entity: 'trainee', entityId: applicantId, before, after, reason });
    return after;
  });
}

export async function requestReduction(
  core: Core,
  actor: Actor,
  input: { applicantId: string; years: 1 | 2; documents: string[]; note?: string | undefined },
): Promise<TrainingYearRow> {
  return changeYears(core, actor, input.applicantId, 'training-years.request', input.note ?? null, (row) => {
    if (row.program === 'agp') {
      throw new AppError('ADMISSION_AGP_NO_REDUCTION', '助理全科医生培训不能申请培训年限减免。未做任何更改。');
    }
    if (input.years >= row.defaultYears) {
      throw new AppError('ADMISSION_REDUCTION_TOO_LONG', `培训年限为 ${row.defaultYears} 年，不能减免 ${input.years} 年。`);
    }
    // A new request restarts the decisions: the base and the province decide on what was asked.
    return {
      reduction_requested: input.years,
      reduction_documents_json: JSON.stringify(input.documents),
      reduction_note: input.note ?? null,
      base_decision: null,
      base_years: null,
      base_reason: null,
      base_decided_by: null,
      base_decided_at: null,
      province_outcome: null,
      province_note: null,
      province_recorded_at: null,
    };
  });
}

export async function decideReduction(
  core: Core,
  actor: Actor,
  input: { applicantId: string; approve: boolean; years?: 1 | 2 | undefined; reason: string },
): Promise<TrainingYearRow> {
  return changeYears(core, actor, input.applicantId, 'training-years.base-decision', input.reason, (row) => {
    if (row.requested === 0) {
      throw new AppError('ADMISSION_NO_REDUCTION_REQUEST', `${row.name} 没有年限减免申请，无需决定。请先登记申请。`);
    }
    const years = input.years ?? row.requested;
    if (input.approve && years > row.requested) {
      throw new AppError('ADMISSION_REDUCTION_EXCEEDS_REQUEST', `申请减免 ${row.requested} 年，基地不能批准 ${years} 年。`);
    }
    return {
      reduction_requested: row.requested,
      base_decision: input.approve ? 'approved' : 'rejected',
      base_years: input.approve ? years : 0,
      base_reason: input.reason,
      base_decided_by: actor.username,
      base_decided_at: isoNow(core.clock),
      province_outcome: null,
      province_note: null,
      province_recorded_at: null,
    };
  });
}

export async function recordProvinceReview(
  core: Core,
  actor: Actor,
  input: { applicantId: string; outcome: 'approved' | 'rejected'; note?: string | undefined },
): Promise<TrainingYearRow> {
  return changeYears(core, actor, input.applicantId, 'training-years.province-review', input.note ?? null, (row) => {
    if (row.status !== 'base-approved' && row.status !== 'province-approved' && row.status !== 'province-rejected') {
      throw new AppError('ADMISSION_NOT_SENT_TO_PROVINCE', `${row.name} 的年限减免尚未经基地批准，没有需要省级审核的结果。`);
    }
    return { province_outcome: input.outcome, province_note: input.note ?? null, province_recorded_at: isoNow(core.clock) };
  });
}

// ---- report-in and contract ----

/**
 * The contract deadline for this person: the preset's days, or none when the preset limits it to some
 * categories (Jilin: 社会人 only, "在录取且报到后两周内依法与其签订劳动合同"; 单位人 already have an employer's contract).
 */
export function deadlineDaysFor(
  preset: Pick<Preset, 'contractDeadlineDays' | 'contractDeadlineCategories'>,
  category: string | null,
): number | null {
  const only = preset.contractDeadlineCategories;
  if (only !== undefined && (category === null || !only.includes(category))) return null;
  return preset.contractDeadlineDays;
}

function trackingRow(p: AdmittedPerson, deadlineDays: number | null, todayDate: string): TrackingRow {
  const reportedOn = p.followup?.reported_on ?? null;
  const signedOn = p.followup?.contract_signed_on ?? null;
  const deadline = reportedOn !== null && deadlineDays !== null ? addDays(reportedOn, deadlineDays) : null;
  let status: TrackingRow['status'] = 'not-reported';
  let daysLeft: number | null = null;
  if (reportedOn !== null) {
    if (signedOn !== null) status = deadline !== null && signedOn > deadline ? 'signed-late' : 'signed';
    else if (deadline !== null) {
      daysLeft = daysBetween(todayDate, deadline);
      status = daysLeft < 0 ? 'overdue' : 'awaiting-contract';
    } else status = 'awaiting-contract';
  }
  return {
    applicantId: p.applicantId,
    name: p.name,
    idNumber: p.idNumber,
    specialtyCode: p.specialtyCode,
    specialtyName: p.specialtyName,
    reportedOn,
    contractSignedOn: signedOn,
    deadlineDays,
    deadline,
    daysLeft,
    status,
  };
}

export async function tracking(tx: Tx, clock: Clock): Promise<TrackingRow[]> {
  const base = await requireBase(tx);
  const preset = await currentPreset(tx);
  const t = today(clock);
  return (await admittedPeople(tx, base.cohort_year)).map((p) => trackingRow(p, deadlineDaysFor(preset, p.category), t));
}

async function changeTracking(
  core: Core,
  actor: Actor,
  applicantId: string,
  action: string,
  apply: (row: TrackingRow) => Partial<TraineeFollowupTable>,
): Promise<TrackingRow> {
  return core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    const preset = await currentPreset(tx);
    const t = today(core.clock);
    const person = await requireAdmitted(tx, base.cohort_year, applicantId);
    const days = deadlineDaysFor(preset, person.category);
    const before = trackingRow(person, days, t);
    await upsertFollowup(tx, core.clock, base.cohort_year, applicantId, apply(before));
    const after = trackingRow(await requireAdmitted(tx, base.cohort_year, applicantId), days, t);
    await appendEvent(tx, core, actor.username, { action, entity: 'trainee', entityId: applicantId, before, after });
    return after;
  });
}

export async function recordReportIn(
  core: Core,
  actor: Actor,
  input: { applicantId: string; date: string },
): Promise<TrackingRow> {
  const date = requireDate(input.date, '报到日期');
  return changeTracking(core, actor, input.applicantId, 'trainee.report-in', (row) => {
    if (row.contractSignedOn !== null && row.contractSignedOn < date) {
      throw new AppError(
        'ADMISSION_BAD_DATE',
        `报到日期 ${formatDate(date)} 晚于已登记的签约日期 ${formatDate(row.contractSignedOn)}，请核对。`,
      );
    }
    return { reported_on: date };
  });
}

export async function recordContract(
  core: Core,
  actor: Actor,
  input: { applicantId: string; date: string },
): Promise<TrackingRow> {
  const date = requireDate(input.date, '签约日期');
  return changeTracking(core, actor, input.applicantId, 'trainee.contract', (row) => {
    if (row.reportedOn === null) {
      throw new AppError('ADMISSION_NOT_REPORTED', `${row.name} 尚未登记报到，请先登记报到日期。`);
    }
    if (date < row.reportedOn) {
      throw new AppError(
        'ADMISSION_BAD_DATE',
        `签约日期 ${formatDate(date)} 早于报到日期 ${formatDate(row.reportedOn)}，请核对。`,
      );
    }
    return { contract_signed_on: date };
  });
}
