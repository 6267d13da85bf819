/** One trainee with the history of status changes and transfers; numbers masked. */
import type { TraineeDetail } from '../../shared/contract/trainees';
import { maskPhone } from '../../shared/mask';
import { maskCertNo } from '../applicants/privacy';
import { loadCatalogue } from '../catalogue/catalogue';
import type { Tx } from '../context';
import { mustServeOf, summaryOf } from './record';
import type { TraineeTable } from './tables';
import { displayNamesOf } from '../users/display-names';

export async function traineeDetail(tx: Tx, t: TraineeTable): Promise<TraineeDetail> {
  const catalogue = await loadCatalogue(tx);
  const history = await tx
    .selectFrom('trainee_status_changes')
    .selectAll()
    .where('trainee_id', '=', t.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const transfers = await tx
    .selectFrom('trainee_transfers')
    .selectAll()
    .where('trainee_id', '=', t.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const people = await displayNamesOf(
    tx,
    [...history, ...transfers].map((x) => x.actor),
  );
  return {
    ...summaryOf(t, catalogue),
    phone: t.phone === null ? null : maskPhone(t.phone),
    employer: t.employer,
    mergedPostgraduate: t.merged_postgraduate === 1,
    qualificationCertNo: maskCertNo(t.qualification_cert_no),
    practisingCertNo: t.practising_cert_no,
    qualificationExam: t.qualification_exam,
    theoryStageExam: t.theory_stage_exam,
    processAssessment: t.process_assessment,
    applicantId: t.applicant_id,
    mustServe: mustServeOf(t),
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    statusHistory: history.map((h) => ({
      fromStatus: h.from_status,
      toStatus: h.to_status,
      effectiveDate: h.effective_date,
      reason: h.reason,
      actor: h.actor,
      actorName: people.get(h.actor) ?? h.actor,
      at: h.at,
    })),
    transfers: transfers.map((x) => ({
      kind: x.kind,
      before: x.before,
      after: x.after,
      effectiveDate: x.effective_date,
      reason: x.reason,
      actor: x.actor,
      actorName: people.get(x.actor) ?? x.actor,
      at: x.at,
    })),
  };
}
