/**
 * 入培: every admitted applicant of the cohort who reported in becomes a trainee, all in one audited
 * transaction. Re-running adds only those not enrolled yet. Program and training years come from the
 * admission feature's training-years view, so a reduction decided there is the length used here.
 */
import type { TrainingYearRow } from '../../shared/contract/admission';
import type { EnrolNote, EnrolResult } from '../../shared/contract/trainees';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { trainingYears } from '../admission/followups';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import { loadCatalogue } from '../catalogue/catalogue';
import type { Actor, Core, Tx } from '../context';
import { pinyinInitials, type DocType } from '../identity';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { requireRealDate } from './dates';
import { columnsOf, contentHash, summaryOf } from './record';
import type { TraineeRecord } from './rules/validate-row';
import type { TraineeTable } from './tables';

type Admitted = {
  applicant_id: string;
  specialty_code: string;
  reported_on: string | null;
  id_type: string;
  id_number: string;
  name: string;
  sex: string | null;
  phone: string | null;
  category: string | null;
  employer: string | null;
  qualification_cert_no: string | null;
  practising_cert_no: string | null;
};

async function admittedOf(tx: Tx, cohortYear: number): Promise<Admitted[]> {
  return tx
    .selectFrom('admissions')
    .innerJoin('applicants', 'applicants.id', 'admissions.applicant_id')
    .leftJoin('trainee_followups', 'trainee_followups.applicant_id', 'admissions.applicant_id')
    .select([
      'admissions.applicant_id',
      'admissions.specialty_code',
      'trainee_followups.reported_on',
      'applicants.id_type',
      'applicants.id_number',
      'applicants.name',
      'applicants.sex',
      'applicants.phone',
      'applicants.category',
      'applicants.employer',
      'applicants.qualification_cert_no',
      'applicants.practising_cert_no',
    ])
    .where('admissions.cohort_year', '=', cohortYear)
    .orderBy('admissions.specialty_code')
    .orderBy('applicants.name_initials')
    .orderBy('admissions.applicant_id')
    .execute();
}

/** Categories that are clinical professional-degree master's students, trained as 并轨研究生. */
const POSTGRADUATE_CATEGORY = /专硕|专业学位硕士/;

function recordFor(a: Admitted, years: TrainingYearRow, cohortYear: number, startDate: string): TraineeRecord {
  return {
    idType: a.id_type as DocType,
    idNumber: a.id_number,
    name: a.name,
    sex: a.sex,
    phone: a.phone,
    program: years.program,
    specialtyCode: a.specialty_code,
    cohortYear,
    startDate,
    years: years.decidedYears,
    personType: a.category,
    employer: a.employer,
    partnerSite: null,
    mergedPostgraduate: a.category !== null && POSTGRADUATE_CATEGORY.test(a.category),
    qualificationCertNo: a.qualification_cert_no,
    practisingCertNo: a.practising_cert_no,
    // A 医师资格证书 number at registration means the examination was passed.
    qualificationExam: a.qualification_cert_no ? 'pass' : 'none',
    theoryStageExam: 'none',
    processAssessment: null,
  };
}

function note(a: Admitted, code: string, message: string): EnrolNote {
  return { applicantId: a.applicant_id, name: a.name, idNumber: maskIdNumber(a.id_number), code, message };
}

/** A length still open in the reduction workflow is used as it stands today, and said so. */
function yearsWarning(a: Admitted, y: TrainingYearRow): EnrolNote | null {
  if (y.status === 'requested') {
    return note(
      a,
      'REDUCTION_UNDECIDED',
      `${a.name} 申请减免 ${y.requested} 年，基地尚未决定：暂按 ${y.decidedYears} 年入培，决定后请调整。`,
    );
  }
  if (!y.final) {
    return note(
      a,
      'REDUCTION_PENDING_PROVINCE',
      `${a.name} 的年限减免已由基地批准，尚待省级审核：暂按 ${y.decidedYears} 年入培。`,
    );
  }
  return null;
}

