/** One applicant's reduction as the screen, the CLI and the 认定表 show it. */
import { z } from 'zod';
import type { ExperienceView, MakeupRow, ReductionFacts, ReductionRow, RotationLink } from '../../shared/contract/reduction';
import { maskIdNumber } from '../../shared/mask';
import type { Tx } from '../context';
import { parseJsonAs } from '../util/json';
import type { ReductionApplicant, CohortContext } from './applicants';
import { checkEligibility, checkExperience } from './rules';
import type { ReductionExperienceTable, ReductionRecordTable } from './tables';

// The shapes as stored: the contract's input rules (trimming, bounds) ran when the row was written.
const storedFacts = z.object({
  degreeLevel: z.enum(['master', 'doctor', 'none']).optional(),
  degreeType: z.enum(['professional', 'academic']).optional(),
  degreeDiscipline: z.enum(['clinical', 'stomatology', 'other']).optional(),
  degreeMajor: z.string().optional(),
  majorMatchesSpecialty: z.boolean().optional(),
  foreignDoctorate: z.enum(['clinical', 'non-clinical', 'none']).optional(),
  clinicalWorkYears: z.number().optional(),
});
const storedMakeup = z.array(z.object({ department: z.string(), months: z.number() }));

export function factsOf(r: ReductionRecordTable | undefined): ReductionFacts {
  return r === undefined ? {} : parseJsonAs(storedFacts, r.facts_json, 'reduction_records.facts_json');
}

export function makeupOf(r: ReductionRecordTable | undefined): MakeupRow[] {
  return r === undefined ? [] : parseJsonAs(storedMakeup, r.makeup_json, 'reduction_records.makeup_json');
}

export function experienceView(e: ReductionExperienceTable): ExperienceView {
  const recognisedBase = e.recognised_base === null ? null : e.recognised_base === 1;
  return {
    id: e.id,
    kind: e.kind,
    hospital: e.hospital,
    specialty: e.specialty,
    from: e.from_date,
    to: e.to_date,
    recognisedBase,
    proof: e.proof_sha256 === null ? null : { fileName: e.proof_file_name ?? '', mime: e.proof_mime ?? '' },
    review: e.review,
    reviewReason: e.review_reason,
    reviewedBy: e.reviewed_by,
    reviewedAt: e.reviewed_at,
    checks: checkExperience({ kind: e.kind, recognisedBase, hasProof: e.proof_sha256 !== null }),
  };
}

type TraineeLink = { years: number; must_serve_json: string | null } | undefined;

/** Whether the rotation plan already serves the recorded make-up content (it reads the trainee registry). */
export function rotationLinkOf(p: ReductionApplicant, r: ReductionRecordTable | undefined, t: TraineeLink): RotationLink {
  if (r === undefined || r.months_granted === null || r.months_granted === 0) return { state: 'no-outcome' };
  if (t === undefined) return { state: 'not-enrolled' };
  const expectedYears = p.defaultYears - r.months_granted / 12;
  if (t.years !== expectedYears) return { state: 'years-differ', traineeYears: t.years, expectedYears };
  const wanted = makeupOf(r).map((m) => ({ standardDepartment: m.department, months: m.months }));
  const current = t.must_serve_json === null ? null : (JSON.parse(t.must_serve_json) as unknown);
  return JSON.stringify(current) === JSON.stringify(wanted) ? { state: 'applied' } : { state: 'not-applied' };
}

export type RowSources = {
  record: ReductionRecordTable | undefined;
  experiences: ReductionExperienceTable[];
  trainee: TraineeLink;
};

export function reductionRow(ctx: CohortContext, p: ReductionApplicant, s: RowSources): ReductionRow {
  const r = s.record;
  const facts = factsOf(r);
  const outcome =
    r === undefined || r.months_granted === null
      ? null
      : {
          monthsGranted: r.months_granted,
          years: p.defaultYears - r.months_granted / 12,
          makeup: makeupOf(r),
          decidedOn: r.decided_on ?? '',
          note: r.decision_note,
          recordedBy: r.recorded_by ?? '',
          recordedAt: r.recorded_at ?? '',
        };
  return {
    applicantId: p.a.id,
    name: p.a.name,
    idNumber: maskIdNumber(p.a.id_number),
    specialtyCode: p.specialtyCode,
    specialtyName: p.specialtyName,
    program: p.program,
    defaultYears: p.defaultYears,
    facts,
    eligibility: checkEligibility(ctx.province, p.program, facts),
    outcome,
    agreement:
      r?.agreement_signed_on == null ? null : { signedOn: r.agreement_signed_on, recordedBy: r.agreement_recorded_by ?? '' },
    experiences: s.experiences.map(experienceView),
    rotation: rotationLinkOf(p, r, s.trainee),
  };
}

/** The rows of the given applicants, each with its record, experiences and enrolled trainee (if any). */
export async function rowsFor(tx: Tx, ctx: CohortContext, people: ReductionApplicant[]): Promise<ReductionRow[]> {
  if (people.length === 0) return [];
  const ids = people.map((p) => p.a.id);
  const records = new Map(
    (await tx.selectFrom('reduction_records').selectAll().where('applicant_id', 'in', ids).execute()).map((r) => [
      r.applicant_id,
      r,
    ]),
  );
  const experiences = await tx
    .selectFrom('reduction_experiences')
    .selectAll()
    .where('applicant_id', 'in', ids)
    .orderBy('from_date')
    .orderBy('id')
    .execute();
  const trainees = await tx
    .selectFrom('trainees')
    .select(['applicant_id', 'years', 'must_serve_json'])
    .where('applicant_id', 'in', ids)
    .execute();
  const traineeOf = new Map(trainees.map((t) => [t.applicant_id, t]));
  return people.map((p) =>
    reductionRow(ctx, p, {
      record: records.get(p.a.id),
      experiences: experiences.filter((e) => e.applicant_id === p.a.id),
      trainee: traineeOf.get(p.a.id),
    }),
  );
}
