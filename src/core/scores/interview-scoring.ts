/**
 * Entering marks: one interviewer's score on one item, marking a candidate absent, and the head settling a
 * conflict between two devices' marks. Every mark is an event projected into interview_marks.
 */
import type { CandidateSheet } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx, WriteTx } from '../context';
import { parseScore } from './rules';
import { uuidv7 } from '../util/uuid7';
import { candidateStates, currentCell, isAbsent, resolveCandidate } from './interview-candidates';
import { loadSession, type LoadedSession } from './interview-session';
import { candidateSheet } from './interview-sheet';
import { requireHead } from './interview-signoff';
import { ABSENT_ACTION, MARK_ACTION, isConflict, projectEvent, type MarkPayload } from './marks';
import type { InterviewCandidateTable } from './tables';

export const UNABLE_MARKS = ['无法评价', 'unable', 'N/A', 'NA'];

async function interviewerFor(tx: Tx, s: LoadedSession, actor: Actor, requested: string | undefined): Promise<string> {
  let who = requested;
  if (s.row.origin === 'station') {
    // A prepared laptop scores for the one interviewer it was prepared for, whoever is logged in on it.
    const a = await tx
      .selectFrom('station_assignments')
      .select('interviewer')
      .where('session_id', '=', s.row.id)
      .executeTakeFirst();
    if (a && who !== undefined && who !== a.interviewer) {
      throw new AppError('STATION_OTHER_INTERVIEWER', `本机只为面试官「${a.interviewer}」准备，不能录入「${who}」的评分。`);
    }
    who = a?.interviewer;
  }
  who ??= actor.username;
  if (!s.panel.some((p) => p.username === who)) {
    throw new AppError('NOT_ON_PANEL', `「${who}」不是本场次专家组成员，不能录入评分。`);
  }
  if (actor.role === 'interviewer' && who !== actor.username && s.row.origin !== 'station') {
    throw new AppError('FORBIDDEN', '面试官只能录入自己的评分。');
  }
  return who;
}

async function assertOpen(tx: Tx, s: LoadedSession, c: InterviewCandidateTable): Promise<void> {
  const st = (await candidateStates(tx, s.row.id)).get(c.id);
  if (st?.latest?.kind === 'signoff') {
    throw new AppError(
      'SCORE_LOCKED',
      `考生 ${c.draw_no} 号（${c.display_name}）已由组长签字确认，评分已锁定；如需更正，请组长先填写原因重新开启。`,
    );
  }
}

function parseItemScore(s: LoadedSession, item: string, score: string | number): { value: number | null; unable: boolean } {
  const it = s.items.find((i) => i.key === item || i.name === item);
  if (!it)
    throw new AppError(
      'ITEM_UNKNOWN',
      `评分项「${item}」不在本场次评分表中（可用：${s.items.map((i) => `${i.key}/${i.name}`).join('、')}）。`,
    );
  if (typeof score === 'string' && UNABLE_MARKS.includes(score.trim())) return { value: null, unable: true };
  const p = parseScore(score, it.max);
  if (!p.ok) throw new AppError(p.code, `评分项「${it.name}」：${p.message}`, { item: it.key });
  if (p.absent) throw new AppError('USE_MARK_ABSENT', '缺考请使用“标记缺考”（每位考生只需标记一次），不要在评分项中填写。');
  return { value: p.value, unable: false };
}

function itemKey(s: LoadedSession, item: string): string {
  return (s.items.find((i) => i.key === item || i.name === item) ?? { key: item }).key;
}

async function writeMark(tx: WriteTx, core: Core, actor: Actor, payload: MarkPayload): Promise<void> {
  const e = await appendEvent(tx, core, actor.username, {
    action: MARK_ACTION,
    entity: 'interview_mark',
    entityId: payload.id,
    after: payload,
    reason: payload.reason ?? null,
  });
  await projectEvent(tx, e);
}

