/** Candidates as screens, the CLI and exports see them: registry facts, checks (computed or recorded), status. */
import { z } from 'zod';
import {
  EXAM_CHECK_LABELS,
  EXAM_SUBJECTS,
  type ExamCalendar,
  type ExamCandidateView,
  type ExamCheckView,
  type ExamMaterialItem,
  type ExamRegistrationView,
  type ExamSubject,
} from '../../shared/contract/exam';
import { maskIdNumber } from '../../shared/mask';
import type { Core, Tx } from '../context';
import { parseJsonAs } from '../util/json';
import type { TraineeTable } from '../trainees/tables';
import { factsContext, factsOf, recordedChecks, type FactsContext } from './facts';
import {
  beijingDate,
  beijingMoment,
  checkEligibility,
  eligibilityOf,
  isEligible,
  lateness,
  materialsFor,
  onsiteItems,
  subjectRegistered,
  type CheckResult,
  type RecordedCheck,
} from './rules';
import type { ExamCandidateTable } from './tables';
import { displayNamesOf } from '../users/display-names';

export type CandidateRow = { c: ExamCandidateTable; t: TraineeTable };

const subjectList = z.array(z.enum(EXAM_SUBJECTS));
export const subjectsOf = (c: ExamCandidateTable): ExamSubject[] =>
  parseJsonAs(subjectList, c.subjects_json, 'exam_candidates.subjects_json');

export async function candidateRows(
  tx: Tx,
  year: number,
  filter: { traineeIds?: string[]; program?: 'residency' | 'agp' } = {},
): Promise<CandidateRow[]> {
  let q = tx
    .selectFrom('exam_candidates')
    .innerJoin('trainees', 'trainees.id', 'exam_candidates.trainee_id')
    .selectAll('exam_candidates')
    .where('exam_candidates.year', '=', year);
  if (filter.traineeIds) q = q.where('exam_candidates.trainee_id', 'in', filter.traineeIds.concat(['']));
  if (filter.program) q = q.where('trainees.program', '=', filter.program);
  const cands = await q.orderBy('exam_candidates.created_at').orderBy('exam_candidates.id').execute();
  const ids = cands.map((c) => c.trainee_id);
  const trainees = new Map(
    (
      await tx
        .selectFrom('trainees')
        .selectAll()
        .where('id', 'in', ids.concat(['']))
        .execute()
    ).map((t) => [t.id, t]),
  );
  return cands.map((c) => ({ c, t: trainees.get(c.trainee_id)! }));
}

function checkView(r: CheckResult, recorded: RecordedCheck | undefined): ExamCheckView {
  return {
    code: r.code,
    label: EXAM_CHECK_LABELS[r.code],
    passed: r.passed,
    pending: r.pending,
    message: r.message,
    source: r.source,
    recordedBy: recorded?.actor ?? 'auto',
    recordedAt: recorded?.at ?? null,
    evidence: recorded?.evidence ?? null,
  };
}

export function checksFor(
  ctx: FactsContext,
  calendar: ExamCalendar,
  row: CandidateRow,
  recorded: RecordedCheck[],
  today: string,
): ExamCheckView[] {
  const results = checkEligibility({ facts: factsOf(ctx, row.t), calendar, today, retake: row.c.retake === 1, recorded });
  return results.map((r) => {
    const last = recorded.filter((x) => x.code === r.code).at(-1);
    return checkView(r, last);
  });
}

export type ViewContext = {
  core: Core;
  calendar: ExamCalendar;
  facts: FactsContext;
  recorded: Map<string, RecordedCheck[]>;
  registrations: Map<string, ExamRegistrationView[]>;
  materials: Received;
  specialties: Map<string, string>;
  /** Display names of the people named in these candidates' records. */
  people: Map<string, string>;
  today: string;
  /** Beijing time, 'YYYY-MM-DDTHH:MM'. */
  now: string;
};

/** The trainees to load facts for: the rows' own when few; everyone when many (one scan beats a huge IN list). */
const few = (rows: CandidateRow[]): string[] | undefined => (rows.length <= 500 ? rows.map((r) => r.t.id) : undefined);

type Received = Map<string, Map<string, { received: boolean; actor: string; at: string }>>;

async function receivedMaterials(tx: Tx, ids: string[]): Promise<Received> {
  const out: Received = new Map();
  if (ids.length === 0) return out;
  for (const m of await tx.selectFrom('exam_materials').selectAll().where('candidate_id', 'in', ids).execute()) {
    const byKey = out.get(m.candidate_id) ?? new Map<string, { received: boolean; actor: string; at: string }>();
    byKey.set(m.item_key, { received: m.received === 1, actor: m.actor, at: m.at });
    out.set(m.candidate_id, byKey);
  }
  return out;
}

