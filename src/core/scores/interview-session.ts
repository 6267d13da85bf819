/**
 * Interview sessions (面试场次): panel, items and candidates in a seeded draw order; loading, summary and
 * listing. Marks are entered in interview-scoring.ts, signed off in interview-signoff.ts and shown per
 * candidate by interview-sheet.ts.
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { InterviewItem, SessionSummary } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import { currentPreset } from '../base/base';
import type { Actor, Core, Tx } from '../context';
import { normalizeIdInput } from '../identity';
import { formatHundredths, type Component } from './rules';
import { isoNow } from '../util/clock';
import { parseJsonAs } from '../util/json';
import { uuidv7 } from '../util/uuid7';
import { loadComponents } from './components';
import { drawOrder } from './draw';
import { candidateStates } from './interview-candidates';
import type { InterviewCandidateTable, InterviewSessionTable } from './tables';

export const DEFAULT_ITEMS: InterviewItem[] = [
  { key: 'knowledge', name: '专业知识', max: 25 },
  { key: 'reasoning', name: '临床思维', max: 25 },
  { key: 'communication', name: '沟通能力', max: 25 },
  { key: 'professionalism', name: '职业素养', max: 25 },
];

const interviewItems = z.array(z.object({ key: z.string(), name: z.string(), max: z.number() }));

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
    items: parseJsonAs(interviewItems, row.items_json, 'interview_sessions.items_json'),
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
    const items = checkItems(
      input.items ?? DEFAULT_ITEMS,
      components.find((c) => c.key === 'interview'),
    );
    await checkPanel(tx, input.panel);
    const applicants = await resolveApplicants(tx, base.cohort_year, input.candidates);
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

/** The items must have distinct keys and add up to the interview component's maximum. */
function checkItems(items: InterviewItem[], comp: Component | undefined): InterviewItem[] {
  if (!comp)
    throw new AppError('SESSION_NO_INTERVIEW_COMPONENT', '本年度考核项目中没有“面试”（interview），请先在考核项目中添加。');
  const keys = new Set(items.map((i) => i.key));
  if (keys.size !== items.length) throw new AppError('SESSION_DUPLICATE_ITEM', '评分项键名重复，请修改。');
  const itemsMax = items.reduce((s, i) => s + Math.round(i.max * 100), 0);
  if (itemsMax !== Math.round(comp.max * 100)) {
    throw new AppError(
      'SESSION_ITEMS_MAX_MISMATCH',
      `评分项满分之和为 ${formatHundredths(itemsMax)}，与面试满分 ${comp.max} 不一致：请调整评分项满分。`,
    );
  }
  return items;
}

/** Exactly one head, no one twice, every member an enabled user. */
async function checkPanel(tx: Tx, panel: CreateSessionInput['panel']): Promise<void> {
  const heads = panel.filter((p) => p.head);
  if (heads.length !== 1) throw new AppError('SESSION_HEAD_REQUIRED', '专家组必须指定且只能指定一位组长。');
  const names = new Set<string>();
  for (const p of panel) {
    if (names.has(p.username)) throw new AppError('SESSION_DUPLICATE_MEMBER', `面试官「${p.username}」重复。`);
    names.add(p.username);
    const u = await tx.selectFrom('users').select(['role', 'disabled']).where('username', '=', p.username).executeTakeFirst();
    if (!u || u.disabled)
      throw new AppError('SESSION_UNKNOWN_USER', `用户「${p.username}」不存在或已停用：请先在用户管理中添加面试官。`);
  }
}

/**
 * The candidates by applicant id or ID number, each once, sorted by ID number (the draw's input order).
 * Only applicants whose on-site confirmation passed (确认通过) sit the interview: a pending, returned or
 * refused applicant is refused here whatever screen or command sent them, naming who, and nothing is saved.
 */
async function resolveApplicants(tx: Tx, cohortYear: number, refs: string[]) {
  const applicants = [];
  const seen = new Set<string>();
  const unconfirmed: Array<{ id: string; name: string; id_number: string }> = [];
  for (const ref of refs) {
    const idn = normalizeIdInput(ref);
    const a = await tx
      .selectFrom('applicants')
      .select(['id', 'name', 'id_number', 'confirmation_status'])
      .where('cohort_year', '=', cohortYear)
      .where((eb) => eb.or([eb('id', '=', ref), eb('id_number', '=', idn)]))
      .executeTakeFirst();
    if (!a) throw new AppError('CANDIDATE_UNKNOWN', `考生「${ref}」不在本年度报名名单中。`, { candidate: ref });
    if (seen.has(a.id)) throw new AppError('CANDIDATE_DUPLICATE', `考生「${a.name}」重复列出。`);
    seen.add(a.id);
    if (a.confirmation_status !== 'confirmed') unconfirmed.push(a);
    applicants.push(a);
  }
  if (unconfirmed.length > 0) refuseUnconfirmed(unconfirmed);
  applicants.sort((x, y) => (x.id_number < y.id_number ? -1 : x.id_number > y.id_number ? 1 : 0));
  return applicants;
}

function refuseUnconfirmed(people: Array<{ id: string; name: string; id_number: string }>): never {
  const shown = people.slice(0, 5).map((p) => `${p.name}（${maskIdNumber(p.id_number)}）`);
  const more = people.length > shown.length ? ` 等 ${people.length} 人` : '';
  throw new AppError(
    'CANDIDATE_NOT_CONFIRMED',
    `${shown.join('、')}${more}未通过现场确认，不能参加面试：请先完成现场确认，或从考生名单中去掉。面试场次未建立。`,
    { applicantIds: people.map((p) => p.id) },
  );
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