export async function setScore(
  core: Core,
  actor: Actor,
  input: { sessionId: string; candidate: string; interviewer?: string | undefined; item: string; score: string | number },
): Promise<CandidateSheet> {
  return core.db.transaction().execute(async (tx) => {
    const s = await loadSession(tx, input.sessionId);
    const c = await resolveCandidate(tx, s.row.id, input.candidate);
    const who = await interviewerFor(tx, s, actor, input.interviewer);
    await assertOpen(tx, s, c);
    if (await isAbsent(tx, s.row.id, c.id)) throw new AppError('CANDIDATE_ABSENT', `考生 ${c.draw_no} 号已标记缺考，不能评分。`);
    const v = parseItemScore(s, input.item, input.score);
    const key = itemKey(s, input.item);
    const cell = await currentCell(tx, s.row.id, c.id, who, key);
    if (cell && isConflict(cell)) {
      throw new AppError(
        'SCORE_CONFLICT_UNRESOLVED',
        `该评分项存在来自不同设备的两个不同分数，需由组长填写原因处理冲突后再修改。`,
      );
    }
    if (cell && cell.heads[0]!.value === v.value && (cell.heads[0]!.unable === 1) === v.unable) {
      return candidateSheet(tx, s, c, actor); // same value again: nothing to record
    }
    await writeMark(tx, core, actor, {
      id: uuidv7(core.clock.nowMs()),
      sessionId: s.row.id,
      candidateId: c.id,
      interviewer: who,
      item: key,
      value: v.value,
      unable: v.unable,
      supersedes: cell ? cell.heads.map((h) => h.id) : [],
    });
    return candidateSheet(tx, s, c, actor);
  });
}

export async function markAbsent(
  core: Core,
  actor: Actor,
  input: { sessionId: string; candidate: string },
): Promise<CandidateSheet> {
  return core.db.transaction().execute(async (tx) => {
    const s = await loadSession(tx, input.sessionId);
    const c = await resolveCandidate(tx, s.row.id, input.candidate);
    if (actor.role === 'interviewer' && !s.panel.some((p) => p.username === actor.username) && s.row.origin !== 'station') {
      throw new AppError('NOT_ON_PANEL', '您不是本场次专家组成员。');
    }
    await assertOpen(tx, s, c);
    if (await isAbsent(tx, s.row.id, c.id))
      throw new AppError('ALREADY_ABSENT', `考生 ${c.draw_no} 号已标记缺考（只需标记一次）。`);
    const m = await tx
      .selectFrom('interview_marks')
      .select('id')
      .where('session_id', '=', s.row.id)
      .where('candidate_id', '=', c.id)
      .executeTakeFirst();
    if (m)
      throw new AppError('CANDIDATE_HAS_SCORES', `考生 ${c.draw_no} 号已有评分，不能标记缺考；如确属缺考，请组长核实后处理。`);
    const id = uuidv7(core.clock.nowMs());
    const e = await appendEvent(tx, core, actor.username, {
      action: ABSENT_ACTION,
      entity: 'interview_candidate',
      entityId: c.id,
      after: { id, sessionId: s.row.id, candidateId: c.id },
    });
    await projectEvent(tx, e);
    return candidateSheet(tx, s, c, actor);
  });
}

export async function resolveConflict(
  core: Core,
  actor: Actor,
  input: { sessionId: string; candidate: string; interviewer: string; item: string; score: string | number; reason: string },
): Promise<CandidateSheet> {
  return core.db.transaction().execute(async (tx) => {
    const s = await loadSession(tx, input.sessionId);
    requireHead(s, actor);
    const c = await resolveCandidate(tx, s.row.id, input.candidate);
    await assertOpen(tx, s, c);
    const key = itemKey(s, input.item);
    const v = parseItemScore(s, input.item, input.score);
    const cell = await currentCell(tx, s.row.id, c.id, input.interviewer, key);
    if (!cell || !isConflict(cell)) throw new AppError('NO_CONFLICT', '该评分项没有冲突，无需处理。');
    await writeMark(tx, core, actor, {
      id: uuidv7(core.clock.nowMs()),
      sessionId: s.row.id,
      candidateId: c.id,
      interviewer: input.interviewer,
      item: key,
      value: v.value,
      unable: v.unable,
      supersedes: cell.heads.map((h) => h.id),
      reason: input.reason,
    });
    return candidateSheet(tx, s, c, actor);
  });
}
