/** Per-candidate look-ups of an interview session: sign-off state, the candidate by reference, marks, absence. */
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import type { CandidateState } from '../../shared/contract/scores';
import type { Tx } from '../context';
import { normalizeIdInput } from '../identity';
import { currentCells } from './marks';
import type { InterviewCandidateTable, InterviewSignoffTable } from './tables';

export type CandState = { latest: InterviewSignoffTable | null; signedVersions: number };

export async function candidateStates(tx: Tx, sessionId: string): Promise<Map<string, CandState>> {
  const rows = await tx
    .selectFrom('interview_signoffs')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('version')
    .orderBy('kind', 'desc') // 'signoff' before 'reopen' within one version
    .execute();
  const m = new Map<string, CandState>();
  for (const r of rows) {
    const s = m.get(r.candidate_id) ?? { latest: null, signedVersions: 0 };
    s.latest = r;
    if (r.kind === 'signoff') s.signedVersions += 1;
    m.set(r.candidate_id, s);
  }
  return m;
}

export async function resolveCandidate(tx: Tx, sessionId: string, ref: string): Promise<InterviewCandidateTable> {
  const byId = await tx
    .selectFrom('interview_candidates')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('id', '=', ref)
    .executeTakeFirst();
  if (byId) return byId;
  if (/^#?\d{1,4}$/.test(ref)) {
    const byDraw = await tx
      .selectFrom('interview_candidates')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('draw_no', '=', Number(ref.replace('#', '')))
      .executeTakeFirst();
    if (byDraw) return byDraw;
  }
  const idn = normalizeIdInput(ref);
  const byIdn = await tx
    .selectFrom('interview_candidates')
    .innerJoin('applicants', 'applicants.id', 'interview_candidates.applicant_id')
    .selectAll('interview_candidates')
    .where('interview_candidates.session_id', '=', sessionId)
    .where('applicants.id_number', '=', idn)
    .executeTakeFirst();
  if (byIdn) return byIdn;
  throw new AppError('CANDIDATE_NOT_IN_SESSION', `考生「${ref.length === 18 ? maskIdNumber(ref) : ref}」不在此面试场次中。`);
}

export function stateOf(st: CandState | undefined, absent: boolean): CandidateState {
  if (st?.latest?.kind === 'signoff') return 'signed';
  if (st?.latest?.kind === 'reopen') return 'reopened';
  return absent ? 'absent' : 'open';
}

/** Every mark (superseded ones too) of one candidate in a session, and whether the candidate is marked absent. */
export async function candidateMarks(tx: Tx, sessionId: string, candidateId: string) {
  const marks = await tx
    .selectFrom('interview_marks')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('candidate_id', '=', candidateId)
    .execute();
  return { marks, absent: await isAbsent(tx, sessionId, candidateId) };
}

/** The current marks of one interviewer on one item of one candidate (more than one head: a conflict). */
export async function currentCell(tx: Tx, sessionId: string, candidateId: string, interviewer: string, item: string) {
  const marks = await tx
    .selectFrom('interview_marks')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('candidate_id', '=', candidateId)
    .where('interviewer', '=', interviewer)
    .where('item_key', '=', item)
    .execute();
  return currentCells(marks).get(`${interviewer}\u0000${item}`);
}

export async function isAbsent(tx: Tx, sessionId: string, candidateId: string): Promise<boolean> {
  const absence = await tx
    .selectFrom('interview_absences')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst();
  return absence !== undefined;
}