export async function viewContext(tx: Tx, core: Core, calendar: ExamCalendar, rows: CandidateRow[]): Promise<ViewContext> {
  const ids = rows.map((r) => r.c.id);
  const regs =
    ids.length === 0 ? [] : await tx.selectFrom('exam_registrations').selectAll().where('candidate_id', 'in', ids).execute();
  const registrations = new Map<string, ExamRegistrationView[]>();
  for (const r of regs) {
    const list = registrations.get(r.candidate_id) ?? [];
    list.push({
      subject: r.subject,
      provincial: r.provincial === 1,
      national: r.national === 1,
      identical: r.identical === 1,
      statusSeen: r.status_seen === 1,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
    });
    registrations.set(r.candidate_id, list);
  }
  const specialties = new Map(
    (await tx.selectFrom('specialties').select(['code', 'name']).execute()).map((s) => [s.code, s.name]),
  );
  const recorded = await recordedChecks(tx, ids);
  const people = await displayNamesOf(tx, [
    ...rows.flatMap((r) => (r.c.decided_by === null ? [] : [r.c.decided_by])),
    ...[...recorded.values()].flatMap((list) => list.map((x) => x.actor)),
  ]);
  return {
    core,
    calendar,
    facts: await factsContext(tx, few(rows)),
    recorded,
    registrations,
    materials: await receivedMaterials(tx, ids),
    specialties,
    people,
    today: beijingDate(core.clock.nowMs()),
    now: beijingMoment(core.clock.nowMs()),
  };
}

function registrationsOf(ctx: ViewContext, row: CandidateRow): ExamRegistrationView[] {
  const stored = ctx.registrations.get(row.c.id) ?? [];
  return subjectsOf(row.c)
    .filter((s) => EXAM_SUBJECTS.includes(s))
    .map(
      (subject) =>
        stored.find((r) => r.subject === subject) ?? {
          subject,
          provincial: false,
          national: false,
          identical: false,
          statusSeen: false,
          updatedBy: null,
          updatedAt: null,
        },
    );
}

function lapsed(ctx: ViewContext, row: CandidateRow): boolean {
  if (row.c.status !== 'approved' || !lateness(ctx.calendar, 'registration', ctx.now).late) return false;
  return !registrationsOf(ctx, row).every(subjectRegistered);
}

function materialsOf(ctx: ViewContext, row: CandidateRow): ExamMaterialItem[] {
  const got = ctx.materials.get(row.c.id);
  return materialsFor(row.t.program, row.c.retake === 1).map((m) => {
    const r = got?.get(m.key);
    return { ...m, received: r?.received ?? false, receivedBy: r?.actor ?? null, receivedAt: r?.at ?? null };
  });
}

export function candidateView(ctx: ViewContext, row: CandidateRow, reveal: boolean): ExamCandidateView {
  const checks = checksFor(ctx.facts, ctx.calendar, row, ctx.recorded.get(row.c.id) ?? [], ctx.today);
  return {
    id: row.c.id,
    traineeId: row.t.id,
    idNumber: reveal ? row.t.id_number : maskIdNumber(row.t.id_number),
    name: row.t.name,
    program: row.t.program,
    specialtyCode: row.t.specialty_code,
    specialtyName: ctx.specialties.get(row.t.specialty_code) ?? row.t.specialty_code,
    trainingStart: row.t.start_date,
    trainingEnd: row.c.training_end,
    retake: row.c.retake === 1,
    subjects: subjectsOf(row.c),
    status: row.c.status,
    eligible: isEligible(checks),
    eligibility: eligibilityOf(checks),
    checks: checks.map((k) => ({ ...k, recordedByName: ctx.people.get(k.recordedBy) ?? k.recordedBy })),
    decisionReason: row.c.decision_reason,
    decidedBy: row.c.decided_by,
    decidedByName: row.c.decided_by === null ? null : (ctx.people.get(row.c.decided_by) ?? row.c.decided_by),
    decidedAt: row.c.decided_at,
    registrations: registrationsOf(ctx, row),
    registrationLapsed: lapsed(ctx, row),
    materials: materialsOf(ctx, row),
    onsiteItems: onsiteItems(row.t.program),
    source: row.c.source,
  };
}

export async function viewsFor(
  tx: Tx,
  core: Core,
  calendar: ExamCalendar,
  rows: CandidateRow[],
  reveal: boolean,
): Promise<ExamCandidateView[]> {
  const ctx = await viewContext(tx, core, calendar, rows);
  return rows.map((r) => candidateView(ctx, r, reveal));
}
