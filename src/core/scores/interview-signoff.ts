/**
 * The head's sign-off, which locks a candidate's marks and writes the panel score as the candidate's
 * interview component score; correction only by reopening with a reason, then re-signing.
 */
import type { CandidateSheet } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core, WriteTx } from '../context';
import { formatHundredths } from './rules';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { candidateMarks, candidateStates, resolveCandidate } from './interview-candidates';
import { loadSession, type LoadedSession } from './interview-session';
import { candidateSheet, panelResult } from './interview-sheet';
import { currentCells } from './marks';
import type { InterviewCandidateTable } from './tables';

export function requireHead(s: LoadedSession, actor: Actor): void {
  if (s.row.origin === 'station')
    throw new AppError('SIGNOFF_NOT_HERE', '离线评分设备上不能签字确认：请把评分包交回住培办，由组长在主机上签字。');
  if (!s.panel.some((p) => p.head && p.username === actor.username)) {
    throw new AppError('NOT_PANEL_HEAD', '只有本场次专家组组长可以签字确认、重新开启或处理冲突。');
  }
}

export async function signOff(
  core: Core,
  actor: Actor,
  input: { sessionId: string; candidate: string },
): Promise<CandidateSheet> {
  return core.db.transaction().execute(async (tx) => {
    const s = await loadSession(tx, input.sessionId);
    requireHead(s, actor);
    const c = await resolveCandidate(tx, s.row.id, input.candidate);
    const st = (await candidateStates(tx, s.row.id)).get(c.id);
    if (st?.latest?.kind === 'signoff') throw new AppError('ALREADY_SIGNED', `考生 ${c.draw_no} 号已签字确认。`);
    const { marks, absent } = await candidateMarks(tx, s.row.id, c.id);
    const cells = currentCells(marks);
    const computed = panelResult(s, cells);
    assertReady(c, computed.view.status, absent, marks.length);
    const version = (st?.signedVersions ?? 0) + 1;
    const score = absent ? null : computed.score;
    const result = { markIds: computed.markIds, absent, panel: computed.view };
    const id = uuidv7(core.clock.nowMs());
    const e = await appendEvent(tx, core, actor.username, {
      action: 'interview.signoff',
      entity: 'interview_candidate',
      entityId: c.id,
      before: st?.latest ? { version: st.latest.version, kind: st.latest.kind, score: st.latest.score } : undefined,
      after: { id, version, score, absent, result },
    });
    const now = isoNow(core.clock);
    await tx
      .insertInto('interview_signoffs')
      .values({
        id,
        session_id: s.row.id,
        candidate_id: c.id,
        version,
        kind: 'signoff',
        score,
        absent: absent ? 1 : 0,
        result_json: JSON.stringify(result),
        reason: null,
        actor: actor.username,
        event_id: e.id,
        created_at: now,
      })
      .execute();
    if (c.applicant_id)
      await writePanelScore(
        tx,
        core,
        actor,
        s,
        { applicantId: c.applicant_id, drawNo: c.draw_no },
        { score, absent, version, now },
      );
    return candidateSheet(tx, s, c, actor);
  });
}

export async function reopen(
  core: Core,
  actor: Actor,
  input: { sessionId: string; candidate: string; reason: string },
): Promise<CandidateSheet> {
  return core.db.transaction().execute(async (tx) => {
    const s = await loadSession(tx, input.sessionId);
    requireHead(s, actor);
    const c = await resolveCandidate(tx, s.row.id, input.candidate);
    const st = (await candidateStates(tx, s.row.id)).get(c.id);
    if (st?.latest?.kind !== 'signoff')
      throw new AppError('NOT_SIGNED', `考生 ${c.draw_no} 号尚未签字，无需重新开启，可直接修改。`);
    const id = uuidv7(core.clock.nowMs());
    const e = await appendEvent(tx, core, actor.username, {
      action: 'interview.reopen',
      entity: 'interview_candidate',
      entityId: c.id,
      before: { version: st.latest.version, score: st.latest.score, absent: st.latest.absent === 1 },
      after: { id, version: st.latest.version, state: 'reopened' },
      reason: input.reason,
    });
    await tx
      .insertInto('interview_signoffs')
      .values({
        id,
        session_id: s.row.id,
        candidate_id: c.id,
        version: st.latest.version,
        kind: 'reopen',
        score: null,
        absent: 0,
        result_json: '{}',
        reason: input.reason,
        actor: actor.username,
        event_id: e.id,
        created_at: isoNow(core.clock),
      })
      .execute();
    return candidateSheet(tx, s, c, actor);
  });
}

function assertReady(c: InterviewCandidateTable, status: string, absent: boolean, markCount: number): void {
  if (!absent && status !== 'ok') {
    throw new AppError('SIGNOFF_NOT_READY', `考生 ${c.draw_no} 号不能签字：${NOT_READY[status] ?? status}。`, { status });
  }
  if (absent && markCount > 0) throw new AppError('SIGNOFF_NOT_READY', `考生 ${c.draw_no} 号既有缺考标记又有评分，请先核实。`);
}

const NOT_READY: Record<string, string> = {
  conflict: '存在未处理的评分冲突',
  incomplete: '尚有面试官未完成全部评分项',
  unassessable: '所有面试官均“无法评价”',
};

/** The signed panel result becomes the candidate's interview component score (source 'panel'). */
async function writePanelScore(
  tx: WriteTx,
  core: Core,
  actor: Actor,
  s: LoadedSession,
  who: { applicantId: string; drawNo: number },
  signed: { score: number | null; absent: boolean; version: number; now: string },
): Promise<void> {
  const { score, absent, version, now } = signed;
  const before = await tx
    .selectFrom('component_scores')
    .selectAll()
    .where('applicant_id', '=', who.applicantId)
    .where('component', '=', s.row.component)
    .executeTakeFirst();
  // An imported interview score that differs is a conflict for a person to settle, not something to overwrite.
  if (before && before.source !== 'panel' && (before.value !== score || (before.absent === 1) !== absent)) {
    throw new AppError(
      'SCORE_CONFLICT',
      `考生 ${who.drawNo} 号已有从文件导入的面试成绩（${before.absent ? '缺考' : formatHundredths(before.value ?? 0)}），与专家组结果不同：请住培办核实后用“替换已有成绩”更正导入的成绩，再签字。`,
    );
  }
  const se = await appendEvent(tx, core, actor.username, {
    action: 'scores.set',
    entity: 'component_score',
    entityId: `${who.applicantId}/${s.row.component}`,
    before: before ? { value: before.value, absent: before.absent === 1, source: before.source } : undefined,
    after: { value: score, absent, source: 'panel', sessionId: s.row.id, version },
  });
  await tx
    .insertInto('component_scores')
    .values({
      applicant_id: who.applicantId,
      component: s.row.component,
      cohort_year: s.row.cohort_year,
      value: score,
      absent: absent ? 1 : 0,
      source: 'panel',
      event_id: se.id,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['applicant_id', 'component'])
        .doUpdateSet({ value: score, absent: absent ? 1 : 0, source: 'panel', event_id: se.id, updated_at: now }),
    )
    .execute();
}
