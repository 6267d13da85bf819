/**
 * The trainee registry as rotation reads it. The registry (table `trainees`) belongs to its own feature;
 * rotation only reads the columns below, through this one file.
 */
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import type { Tx } from '../context';
import { normalizeIdInput } from '../identity';
import type { Program } from './rules/types';

export type RotationTrainee = {
  id: string;
  name: string;
  idNumber: string;
  program: Program;
  specialtyCode: string;
  cohortYear: number;
  /** YYYY-MM-DD; null = 9月1日 of the cohort year. */
  startDate: string | null;
  years: number;
  status: string;
  /** A reduced-year trainee's "需要补足培训时间的培训内容"; null = the whole scheme. */
  mustServe: Array<{ standardDepartment: string; months: number }> | null;
  partnerSite: string | null;
};

type Row = {
  id: string;
  name: string;
  id_number: string;
  program: string;
  specialty_code: string;
  cohort_year: number;
  start_date: string | null;
  years: number;
  status: string;
  must_serve_json: string | null;
  partner_site: string | null;
};

/** Trainees who left or finished are not planned and do not hold places. */
const INACTIVE = ['withdrawn', 'completed'];

const COLUMNS = [
  'id',
  'name',
  'id_number',
  'program',
  'specialty_code',
  'cohort_year',
  'start_date',
  'years',
  'status',
  'must_serve_json',
  'partner_site',
] as const;

function toTrainee(r: Row): RotationTrainee {
  return {
    id: r.id,
    name: r.name,
    idNumber: r.id_number,
    program: r.program === 'agp' ? 'agp' : 'residency',
    specialtyCode: r.specialty_code,
    cohortYear: r.cohort_year,
    startDate: r.start_date,
    years: r.years,
    status: r.status,
    mustServe: parseMustServe(r.must_serve_json),
    partnerSite: r.partner_site,
  };
}

function parseMustServe(json: string | null): RotationTrainee['mustServe'] {
  if (json === null || json.trim() === '') return null;
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return null;
  return value.map((v: { standardDepartment?: string; department?: string; months?: number }) => ({
    standardDepartment: String(v.standardDepartment ?? v.department ?? ''),
    months: Number(v.months ?? 0),
  }));
}

/** Active trainees, optionally of one cohort or a list of ids, in a stable order. */
export async function activeTrainees(tx: Tx, filter: { cohortYear?: number; ids?: string[] } = {}): Promise<RotationTrainee[]> {
  const rows: Row[] = await tx.selectFrom('trainees').select(COLUMNS).orderBy('cohort_year').orderBy('id').execute();
  return rows
    .filter((r) => !INACTIVE.includes(r.status))
    .filter((r) => filter.cohortYear === undefined || r.cohort_year === filter.cohortYear)
    .filter((r) => filter.ids === undefined || filter.ids.includes(r.id))
    .map(toTrainee);
}

/** Every cohort year with trainees (whatever their status), latest first. */
export async function cohortYears(tx: Tx): Promise<number[]> {
  const rows = await tx.selectFrom('trainees').select('cohort_year').distinct().orderBy('cohort_year', 'desc').execute();
  return rows.map((r) => r.cohort_year);
}

/** One cohort's active trainees in the registry's list order (specialty, pinyin initials, name), as the plan grid shows them. */
export async function cohortInListOrder(tx: Tx, cohortYear: number): Promise<RotationTrainee[]> {
  const rows: Row[] = await tx
    .selectFrom('trainees')
    .select(COLUMNS)
    .where('cohort_year', '=', cohortYear)
    .orderBy('specialty_code')
    .orderBy('name_initials')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.filter((r) => !INACTIVE.includes(r.status)).map(toTrainee);
}

export async function traineeById(tx: Tx, id: string): Promise<RotationTrainee | null> {
  const row: Row | undefined = await tx.selectFrom('trainees').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toTrainee(row) : null;
}

export type TraineeRef = { traineeId?: string | undefined; idNumber?: string | undefined };

/** A trainee by registry id or by ID number; a clear error when neither finds one. */
export async function requireTrainee(tx: Tx, ref: TraineeRef): Promise<RotationTrainee> {
  if (ref.traineeId) {
    const t = await traineeById(tx, ref.traineeId);
    if (t) return t;
  }
  if (ref.idNumber) {
    const id = normalizeIdInput(ref.idNumber);
    const row: Row | undefined = await tx.selectFrom('trainees').select(COLUMNS).where('id_number', '=', id).executeTakeFirst();
    if (row) return toTrainee(row);
    throw new AppError('ROTATION_TRAINEE_NOT_FOUND', `找不到证件号码为 ${maskIdNumber(id)} 的学员，请核对后重试。`);
  }
  throw new AppError('ROTATION_TRAINEE_NOT_FOUND', '找不到该学员，请核对后重试。');
}
