/**
 * Interview sessions (面试场次): panel, items, candidates in a seeded draw order; per-interviewer marks;
 * absence; head sign-off that locks; correction only by reopening with a reason, then re-signing.
 */
import { randomInt } from 'node:crypto';
import type {
  CandidateSheet,
  CandidateState,
  InterviewItem,
  MarkConflict,
  SessionDetail,
  SessionSummary,
} from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import { currentPreset } from '../base/base';
import type { Actor, Core, Tx } from '../context';
import { normalizeIdInput } from '../identity';
import { aggregatePanel, formatHundredths, parseScore, type PanelSheet } from './rules';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { loadComponents } from './components';
import { drawOrder } from './draw';
import { ABSENT_ACTION, MARK_ACTION, currentCells, isConflict, projectEvent, type MarkPayload } from './marks';
import type { InterviewCandidateTable, InterviewSessionTable, InterviewSignoffTable } from './tables';

export const DEFAULT_ITEMS: InterviewItem[] = [
  { key: 'knowledge', name: '专业知识', max: 25 },
  { key: 'reasoning', name: '临床思维', max: 25 },
  { key: 'communication', name: '沟通能力', max: 25 },
  { key: 'professionalism', name: '职业素养', max: 25 },
];

export const UNABLE_MARKS = ['无法评价', 'unable', 'N/A', 'NA'];

export type LoadedSession = {
  row: InterviewSessionTable;
  items: InterviewItem[];
  panel: Array<{ username: string; head: boolean }>;
};

