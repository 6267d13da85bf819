/** Conversions between the stored row, the normalised import record and the API views (masked by default). */
import { z } from 'zod';
import type { FieldChange } from '../../shared/contract/applicants';
import {
  TRAINEE_PROGRAM_LABELS,
  type ExamResult,
  type MustServeRow,
  type TraineeFieldKey,
  type TraineeSummary,
} from '../../shared/contract/trainees';
import { maskIdNumber, maskPhone } from '../../shared/mask';
import { maskCertNo } from '../applicants/privacy';
import type { CatalogueIndex } from '../catalogue/catalogue';
import type { DocType } from '../identity';
import { traineeFieldLabel } from './fields';
import type { TraineeRecord } from './rules/validate-row';
import type { TraineeTable } from './tables';
import { parseJsonAs } from '../util/json';
import { hashFields } from '../util/record-fields';

export function recordOf(t: TraineeTable): TraineeRecord {
  return {
    idType: t.id_type as DocType,
    idNumber: t.id_number,
    name: t.name,
    sex: t.sex,
    phone: t.phone,
    program: t.program,
    specialtyCode: t.specialty_code,
    cohortYear: t.cohort_year,
    startDate: t.start_date,
    years: t.years,
    personType: t.person_type,
    employer: t.employer,
    partnerSite: t.partner_site,
    mergedPostgraduate: t.merged_postgraduate === 1,
    qualificationCertNo: t.qualification_cert_no,
    practisingCertNo: t.practising_cert_no,
    qualificationExam: t.qualification_exam,
    theoryStageExam: t.theory_stage_exam,
    processAssessment: t.process_assessment,
  };
}

/** The record's columns, for insert and update. */
export function columnsOf(r: TraineeRecord) {
  return {
    id_type: r.idType,
    id_number: r.idNumber,
    name: r.name,
    sex: r.sex,
    phone: r.phone,
    program: r.program,
    specialty_code: r.specialtyCode,
    cohort_year: r.cohortYear,
    start_date: r.startDate,
    years: r.years,
    person_type: r.personType,
    employer: r.employer,
    partner_site: r.partnerSite,
    merged_postgraduate: r.mergedPostgraduate ? 1 : 0,
    qualification_cert_no: r.qualificationCertNo,
    practising_cert_no: r.practisingCertNo,
    qualification_exam: r.qualificationExam,
    theory_stage_exam: r.theoryStageExam,
    process_assessment: r.processAssessment,
  };
}

/** Field order fixed by this list, so plain JSON of the values is canonical. */
const HASH_KEYS: readonly (keyof TraineeRecord)[] = [
  'idType',
  'idNumber',
  'name',
  'sex',
  'phone',
  'program',
  'specialtyCode',
  'cohortYear',
  'startDate',
  'years',
  'personType',
  'employer',
  'partnerSite',
  'mergedPostgraduate',
  'qualificationCertNo',
  'practisingCertNo',
  'qualificationExam',
  'theoryStageExam',
  'processAssessment',
];

export function contentHash(r: TraineeRecord): string {
  return hashFields(r, HASH_KEYS);
}

type RecordKey = keyof TraineeRecord;

function recordKeyOf(field: TraineeFieldKey): RecordKey {
  return field === 'specialty' ? 'specialtyCode' : field;
}

const EXAM_LABELS: Record<ExamResult, string> = { pass: '合格', fail: '不合格', none: '未考' };

function shown(key: RecordKey, v: unknown, catalogue: CatalogueIndex): string | null {
  if (v === null || v === undefined) return null;
  if (key === 'phone') return maskPhone(String(v));
  if (key === 'idNumber') return maskIdNumber(String(v));
  if (key === 'qualificationCertNo') return maskCertNo(String(v));
  if (key === 'specialtyCode') return catalogue.byCode.get(String(v))?.name ?? String(v);
  if (key === 'program') return TRAINEE_PROGRAM_LABELS[v as TraineeRecord['program']];
  if (key === 'qualificationExam' || key === 'theoryStageExam' || key === 'processAssessment') {
    return EXAM_LABELS[v as ExamResult];
  }
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/**
 * The stored record updated with only the fields the file supplies (a column missing from a newer file keeps
 * what is stored), plus the list of what changed, masked for display and for the audit trail.
 */
export function mergeRecord(
  existing: TraineeRecord,
  incoming: TraineeRecord,
  present: Set<TraineeFieldKey>,
  catalogue: CatalogueIndex,
): { merged: TraineeRecord; changes: FieldChange[] } {
  const merged: TraineeRecord = { ...existing };
  const fields = [...present];
  // The sex derived from the ID fills in only when the file has no column for it and nothing is stored.
  if (!present.has('sex') && existing.sex === null) fields.push('sex');
  const changes: FieldChange[] = [];
  for (const f of fields) {
    const k = recordKeyOf(f);
    if (existing[k] === incoming[k]) continue;
    (merged as Record<RecordKey, unknown>)[k] = incoming[k];
    changes.push({
      field: traineeFieldLabel(f),
      before: shown(k, existing[k], catalogue),
      after: shown(k, incoming[k], catalogue),
    });
  }
  return { merged, changes };
}

const mustServeList = z.array(z.object({ standardDepartment: z.string(), months: z.number() }));

export function mustServeOf(t: Pick<TraineeTable, 'must_serve_json'>): MustServeRow[] | null {
  return t.must_serve_json === null ? null : parseJsonAs(mustServeList, t.must_serve_json, 'trainees.must_serve_json');
}

export function summaryOf(t: TraineeTable, catalogue: CatalogueIndex, reveal = false): TraineeSummary {
  return {
    id: t.id,
    idNumber: reveal ? t.id_number : maskIdNumber(t.id_number),
    idType: t.id_type,
    name: t.name,
    sex: t.sex,
    program: t.program,
    specialtyCode: t.specialty_code,
    specialtyName: catalogue.byCode.get(t.specialty_code)?.name ?? t.specialty_code,
    cohortYear: t.cohort_year,
    startDate: t.start_date,
    years: t.years,
    status: t.status,
    personType: t.person_type,
    partnerSite: t.partner_site,
    source: t.source,
  };
}
