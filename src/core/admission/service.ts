/**
 * The DB-backed admission service. Every change re-runs the pure allocation from scratch over the recorded
 * inputs and decisions, stores the run (full explained result), replaces the admitted list, and shows what
 * changed compared with the previous run. All or nothing, audited in the same transaction.
 */
import type { AdmissionRunView, PublicationView } from '../../shared/contract/admission';
import { AppError } from '../../shared/errors';
import { payloadRecord, tiePayload } from './decision-payloads';
import {
  admittedSeats,
  diffAdmitted,
  type AdmittedSeat,
  type AllocationChange,
  type AllocationRound,
  type Decisions,
  type TieResolution,
} from './rules';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx, WriteTx } from '../context';
import { isoNow } from '../util/clock';
import { parseStoredChanges, parseStoredRun } from './stored-run';
import { packStoredRun } from './packed-run';
import { uuidv7 } from '../util/uuid7';
import { checkRoundLimit, choiceProblemError, compute, invalidChoices, requireSeats, type StoredRun } from './compute';
import { phase, type AdmissionDeps } from './deps';
import { loadInputs, loadSpecialtyNames, toDecisions, type Inputs } from './inputs';
import { loadPeople, peopleLookup, type People } from './people';
import type { AdmissionRunTable } from './tables';
import { currentFingerprints, runStaleness, storedInputsJson, type InputFingerprints } from './staleness';
import { admissionExplanations, runView, type ViewContext } from './views';
import { checkWindow } from '../windows/guard';
import { formatDate } from '../../shared/dates';

/** A run without its stored result: a few hundred bytes instead of megabytes, for the many reads that need no more. */
export type RunHead = Omit<AdmissionRunTable, 'result_json'>;

