/** Loads the plain facts the exam rules decide on: the registry row, the rotation plan, leave, results. */
import type { Tx } from '../context';
import type { TraineeTable } from '../trainees/tables';
import type { ExamFacts, RecordedCheck, ResultFact } from './rules';
import { loadRotationRecords, rotationFactsOf, type RotationRecords } from './rotation-facts';
import type { ExamCheckCode } from '../../shared/contract/exam';

export type FactsContext = { rotation: RotationRecords; results: Map<string, ResultFact[]>; leaveMonths: Map<string, number> };

/** Facts of `traineeIds`, or of everyone when omitted. */
export async function factsContext(tx: Tx, traineeIds?: string[]): Promise<FactsContext> {
  const rotation = await loadRotationRecords(tx, traineeIds);
  let q = tx.selectFrom('exam_results').select(['trainee_id', 'year', 'subject', 'passed']);
  if (traineeIds) q = q.where('trainee_id', 'in', traineeIds.concat(['']));
  const rows = await q.execute();
  const results = new Map<string, ResultFact[]>();
  for (const r of rows) {
    const list = results.get(r.trainee_id) ?? [];
    list.push({ year: r.year, subject: r.subject, passed: r.passed === 1 });
    results.set(r.trainee_id, list);
  }
  const leaveMonths = new Map<string, number>();
  for (const [id, ranges] of rotation.leave) leaveMonths.set(id, ranges.reduce((a, l) => a + (l.to - l.from), 0) / 2);
  return { rotation, results, leaveMonths };
}

export function factsOf(ctx: FactsContext, t: TraineeTable): ExamFacts {
  return {
    traineeId: t.id,
    name: t.name,
    program: t.program,
    status: t.status,
    startDate: t.start_date,
    years: t.years,
    qualificationCertNo: t.qualification_cert_no,
    qualificationExam: t.qualification_exam,
    theoryStageExam: t.theory_stage_exam,
    processAssessment: t.process_assessment,
    rotation: rotationFactsOf(ctx.rotation, t.id),
    leaveMonths: ctx.leaveMonths.get(t.id) ?? 0,
    results: ctx.results.get(t.id) ?? [],
  };
}

export async function recordedChecks(tx: Tx, candidateIds: string[]): Promise<Map<string, RecordedCheck[]>> {
  const out = new Map<string, RecordedCheck[]>();
  if (candidateIds.length === 0) return out;
  const rows = await tx.selectFrom('exam_checks').selectAll().where('candidate_id', 'in', candidateIds).orderBy('at').execute();
  for (const r of rows) {
    const list = out.get(r.candidate_id) ?? [];
    list.push({ code: r.code as ExamCheckCode, passed: r.passed === 1, evidence: r.evidence, actor: r.actor, at: r.at });
    out.set(r.candidate_id, list);
  }
  return out;
}