async function existingTrainees(tx: Tx, admitted: Admitted[]) {
  const byApplicant = new Map<string, TraineeTable>();
  const byIdNumber = new Map<string, TraineeTable>();
  for (let i = 0; i < admitted.length; i += 400) {
    const chunk = admitted.slice(i, i + 400);
    const rows = await tx
      .selectFrom('trainees')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb(
            'applicant_id',
            'in',
            chunk.map((a) => a.applicant_id),
          ),
          eb(
            'id_number',
            'in',
            chunk.map((a) => a.id_number),
          ),
        ]),
      )
      .execute();
    for (const t of rows) {
      if (t.applicant_id !== null) byApplicant.set(t.applicant_id, t);
      byIdNumber.set(t.id_number, t);
    }
  }
  return { byApplicant, byIdNumber };
}

export async function enrolCohort(
  core: Core,
  actor: Actor,
  input: { cohortYear: number; startDate?: string | undefined },
): Promise<EnrolResult> {
  return core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    if (input.cohortYear !== base.cohort_year) {
      throw new AppError(
        'TRAINEES_COHORT_NOT_CURRENT',
        `录取、报到和年限减免按当前招收年度（${base.cohort_year}）登记，不能为 ${input.cohortYear} 级办理入培。往届学员请从省平台导出名单后导入。`,
        { cohortYear: base.cohort_year },
      );
    }
    // 学员培训时间从当年9月1日起开始计算 (seed 002, 八（四）).
    const startDate = input.startDate ? requireRealDate(input.startDate, '培训开始日期') : `${input.cohortYear}-09-01`;
    const years = new Map((await trainingYears(tx)).map((y) => [y.applicantId, y]));
    const admitted = await admittedOf(tx, input.cohortYear);
    const reported = admitted.filter((a) => a.reported_on !== null);
    const { byApplicant, byIdNumber } = await existingTrainees(tx, reported);
    const skipped: EnrolNote[] = [];
    const warnings: EnrolNote[] = [];
    const now = isoNow(core.clock);
    const rows: TraineeTable[] = [];
    for (const a of reported) {
      if (byApplicant.has(a.applicant_id)) continue;
      const other = byIdNumber.get(a.id_number);
      if (other) {
        skipped.push(
          note(
            a,
            'TRAINEE_EXISTS',
            `${a.name} 的证件号码已在学员名册中（${other.cohort_year} 级），未重复入培；如系同一人重新录取，请先核对原记录。`,
          ),
        );
        continue;
      }
      const y = years.get(a.applicant_id)!;
      const w = yearsWarning(a, y);
      if (w) warnings.push(w);
      const record = recordFor(a, y, input.cohortYear, startDate);
      rows.push({
        id: uuidv7(core.clock.nowMs()),
        ...columnsOf(record),
        name_initials: pinyinInitials(a.name),
        status: 'active',
        applicant_id: a.applicant_id,
        must_serve_json: null,
        source: 'enrolment',
        content_hash: contentHash(record),
        created_at: now,
        updated_at: now,
      });
    }
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('trainees')
        .values(rows.slice(i, i + 500))
        .execute();
    if (rows.length > 0) {
      await appendEvent(tx, core, actor.username, {
        action: 'trainees.enrol',
        entity: 'trainee-enrolment',
        entityId: String(input.cohortYear),
        after: {
          cohortYear: input.cohortYear,
          startDate,
          enrolled: rows.map((r) => ({ traineeId: r.id, applicantId: r.applicant_id })),
        },
      });
    }
    const catalogue = await loadCatalogue(tx);
    return {
      cohortYear: input.cohortYear,
      enrolled: rows.length,
      alreadyEnrolled: reported.filter((a) => byApplicant.has(a.applicant_id)).length,
      notReported: admitted.length - reported.length,
      trainees: rows.map((r) => summaryOf(r, catalogue)),
      skipped,
      warnings,
    };
  });
}