export async function latestRun(tx: Tx, cohortYear: number): Promise<RunHead | null> {
  return (
    (await tx
      .selectFrom('admission_runs')
      .select([
        'id',
        'cohort_year',
        'run_no',
        'round_limit',
        'changes_json',
        'trigger',
        'reason',
        'created_by',
        'created_at',
        'inputs_json',
      ])
      .where('cohort_year', '=', cohortYear)
      .orderBy('run_no', 'desc')
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

export async function requireRun(tx: Tx, cohortYear: number): Promise<RunHead> {
  const run = await latestRun(tx, cohortYear);
  if (run === null) {
    throw new AdmissionNotRun(cohortYear);
  }
  return run;
}

class AdmissionNotRun extends AppError {
  constructor(year: number) {
    super('ADMISSION_NOT_RUN', `${year} 年度尚未计算录取：请先运行录取计算（basedesk admission run / 录取页“计算录取”）。`);
  }
}

export function toPublicationView(
  p: {
    id: string;
    run_id: string;
    start_date: string;
    end_date: string;
    days: number;
    note: string | null;
    published_by: string;
    published_at: string;
    superseded_by_run: string | null;
  },
  runNo: number,
): PublicationView {
  return {
    id: p.id,
    runId: p.run_id,
    runNo,
    startDate: p.start_date,
    endDate: p.end_date,
    days: p.days,
    note: p.note,
    publishedBy: p.published_by,
    publishedAt: p.published_at,
    supersededByRun: p.superseded_by_run,
  };
}

/** The publication still in force (not replaced by a confirmed re-run), if any. */
export async function activePublication(tx: Tx, cohortYear: number): Promise<PublicationView | null> {
  const p = await tx
    .selectFrom('admission_publications')
    .innerJoin('admission_runs', 'admission_runs.id', 'admission_publications.run_id')
    .selectAll('admission_publications')
    .select('admission_runs.run_no')
    .where('admission_publications.cohort_year', '=', cohortYear)
    .where('admission_publications.superseded_by_run', 'is', null)
    .orderBy('admission_publications.published_at', 'desc')
    .executeTakeFirst();
  return p === undefined ? null : toPublicationView(p, p.run_no);
}

/** A change after publication must be confirmed, with a reason: the published list becomes out of date. */
async function requireConsentIfPublished(
  tx: Tx,
  cohortYear: number,
  consent: { confirm?: boolean | undefined; reason?: string | undefined },
): Promise<PublicationView | null> {
  const pub = await activePublication(tx, cohortYear);
  if (pub === null) return null;
  if (consent.confirm !== true) {
    throw new AppError(
      'ADMISSION_PUBLISHED',
      `拟录取名单已于 ${formatDate(pub.startDate)} 起公示（第 ${pub.runNo} 次计算结果，公示期至 ${formatDate(pub.endDate)}）。重新计算会改变已公示的名单，需要重新公示。如确需继续，请确认并填写理由（命令行：--confirm --reason "…"）。未做任何更改。`,
      { publication: pub },
    );
  }
  if ((consent.reason ?? '').trim().length < 2) {
    throw new AppError('ADMISSION_CONFIRM_REASON_REQUIRED', '名单已公示，重新计算必须填写理由（至少 2 个字）。未做任何更改。');
  }
  return pub;
}

/** A run's full stored result. */
export async function loadStored(tx: Tx, run: Pick<RunHead, 'id'>): Promise<StoredRun> {
  const row = await tx.selectFrom('admission_runs').select('result_json').where('id', '=', run.id).executeTakeFirstOrThrow();
  return parseStoredRun(row.result_json);
}

export async function viewContext(tx: Tx, cohortYear: number, reveal: boolean): Promise<ViewContext> {
  return { applicants: await loadPeople(tx, cohortYear), specialtyNames: await loadSpecialtyNames(tx), reveal };
}

/** The latest stored run, as the API shows it. */
export async function showLatest(tx: Tx, cohortYear: number, reveal: boolean): Promise<AdmissionRunView> {
  const run = await requireRun(tx, cohortYear);
  const ctx = await viewContext(tx, cohortYear, reveal);
  return runView(ctx, await loadStored(tx, run), {
    cohortYear,
    runId: run.id,
    runNo: run.run_no,
    trigger: run.trigger,
    createdAt: run.created_at,
    createdBy: run.created_by,
    dryRun: false,
    changes: parseStoredChanges(run.changes_json),
    published: await activePublication(tx, cohortYear),
    staleness: await runStaleness(tx, run),
  });
}

const ROUNDS: ReadonlySet<string> = new Set<AllocationRound>([
  'choice-1',
  'choice-2',
  'choice-3',
  'adjustment',
  'second-1',
  'second-2',
]);
const isRound = (round: string): round is AllocationRound => ROUNDS.has(round);

/** The previous run's admitted list, as the diff compares it. */
type PreviousAdmitted = { count: number; seats: AdmittedSeat[] };

/** One row of `admissions` as the diff reads it: the seat, then whether the row is of the run asked about. */
type AdmittedTuple = [applicantId: string, specialty: string, category: string, round: string, overQuota: number, ofRun: number];

const isSeat = (r: AdmittedTuple) => r[5] === 1 && isRound(r[3]);

/**
 * The latest run's admitted list is also the `admissions` table (every run replaces it), which is far
 * cheaper to read than the run's stored result: read as arrays on the transaction's own connection, not
 * as 5,000 row objects, and compared as they are. Rows of another run (a database edited by hand) fall back
 * to the stored result.
 */
async function previousAdmitted(tx: Tx, core: Core, prev: RunHead): Promise<PreviousAdmitted> {
  const rows = core.raw
    .prepare('SELECT applicant_id, specialty_code, category, round, over_quota, run_id = ? FROM admissions WHERE cohort_year = ?')
    .raw(true)
    .all(prev.id, prev.cohort_year) as AdmittedTuple[];
  // The sixth column is not read by the diff.
  if (rows.length > 0 && rows.every(isSeat)) return { count: rows.length, seats: rows as unknown as AdmittedSeat[] };
  const admissions = (await loadStored(tx, prev)).result.admissions;
  return { count: admissions.length, seats: admittedSeats(admissions) };
}

async function changesSince(tx: Tx, core: Core, prev: RunHead | null, after: StoredRun) {
  if (prev === null) return { before: null, changes: [] as AllocationChange[] };
  const before = await previousAdmitted(tx, core, prev);
  return { before, changes: diffAdmitted(before.seats, after.result) };
}

type RunRecord = { id: string; runNo: number; now: string };

/** The run itself: its full result, what changed, and the fingerprints of the inputs it answers. */
async function insertRun(
  tx: Tx,
  rec: RunRecord & { actor: Actor; cohortYear: number; fingerprints: InputFingerprints; trigger: string; reason: string | null },
  stored: StoredRun,
  changes: AllocationChange[],
): Promise<void> {
  await tx
    .insertInto('admission_runs')
    .values({
      id: rec.id,
      cohort_year: rec.cohortYear,
      run_no: rec.runNo,
      round_limit: stored.roundLimit,
      result_json: packStoredRun(stored),
      changes_json: JSON.stringify(changes),
      trigger: rec.trigger,
      reason: rec.reason,
      created_by: rec.actor.username,
      created_at: rec.now,
      inputs_json: storedInputsJson(rec.fingerprints),
    })
    .execute();
}

/**
 * Replaces the cohort's admitted list with this run's. One prepared single-row INSERT run per admission on
 * the transaction's own connection, its values passed in place: the query builder compiling 5,000 rows
 * cost more than the allocation, and a row object per admission was only garbage.
 */
async function replaceAdmitted(
  tx: Tx,
  core: Core,
  cohortYear: number,
  runId: string,
  stored: StoredRun,
  explanations: ReadonlyMap<string, string>,
) {
  await tx.deleteFrom('admissions').where('cohort_year', '=', cohortYear).execute();
  const insert = core.raw.prepare(
    `INSERT INTO admissions (applicant_id, cohort_year, run_id, specialty_code, category, round, rank, total,
      over_quota, reason, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of stored.result.admissions) {
    insert.run(
      a.id,
      cohortYear,
      runId,
      a.specialty,
      a.category ?? '',
      a.round,
      a.rank,
      stored.totals[a.id] ?? 0,
      a.overQuota === true ? 1 : 0,
      a.reason ?? null,
      explanations.get(a.id)!,
    );
  }
}

/** The audit entry of a run: counts and the decisions that matter, not the whole result (that is the run row). */
function runAuditAfter(runNo: number, stored: StoredRun, changes: AllocationChange[], opts: PersistOptions) {
  const r = stored.result;
  return {
    runNo,
    trigger: opts.trigger,
    roundLimit: stored.roundLimit,
    admitted: r.admissions.length,
    overQuota: r.admissions.filter((a) => a.overQuota === true).map((a) => ({ id: a.id, specialty: a.specialty })),
    ties: r.ties.map((t) => ({ round: t.round, specialty: t.specialty, category: t.category, ids: t.ids })),
    unfilled: r.unfilled,
    changes: changes.map((c) => ({ kind: c.kind, id: c.id })),
    ...(opts.publication !== null ? { supersedesPublication: opts.publication.id } : {}),
  };
}

type PersistOptions = {
  trigger: string;
  reason: string | null;
  reveal: boolean;
  /** Every row in the returned view instead of the first page. */
  allRows?: boolean | undefined;
  publication: PublicationView | null;
  prev?: RunHead | null;
};

/**
 * The people a result's view names: everyone for the full list, else each looked up as the first page
 * names them (loading all 20,000 cost more than the rest of the view).
 */
async function peopleFor(tx: Tx, core: Core, cohortYear: number, allRows: boolean | undefined): Promise<People> {
  return allRows === true ? loadPeople(tx, cohortYear) : peopleLookup(core.raw, cohortYear);
}

/** Store a computed run, replace the admitted list, audit; returns the view. */
async function persistRun(
  tx: WriteTx,
  core: Core,
  actor: Actor,
  deps: AdmissionDeps,
  inp: Inputs,
  stored: StoredRun,
  opts: PersistOptions,
): Promise<AdmissionRunView> {
  const prev = opts.prev !== undefined ? opts.prev : await latestRun(tx, inp.cohortYear);
  const { before, changes } = await phase(deps, 'diff', () => changesSince(tx, core, prev, stored));
  const rec: RunRecord = { id: uuidv7(core.clock.nowMs()), runNo: (prev?.run_no ?? 0) + 1, now: isoNow(core.clock) };
  // Taken after the decisions of this change are saved: the run answers exactly these inputs.
  const fingerprints = await phase(deps, 'fingerprint', () => currentFingerprints(tx, inp.cohortYear, inp.roster));
  const ctx: ViewContext = {
    applicants: await peopleFor(tx, core, inp.cohortYear, opts.allRows),
    specialtyNames: inp.specialtyNames,
    reveal: opts.reveal,
  };
  // An explanation names no person, so the stored one and the shown one are the same text.
  const explanations = await phase(deps, 'explain', () => admissionExplanations(ctx, stored));
  await phase(deps, 'persist', async () => {
    await insertRun(
      tx,
      { ...rec, actor, cohortYear: inp.cohortYear, fingerprints, trigger: opts.trigger, reason: opts.reason },
      stored,
      changes,
    );
    await replaceAdmitted(tx, core, inp.cohortYear, rec.id, stored, explanations);
    if (opts.publication !== null) {
      await tx
        .updateTable('admission_publications')
        .set({ superseded_by_run: rec.id })
        .where('id', '=', opts.publication.id)
        .execute();
    }
  });
  await phase(deps, 'audit', () =>
    appendEvent(tx, core, actor.username, {
      action: 'admission.run',
      entity: 'admission',
      entityId: `${inp.cohortYear}:${rec.runNo}`,
      before: prev === null || before === null ? null : { runNo: prev.run_no, admitted: before.count },
      after: runAuditAfter(rec.runNo, stored, changes, opts),
      reason: opts.reason,
    }),
  );
  const published = opts.publication === null ? await activePublication(tx, inp.cohortYear) : null;
  return phase(deps, 'view', () =>
    runView(ctx, stored, {
      cohortYear: inp.cohortYear,
      runId: rec.id,
      runNo: rec.runNo,
      trigger: opts.trigger,
      createdAt: rec.now,
      createdBy: actor.username,
      dryRun: false,
      changes,
      published,
      explanations,
      ...firstPage(opts.allRows),
    }),
  );
}

/**
 * Rows a change returns: the screen reloads the list after a change and the CLI asks for every row, so the
 * first page is enough, and wording 20,000 rows cost more than storing the run.
 */
export const FIRST_PAGE = 200;

function firstPage(allRows: boolean | undefined): { firstPage?: number } {
  return allRows === true ? {} : { firstPage: FIRST_PAGE };
}

export type RunInput = {
  round?: number | undefined;
  dryRun?: boolean | undefined;
  confirm?: boolean | undefined;
  reason?: string | undefined;
  skipInvalidChoices?: boolean | undefined;
  reveal?: boolean | undefined;
  allRows?: boolean | undefined;
};

/** `admission run`: compute over the current plan, applicants, results and decisions. */
export async function runAllocation(core: Core, actor: Actor, deps: AdmissionDeps, input: RunInput): Promise<AdmissionRunView> {
  return core.db.transaction().execute(async (tx) => {
    const inp = await phase(deps, 'load', () => loadInputs(tx, deps));
    requireSeats(inp);
    const roundLimit = checkRoundLimit(inp, input.round);
    const problems = await phase(deps, 'check', () =>
      invalidChoices(inp, peopleLookup(core.raw, inp.cohortYear), roundLimit === null),
    );
    if (problems.length > 0 && input.skipInvalidChoices !== true) throw choiceProblemError(inp, problems);
    const stored = await phase(deps, 'allocate', () => compute(inp, toDecisions(inp.decisionRows), roundLimit));
    if (input.dryRun === true) {
      const prev = await latestRun(tx, inp.cohortYear);
      const ctx: ViewContext = {
        applicants: await peopleFor(tx, core, inp.cohortYear, input.allRows),
        specialtyNames: inp.specialtyNames,
        reveal: input.reveal === true,
      };
      return runView(ctx, stored, {
        cohortYear: inp.cohortYear,
        runId: '',
        runNo: (prev?.run_no ?? 0) + 1,
        trigger: 'preview',
        createdAt: isoNow(core.clock),
        createdBy: actor.username,
        dryRun: true,
        changes: (await changesSince(tx, core, prev, stored)).changes,
        published: await activePublication(tx, inp.cohortYear),
        ...firstPage(input.allRows),
      });
    }
    const publication = await requireConsentIfPublished(tx, inp.cohortYear, input);
    return persistRun(tx, core, actor, deps, inp, stored, {
      trigger: roundLimit === null ? 'run' : `run-round-${roundLimit}`,
      reason: input.reason?.trim() || null,
      reveal: input.reveal === true,
      allRows: input.allRows,
      publication,
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Decisions: each is tried on a fresh computation first; one that cannot apply is refused, nothing saved.

type NewDecision = {
  kind: 'tie' | 'decline' | 'adjustment' | 'over_quota';
  applicantId: string | null;
  payload: Record<string, unknown>;
  reason: string;
};

function withDecisions(d: Decisions, extra: NewDecision[]): Decisions {
  const out: Required<Decisions> = {
    tieResolutions: [...(d.tieResolutions ?? [])],
    declined: [...(d.declined ?? [])],
    manualAdjustments: [...(d.manualAdjustments ?? [])],
    overQuotaApprovals: [...(d.overQuotaApprovals ?? [])],
  };
  for (const x of extra) {
    if (x.kind === 'tie') out.tieResolutions.push(x.payload as unknown as TieResolution);
    else if (x.kind === 'decline') out.declined.push(x.applicantId!);
    else if (x.kind === 'adjustment')
      out.manualAdjustments.push({ id: x.applicantId!, specialty: String(x.payload.specialty), reason: x.reason });
    else out.overQuotaApprovals.push({ id: x.applicantId!, specialty: String(x.payload.specialty), reason: x.reason });
  }
  return out;
}

const DECISION_ACTION: Record<NewDecision['kind'], string> = {
  tie: 'admission.tie-resolve',
  decline: 'admission.decline',
  adjustment: 'admission.adjust',
  over_quota: 'admission.over-quota-approve',
};

async function saveDecisions(tx: WriteTx, core: Core, actor: Actor, cohortYear: number, decisions: NewDecision[]): Promise<void> {
  const now = isoNow(core.clock);
  for (const d of decisions) {
    const id = uuidv7(core.clock.nowMs());
    await tx
      .insertInto('admission_decisions')
      .values({
        id,
        cohort_year: cohortYear,
        kind: d.kind,
        applicant_id: d.applicantId,
        payload_json: JSON.stringify(d.payload),
        reason: d.reason,
        created_by: actor.username,
        created_at: now,
        revoked_at: null,
        revoked_by: null,
        revoke_reason: null,
      })
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: DECISION_ACTION[d.kind],
      entity: 'admission-decision',
      entityId: id,
      after: { kind: d.kind, applicantId: d.applicantId, ...d.payload },
      reason: d.reason,
    });
  }
}

async function decideAndRerun(
  core: Core,
  actor: Actor,
  deps: AdmissionDeps,
  opts: {
    confirm?: boolean | undefined;
    reveal?: boolean | undefined;
    allRows?: boolean | undefined;
    trigger: string;
    /** Builds the decisions from the current state; may throw a coded refusal. */
    build: (
      inp: Inputs,
      current: () => StoredRun,
      tx: Tx,
    ) => Promise<{ decisions: NewDecision[]; reason: string; revoke?: string[] }>;
    /** Decision errors of the new computation that refuse the decision. */
    refuse: (after: StoredRun) => { code: string; message: string } | undefined;
    fullRun?: boolean;
  },
): Promise<AdmissionRunView> {
  return core.db.transaction().execute(async (tx) => {
    const inp = await phase(deps, 'load', () => loadInputs(tx, deps));
    const last = await requireRun(tx, inp.cohortYear);
    requireSeats(inp);
    const roundLimit = opts.fullRun === true ? null : last.round_limit;
    // The current result only when the decision needs it (a tie must still be open): a run is not free.
    let current: StoredRun | undefined;
    const currentRun = () => (current ??= compute(inp, toDecisions(inp.decisionRows), roundLimit));
    const { decisions, reason, revoke = [] } = await opts.build(inp, currentRun, tx);
    const kept = inp.decisionRows.filter((r) => !revoke.includes(r.id));
    const after = await phase(deps, 'allocate', () => compute(inp, withDecisions(toDecisions(kept), decisions), roundLimit));
    const refusal = opts.refuse(after);
    if (refusal !== undefined) throw new AppError(refusal.code, `${refusal.message}未做任何更改。`);
    const publication = await requireConsentIfPublished(tx, inp.cohortYear, { confirm: opts.confirm, reason });
    const now = isoNow(core.clock);
    for (const id of revoke) {
      await tx
        .updateTable('admission_decisions')
        .set({ revoked_at: now, revoked_by: actor.username, revoke_reason: '被新的决定取代' })
        .where('id', '=', id)
        .execute();
      await appendEvent(tx, core, actor.username, {
        action: 'admission.decision-revoke',
        entity: 'admission-decision',
        entityId: id,
        reason: '被新的决定取代',
      });
    }
    await saveDecisions(tx, core, actor, inp.cohortYear, decisions);
    return persistRun(tx, core, actor, deps, inp, after, {
      trigger: opts.trigger,
      reason,
      reveal: opts.reveal === true,
      allRows: opts.allRows,
      publication,
      prev: last,
    });
  });
}

export type TieInput = {
  round: TieResolution['round'];
  specialtyCode: string;
  category: string | null;
  admit: string[];
  overflowApproved?: boolean | undefined;
  reason: string;
  confirm?: boolean | undefined;
};

const sameCategory = (a: string | null, b: string | null) => (a ?? null) === (b ?? null);

/** Decide a tie at the last seat(s): exactly the seats left, or more with an explicit over-quota approval. */
export async function resolveTie(core: Core, actor: Actor, deps: AdmissionDeps, input: TieInput): Promise<AdmissionRunView> {
  return decideAndRerun(core, actor, deps, {
    confirm: input.confirm,
    trigger: 'tie',
    build: async (inp, current) => {
      const tie = current().result.ties.find(
        (t) => t.round === input.round && t.specialty === input.specialtyCode && sameCategory(t.category, input.category),
      );
      if (tie === undefined) {
        throw new AppError(
          'ADMISSION_TIE_NOT_FOUND',
          `「${input.specialtyCode}」${input.category ?? ''}在该轮次没有待决定的末位同分（可能已决定，或放弃、成绩变化后已不存在）。请刷新录取结果。`,
        );
      }
      const outside = input.admit.filter((id) => !tie.ids.includes(id));
      if (outside.length > 0) {
        const people = peopleLookup(core.raw, inp.cohortYear);
        throw new AppError(
          'ADMISSION_TIE_MISMATCH',
          `所选考生不在该末位同分中：${outside.map((id) => people.get(id)?.name ?? id).join('、')}。未做任何更改。`,
        );
      }
      if (input.admit.length > tie.seatsLeft && input.overflowApproved !== true) {
        throw new AppError(
          'ADMISSION_OVER_QUOTA',
          `该处只剩 ${tie.seatsLeft} 个名额，录取 ${input.admit.length} 人将超出计划。如确需超计划录取，请勾选“超计划批准”并填写批准理由。未做任何更改。`,
          { seatsLeft: tie.seatsLeft, admitting: input.admit.length },
        );
      }
      const resolution: TieResolution = {
        round: input.round,
        specialty: input.specialtyCode,
        category: input.category,
        admit: [...input.admit].sort(),
        tiedIds: tie.ids,
        ...(input.overflowApproved === true && input.admit.length > tie.seatsLeft ? { overflowApproved: true } : {}),
        reason: input.reason,
      };
      // An earlier decision for the same competition (e.g. about a different tied group) is replaced.
      const revoke = inp.decisionRows
        .filter((r) => {
          if (r.kind !== 'tie') return false;
          const p = tiePayload(r);
          return p.round === input.round && p.specialty === input.specialtyCode && sameCategory(p.category, input.category);
        })
        .map((r) => r.id);
      return {
        decisions: [
          { kind: 'tie', applicantId: null, payload: resolution as unknown as Record<string, unknown>, reason: input.reason },
        ],
        reason: input.reason,
        revoke,
      };
    },
    refuse: (after) =>
      after.result.decisionErrors.find(
        (e) =>
          e.kind === 'tieResolution' &&
          e.round === input.round &&
          e.specialty === input.specialtyCode &&
          sameCategory(e.category ?? null, input.category),
      ),
  });
}

function normaliseIdNumber(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export async function findApplicant(
  tx: Tx,
  cohortYear: number,
  ref: { applicantId?: string | undefined; idNumber?: string | undefined },
) {
  let q = tx.selectFrom('applicants').select(['id', 'name', 'id_number']).where('cohort_year', '=', cohortYear);
  q =
    ref.applicantId !== undefined
      ? q.where('id', '=', ref.applicantId)
      : q.where('id_number', '=', normaliseIdNumber(ref.idNumber ?? ''));
  const a = await q.executeTakeFirst();
  if (a === undefined) {
    throw new AppError(
      'ADMISSION_APPLICANT_UNKNOWN',
      `${cohortYear} 年度考生名单中没有${ref.applicantId !== undefined ? `编号为 ${ref.applicantId} 的考生` : '该证件号码的考生'}，请核对。`,
    );
  }
  return a;
}

/** 放弃: the applicant is taken out of the run, which frees their seat; the re-run shows what moved. */
export async function decline(
  core: Core,
  actor: Actor,
  deps: AdmissionDeps,
  input: {
    applicantId?: string | undefined;
    idNumber?: string | undefined;
    reason?: string | undefined;
    confirm?: boolean | undefined;
    reveal?: boolean | undefined;
    allRows?: boolean | undefined;
  },
): Promise<AdmissionRunView> {
  return decideAndRerun(core, actor, deps, {
    confirm: input.confirm,
    reveal: input.reveal,
    allRows: input.allRows,
    trigger: 'decline',
    build: async (inp, _current, tx) => {
      const a = await findApplicant(tx, inp.cohortYear, input);
      if (inp.decisionRows.some((r) => r.kind === 'decline' && r.applicant_id === a.id)) {
        throw new AppError('ADMISSION_ALREADY_DECLINED', `考生 ${a.name} 已登记放弃，无需重复登记。`);
      }
      const reason = input.reason?.trim() || '本人放弃录取';
      return { decisions: [{ kind: 'decline', applicantId: a.id, payload: {}, reason }], reason };
    },
    refuse: () => undefined,
  });
}

/** 调剂: the coordinator places an applicant who accepts reassignment into a specialty with seats left. */
export async function assignAdjustment(
  core: Core,
  actor: Actor,
  deps: AdmissionDeps,
  input: {
    applicantId: string;
    specialtyCode: string;
    reason: string;
    overQuotaReason?: string | undefined;
    confirm?: boolean | undefined;
  },
): Promise<AdmissionRunView> {
  return decideAndRerun(core, actor, deps, {
    confirm: input.confirm,
    trigger: 'adjustment',
    fullRun: true,
    build: async (inp, _current, tx) => {
      const a = await findApplicant(tx, inp.cohortYear, input);
      const existing = inp.decisionRows.filter((r) => r.kind === 'adjustment' && r.applicant_id === a.id);
      const decisions: NewDecision[] = [
        { kind: 'adjustment', applicantId: a.id, payload: { specialty: input.specialtyCode }, reason: input.reason },
      ];
      if (input.overQuotaReason !== undefined) {
        decisions.push({
          kind: 'over_quota',
          applicantId: a.id,
          payload: { specialty: input.specialtyCode },
          reason: input.overQuotaReason,
        });
      }
      return { decisions, reason: input.reason, revoke: existing.map((r) => r.id) };
    },
    refuse: (after) => after.result.decisionErrors.find((e) => e.kind === 'manualAdjustment' && e.id === input.applicantId),
  });
}

/** Undo a decision (a decline recorded by mistake, an adjustment) and re-run. */
export async function revokeDecision(
  core: Core,
  actor: Actor,
  deps: AdmissionDeps,
  input: { decisionId: string; reason: string; confirm?: boolean | undefined },
): Promise<AdmissionRunView> {
  return core.db.transaction().execute(async (tx) => {
    const inp = await loadInputs(tx, deps);
    const last = await requireRun(tx, inp.cohortYear);
    const row = inp.decisionRows.find((r) => r.id === input.decisionId);
    if (row === undefined) {
      throw new AppError('ADMISSION_DECISION_UNKNOWN', '没有这条有效的录取决定（可能已撤销），请刷新后重试。');
    }
    const publication = await requireConsentIfPublished(tx, inp.cohortYear, input);
    await tx
      .updateTable('admission_decisions')
      .set({ revoked_at: isoNow(core.clock), revoked_by: actor.username, revoke_reason: input.reason })
      .where('id', '=', row.id)
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'admission.decision-revoke',
      entity: 'admission-decision',
      entityId: row.id,
      before: { kind: row.kind, applicantId: row.applicant_id, payload: payloadRecord(row) },
      reason: input.reason,
    });
    const kept = inp.decisionRows.filter((r) => r.id !== row.id);
    const stored = compute({ ...inp, decisionRows: kept }, toDecisions(kept), last.round_limit);
    return persistRun(tx, core, actor, deps, inp, stored, {
      trigger: 'revoke',
      reason: input.reason,
      reveal: false,
      publication,
      prev: last,
    });
  });
}

/** Beijing 二次补报: up to the preset's number of new choices, used by the next full run. */
export async function setSecondChoices(
  core: Core,
  actor: Actor,
  deps: AdmissionDeps,
  input: { applicantId?: string | undefined; idNumber?: string | undefined; choices: string[]; reason?: string | undefined },
): Promise<{ applicantId: string; choices: string[] }> {
  return core.db.transaction().execute(async (tx) => {
    const inp = await loadInputs(tx, deps);
    const late = await checkWindow(tx, core, inp.cohortYear, 'second-choices', input.reason);
    const sw = inp.preset.secondWindow;
    if (sw === null) {
      throw new AppError('ADMISSION_NO_SECOND_WINDOW', `本省预设（${inp.preset.name}）没有二次补报，不能登记二次补报志愿。`);
    }
    const choices = input.choices.map((c) => c.trim()).filter((c) => c !== '');
    if (choices.length > sw.choices) {
      throw new AppError('ADMISSION_TOO_MANY_CHOICES', `二次补报最多 ${sw.choices} 个志愿，收到 ${choices.length} 个。`);
    }
    const a = await findApplicant(tx, inp.cohortYear, input);
    const codes = new Set(inp.seats.map((s) => s.specialty));
    const outside = choices.filter((c) => !codes.has(c));
    if (outside.length > 0) {
      throw new AppError(
        'ADMISSION_CHOICE_NOT_IN_PLAN',
        `二次补报志愿不在本基地招收计划中：${outside.join('、')}。未做任何更改。`,
      );
    }
    const before = inp.secondChoices[a.id] ?? null;
    const now = isoNow(core.clock);
    await tx
      .insertInto('admission_second_choices')
      .values({ applicant_id: a.id, cohort_year: inp.cohortYear, choices_json: JSON.stringify(choices), updated_at: now })
      .onConflict((oc) => oc.column('applicant_id').doUpdateSet({ choices_json: JSON.stringify(choices), updated_at: now }))
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'admission.second-choices',
      entity: 'applicant',
      entityId: a.id,
      before,
      after: late ? { choices, outsideWindow: late } : choices,
      reason: late?.reason ?? null,
    });
    return { applicantId: a.id, choices };
  });
}