export async function loadSession(tx: Tx, sessionId: string): Promise<LoadedSession> {
  const row = await tx.selectFrom('interview_sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!row) throw new AppError('SESSION_UNKNOWN', `面试场次「${sessionId}」不存在，请检查场次编号。`);
  const panel = await tx
    .selectFrom('interview_panel')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('username')
    .execute();
  return {
    row,
    items: JSON.parse(row.items_json) as InterviewItem[],
    panel: panel.map((p) => ({ username: p.username, head: p.is_head === 1 })),
  };
}

export async function summarize(tx: Tx, s: LoadedSession): Promise<SessionSummary> {
  const n = await tx
    .selectFrom('interview_candidates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', s.row.id)
    .executeTakeFirstOrThrow();
  const states = await candidateStates(tx, s.row.id);
  return {
    id: s.row.id,
    name: s.row.name,
    date: s.row.date,
    site: s.row.site,
    cohortYear: s.row.cohort_year,
    items: s.items,
    aggregation: s.row.aggregation,
    seed: s.row.seed,
    panel: s.panel,
    origin: s.row.origin,
    candidateCount: Number(n.n),
    signed: [...states.values()].filter((x) => x.latest?.kind === 'signoff').length,
  };
}

export type CreateSessionInput = {
  name: string;
  date: string;
  site: string;
  items?: InterviewItem[] | undefined;
  panel: Array<{ username: string; head: boolean }>;
  candidates: string[];
  seed?: number | undefined;
  aggregation?: 'mean' | 'trimmed-mean' | undefined;
};

export async function createSession(core: Core, actor: Actor, input: CreateSessionInput): Promise<SessionSummary> {
  return core.db.transaction().execute(async (tx) => {
    const base = await tx.selectFrom('base').select('cohort_year').where('id', '=', 1).executeTakeFirstOrThrow();
    const preset = await currentPreset(tx);
    const { components } = await loadComponents(tx, base.cohort_year, preset);
    const comp = components.find((c) => c.key === 'interview');
    if (!comp)
      throw new AppError('SESSION_NO_INTERVIEW_COMPONENT', '本年度考核项目中没有“面试”（interview），请先在考核项目中添加。');
    const items = input.items ?? DEFAULT_ITEMS;
    const keys = new Set(items.map((i) => i.key));
    if (keys.size !== items.length) throw new AppError('SESSION_DUPLICATE_ITEM', '评分项键名重复，请修改。');
    const itemsMax = items.reduce((s, i) => s + Math.round(i.max * 100), 0);
    if (itemsMax !== Math.round(comp.max * 100)) {
      throw new AppError(
        'SESSION_ITEMS_MAX_MISMATCH',
        `评分项满分之和为 ${formatHundredths(itemsMax)}，与面试满分 ${comp.max} 不一致：请调整评分项满分。`,
      );
    }
    const heads = input.panel.filter((p) => p.head);
    if (heads.length !== 1) throw new AppError('SESSION_HEAD_REQUIRED', '专家组必须指定且只能指定一位组长。');
    const names = new Set<string>();
    for (const p of input.panel) {
      if (names.has(p.username)) throw new AppError('SESSION_DUPLICATE_MEMBER', `面试官「${p.username}」重复。`);
      names.add(p.username);
      const u = await tx.selectFrom('users').select(['role', 'disabled']).where('username', '=', p.username).executeTakeFirst();
      if (!u || u.disabled)
        throw new AppError('SESSION_UNKNOWN_USER', `用户「${p.username}」不存在或已停用：请先在用户管理中添加面试官。`);
    }
    const applicants = [];
    const seen = new Set<string>();
    for (const ref of input.candidates) {
      const idn = normalizeIdInput(ref);
      const a = await tx
        .selectFrom('applicants')
        .select(['id', 'name', 'id_number'])
        .where('cohort_year', '=', base.cohort_year)
        .where((eb) => eb.or([eb('id', '=', ref), eb('id_number', '=', idn)]))
        .executeTakeFirst();
      if (!a) throw new AppError('CANDIDATE_UNKNOWN', `考生「${ref}」不在本年度报名名单中。`, { candidate: ref });
      if (seen.has(a.id)) throw new AppError('CANDIDATE_DUPLICATE', `考生「${a.name}」重复列出。`);
      seen.add(a.id);
      applicants.push(a);
    }
    applicants.sort((x, y) => (x.id_number < y.id_number ? -1 : x.id_number > y.id_number ? 1 : 0));
    const seed = input.seed ?? randomInt(0, 0xffffffff);
    const drawn = drawOrder(applicants, seed);
    const id = uuidv7(core.clock.nowMs());
    const row: InterviewSessionTable = {
      id,
      cohort_year: base.cohort_year,
      name: input.name,
      date: input.date,
      site: input.site,
      items_json: JSON.stringify(items),
      aggregation: input.aggregation ?? preset.exam.aggregation,
      seed,
      component: 'interview',
      origin: 'local',
      created_by: actor.username,
      created_at: isoNow(core.clock),
    };
    await tx.insertInto('interview_sessions').values(row).execute();
    for (const p of input.panel) {
      await tx
        .insertInto('interview_panel')
        .values({ session_id: id, username: p.username, is_head: p.head ? 1 : 0 })
        .execute();
    }
    const cands: InterviewCandidateTable[] = drawn.map((a, i) => ({
      id: uuidv7(core.clock.nowMs()),
      session_id: id,
      applicant_id: a.id,
      draw_no: i + 1,
      display_name: a.name,
    }));
    for (const c of cands) await tx.insertInto('interview_candidates').values(c).execute();
    await appendEvent(tx, core, actor.username, {
      action: 'interview.createSession',
      entity: 'interview_session',
      entityId: id,
      after: { ...row, items, panel: input.panel, draw: cands.map((c) => ({ drawNo: c.draw_no, applicantId: c.applicant_id })) },
    });
    return summarize(tx, { row, items, panel: input.panel.map((p) => ({ username: p.username, head: p.head })) });
  });
}

export async function listSessions(tx: Tx, actor: Actor): Promise<SessionSummary[]> {
  const rows = await tx.selectFrom('interview_sessions').select('id').orderBy('date', 'desc').orderBy('id').execute();
  const out: SessionSummary[] = [];
  for (const r of rows) {
    const s = await loadSession(tx, r.id);
    if (actor.role === 'interviewer' && !s.panel.some((p) => p.username === actor.username)) continue;
    out.push(await summarize(tx, s));
  }
  return out;
}

type CandState = { latest: InterviewSignoffTable | null; signedVersions: number };

async function candidateStates(tx: Tx, sessionId: string): Promise<Map<string, CandState>> {
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

function canSeeAll(s: LoadedSession, actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'coordinator' || s.panel.some((p) => p.head && p.username === actor.username);
}

function stateOf(st: CandState | undefined, absent: boolean): CandidateState {
  if (st?.latest?.kind === 'signoff') return 'signed';
  if (st?.latest?.kind === 'reopen') return 'reopened';
  return absent ? 'absent' : 'open';
}

/** Every mark (superseded ones too) of one candidate in a session, and whether the candidate is marked absent. */
async function candidateMarks(tx: Tx, sessionId: string, candidateId: string) {
  const marks = await tx
    .selectFrom('interview_marks')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('candidate_id', '=', candidateId)
    .execute();
  return { marks, absent: await isAbsent(tx, sessionId, candidateId) };
}

/** The current marks of one interviewer on one item of one candidate (more than one head: a conflict). */
async function currentCell(tx: Tx, sessionId: string, candidateId: string, interviewer: string, item: string) {
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

async function isAbsent(tx: Tx, sessionId: string, candidateId: string): Promise<boolean> {
  const absence = await tx
    .selectFrom('interview_absences')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst();
  return absence !== undefined;
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
    const r = JSON.parse(signed.result_json) as { markIds?: string[]; absent?: boolean };
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

function panelResult(
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

async function writeMark(tx: Tx, core: Core, actor: Actor, payload: MarkPayload): Promise<void> {
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

function requireHead(s: LoadedSession, actor: Actor): void {
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
    if (!absent && computed.view.status !== 'ok') {
      const why: Record<string, string> = {
        conflict: '存在未处理的评分冲突',
        incomplete: '尚有面试官未完成全部评分项',
        unassessable: '所有面试官均“无法评价”',
      };
      throw new AppError(
        'SIGNOFF_NOT_READY',
        `考生 ${c.draw_no} 号不能签字：${why[computed.view.status] ?? computed.view.status}。`,
        {
          status: computed.view.status,
        },
      );
    }
    if (absent && marks.length > 0)
      throw new AppError('SIGNOFF_NOT_READY', `考生 ${c.draw_no} 号既有缺考标记又有评分，请先核实。`);
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
    if (c.applicant_id) {
      const before = await tx
        .selectFrom('component_scores')
        .selectAll()
        .where('applicant_id', '=', c.applicant_id)
        .where('component', '=', s.row.component)
        .executeTakeFirst();
      // An imported interview score that differs is a conflict for a person to settle, not something to overwrite.
      if (before && before.source !== 'panel' && (before.value !== score || (before.absent === 1) !== absent)) {
        throw new AppError(
          'SCORE_CONFLICT',
          `考生 ${c.draw_no} 号已有从文件导入的面试成绩（${before.absent ? '缺考' : formatHundredths(before.value ?? 0)}），与专家组结果不同：请住培办核实后用“替换已有成绩”更正导入的成绩，再签字。`,
        );
      }
      const se = await appendEvent(tx, core, actor.username, {
        action: 'scores.set',
        entity: 'component_score',
        entityId: `${c.applicant_id}/${s.row.component}`,
        before: before ? { value: before.value, absent: before.absent === 1, source: before.source } : undefined,
        after: { value: score, absent, source: 'panel', sessionId: s.row.id, version },
      });
      await tx
        .insertInto('component_scores')
        .values({
          applicant_id: c.applicant_id,
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
