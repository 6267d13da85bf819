/**
 * The applicants the reduction feature reads: by record id or ID number, in the base's current cohort, with
 * the specialty they were admitted to (or their first choice before admission) and the program it belongs to.
 */
import { AppError } from '../../shared/errors';
import type { Program } from '../../shared/preset';
import { programOf } from '../admission/followups';
import { currentPreset, programsOf, requireBase } from '../base/base';
import type { ApplicantTable } from '../applicants/tables';
import type { Tx } from '../context';
import { normalizeIdInput } from '../identity';

export type ReductionApplicant = {
  a: ApplicantTable;
  specialtyCode: string | null;
  specialtyName: string | null;
  program: Program;
  defaultYears: number;
};

export type CohortContext = {
  cohortYear: number;
  province: string;
  programs: Program[];
  years: { residency: number; agp: number };
};

export async function cohortContext(tx: Tx): Promise<CohortContext> {
  const base = await requireBase(tx);
  const preset = await currentPreset(tx);
  return {
    cohortYear: base.cohort_year,
    province: preset.province,
    programs: programsOf(base),
    years: preset.trainingYears,
  };
}

export async function findApplicant(tx: Tx, cohortYear: number, target: string): Promise<ApplicantTable> {
  const byId = await tx.selectFrom('applicants').selectAll().where('id', '=', target).executeTakeFirst();
  if (byId) return byId;
  const byNumber = await tx
    .selectFrom('applicants')
    .selectAll()
    .where('cohort_year', '=', cohortYear)
    .where('id_number', '=', normalizeIdInput(target))
    .executeTakeFirst();
  if (byNumber) return byNumber;
  throw new AppError('REDUCTION_APPLICANT_NOT_FOUND', `${cohortYear} 年的报名者中没有这个证件号码，请核对。`);
}

/** The first choice's specialty code: choices are codes, or {base, specialty} where a choice names a base. */
function firstChoice(choicesJson: string): string | null {
  const choices: unknown = JSON.parse(choicesJson);
  if (!Array.isArray(choices) || choices.length === 0) return null;
  const c = choices[0] as unknown;
  if (typeof c === 'string') return c;
  if (c !== null && typeof c === 'object' && typeof (c as { specialty?: unknown }).specialty === 'string') {
    return (c as { specialty: string }).specialty;
  }
  return null;
}

export async function describeApplicants(tx: Tx, ctx: CohortContext, rows: ApplicantTable[]): Promise<ReductionApplicant[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const admitted = await tx
    .selectFrom('admissions')
    .select(['applicant_id', 'specialty_code'])
    .where('cohort_year', '=', ctx.cohortYear)
    .where('applicant_id', 'in', ids)
    .execute();
  const admittedTo = new Map(admitted.map((r) => [r.applicant_id, r.specialty_code]));
  const specialties = new Map(
    (await tx.selectFrom('specialties').select(['code', 'name']).execute()).map((s) => [s.code, s.name]),
  );
  return rows.map((a) => {
    const code = admittedTo.get(a.id) ?? firstChoice(a.choices_json);
    const name = code === null ? null : (specialties.get(code) ?? code);
    const program = programOf(ctx.programs, code ?? '', name ?? '');
    return { a, specialtyCode: code, specialtyName: name, program, defaultYears: ctx.years[program] };
  });
}
