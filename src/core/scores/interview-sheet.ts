/** What one candidate's scoring sheet shows to one actor: marks, conflicts, panel result, sign-off state. */
import { z } from 'zod';
import type { CandidateSheet, MarkConflict, SessionDetail } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import type { Actor, Tx } from '../context';
import { aggregatePanel, type PanelSheet } from './rules';
import { parseJsonAs } from '../util/json';
import { candidateMarks, candidateStates, stateOf, type CandState } from './interview-candidates';
import { loadSession, summarize, type LoadedSession } from './interview-session';
import { currentCells, isConflict } from './marks';
import type { InterviewCandidateTable } from './tables';

const signedResult = z.object({ markIds: z.array(z.string()).optional(), absent: z.boolean().optional() });

function canSeeAll(s: LoadedSession, actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'coordinator' || s.panel.some((p) => p.head && p.username === actor.username);
}

/** Marks, conflicts, panel result and sign-off state of one candidate, as this actor may see them. */
export async function candidateSheet(
  tx: Tx,
  s: LoadedSession,
  c: InterviewCandidateTable,
  actor: Actor,
  states?: Map<string, CandState>,
): Promise<CandidateSheet> {
  const { marks, absent } = await candidateMarks(tx, s.row.id, c.id);
  const st = (states ?? (await candidateStates(tx, s.row.id))).get(c.id);
  const state = stateOf(st, absent);
  const cells = currentCells(marks);
  const all = canSeeAll(s, actor) || state === 'signed';
  const visible = [...cells.values()].filter((cell) => all || cell.interviewer === actor.username);
  const conflicts: MarkConflict[] = visible.filter(isConflict).map((cell) => ({
    interviewer: cell.interviewer,
    item: cell.item,
    marks: cell.heads.map((h) => ({ id: h.id, value: h.value, unable: h.unable === 1, stationId: h.station_id, actor: h.actor })),
  }));
  const view = visible
    .filter((cell) => !isConflict(cell))
    .map((cell) => ({
      interviewer: cell.interviewer,
      item: cell.item,
      value: cell.heads[0]!.value,
      unable: cell.heads[0]!.unable === 1,
    }))
    .sort((a, b) => (a.interviewer + '\u0000' + a.item < b.interviewer + '\u0000' + b.item ? -1 : 1));
  let panel: CandidateSheet['panel'];
  const applicant = c.applicant_id
    ? await tx.selectFrom('applicants').select(['id_number']).where('id', '=', c.applicant_id).executeTakeFirst()
    : undefined;
  const computed = panelResult(s, cells);
  if (absent) panel = { status: 'absent' };
  else if (!all) panel = { status: 'hidden' };
  else panel = computed.view;
  const signed = st?.latest?.kind === 'signoff' ? st.latest : null;
  let changedAfterSignoff = false;
  if (signed) {
    const r = parseJsonAs(signedResult, signed.result_json, 'interview_signoffs.result_json');
    changedAfterSignoff = (r.markIds ?? []).join(',') !== computed.markIds.join(',') || !!r.absent !== absent;
  }
  return {
    candidateId: c.id,
    drawNo: c.draw_no,
    name: c.display_name,
    idMasked: applicant ? maskIdNumber(applicant.id_number) : null,
    absent,
    state,
    marks: view,
    conflicts,
    panel,
    signoff: signed
      ? { version: signed.version, score: signed.score, absent: signed.absent === 1, by: signed.actor, at: signed.created_at }
      : null,
    changedAfterSignoff,
  };
}

export function panelResult(
  s: LoadedSession,
  cells: Map<string, ReturnType<typeof currentCells> extends Map<string, infer V> ? V : never>,
) {
  const markIds = [...cells.values()].flatMap((c) => c.heads.map((h) => h.id)).sort();
  if ([...cells.values()].some(isConflict)) return { view: { status: 'conflict' as const }, markIds, score: null };
  const sheets: PanelSheet[] = s.panel.map((p) => {
    const items: PanelSheet['items'] = {};
    for (const it of s.items) {
      const cell = cells.get(`${p.username}\u0000${it.key}`);
      if (cell) items[it.key] = cell.heads[0]!.unable ? 'unable' : cell.heads[0]!.value!;
    }
    return { interviewer: p.username, items };
  });
  const r = aggregatePanel(s.row.aggregation, sheets, s.items);
  if (r.status !== 'ok') return { view: { status: r.status }, markIds, score: null };
  return {
    view: {
      status: 'ok' as const,
      score: r.score,
      display: r.display,
      applied: r.applied,
      interviewers: r.interviewers.map((i) => ({
        interviewer: i.interviewer,
        display: i.display,
        ...(i.dropped ? { dropped: i.dropped } : {}),
      })),
    },
    markIds,
    score: r.score,
    result: r,
  };
}

export async function sessionDetail(tx: Tx, sessionId: string, actor: Actor): Promise<SessionDetail> {
  const s = await loadSession(tx, sessionId);
  const member = s.panel.some((p) => p.username === actor.username);
  if (actor.role === 'interviewer' && !member && s.row.origin !== 'station') {
    throw new AppError('NOT_ON_PANEL', '您不是本场次专家组成员，不能查看评分表。');
  }
  const states = await candidateStates(tx, sessionId);
  const cands = await tx
    .selectFrom('interview_candidates')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('draw_no')
    .execute();
  const candidates: CandidateSheet[] = [];
  for (const c of cands) candidates.push(await candidateSheet(tx, s, c, actor, states));
  return {
    ...(await summarize(tx, s)),
    candidates,
    me: { head: s.panel.some((p) => p.head && p.username === actor.username), member },
  };
}
