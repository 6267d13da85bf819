/** Stored runs as the API shows them: names, specialty names, masked ID numbers, one-sentence explanations. */
import type {
  AdmissionRunView,
  AdmissionStaleness,
  AdmittedRow,
  ChangeView,
  CompetitionView,
  PersonRef,
  PublicationView,
  SeatRef,
} from '../../shared/contract/admission';
import { maskIdNumber } from '../../shared/mask';
import { adjustedByText, ROUND_LABEL, type Admission, type AdmissionRef, type AllocationChange, type Competition } from './rules';
import { formatHundredths } from '../scores/rules';
import type { StoredRun } from './compute';
import type { People } from './people';
import { FRESH } from './staleness';

export type ViewContext = {
  applicants: People;
  specialtyNames: Map<string, string>;
  reveal: boolean;
};

export type RunMeta = {
  cohortYear: number;
  runId: string;
  runNo: number;
  trigger: string;
  createdAt: string;
  createdBy: string;
  dryRun: boolean;
  changes: AllocationChange[];
  published: PublicationView | null;
  /** Whether the run still matches today's inputs (a run just computed does). */
  staleness?: AdmissionStaleness;
  /** The admissions' explanations when already worded for storage (admissionExplanations). */
  explanations?: ReadonlyMap<string, string>;
  /**
   * Only the first this many admitted and not-admitted rows (the counts say how many there are): what a
   * change returns, as the screen reads the whole list through admission.list. Unset: every row.
   */
  firstPage?: number;
};

export function personRef(ctx: ViewContext, id: string, a = ctx.applicants.get(id)): PersonRef {
  if (a === undefined) return { applicantId: id, name: '（已不在考生名单中）', idNumber: '' };
  return { applicantId: id, name: a.name, idNumber: ctx.reveal ? a.idNumber : maskIdNumber(a.idNumber) };
}

export function specialtyName(ctx: { specialtyNames: Map<string, string> }, code: string): string {
  return ctx.specialtyNames.get(code) ?? code;
}

function seatText(ctx: ViewContext, code: string, category: string | null): string {
  return `「${code} ${specialtyName(ctx, code)}」${category === null ? '' : `（${category}）`}`;
}

const fmt = (h: number | null | undefined) => (h === null || h === undefined ? null : formatHundredths(h));

function competitionKey(round: string, specialty: string, category: string | null): string {
  return `${round}\u0001${specialty}\u0001${category ?? '\u0000'}`;
}

/**
 * The part of an explanation a whole competition shares: the round, the seat and the field. Worded once
 * per competition (`memo`), not once per admitted applicant.
 */
function competitionText(
  ctx: ViewContext,
  a: Admission,
  competitions: Map<string, Competition>,
  memo: Map<string, string>,
): string {
  const key = competitionKey(a.round, a.specialty, a.category);
  let text = memo.get(key);
  if (text === undefined) {
    const c = competitions.get(key);
    const field =
      c === undefined
        ? ''
        : `名额 ${c.seatsBefore} 个，${c.ranked.length} 人竞争${c.priorityCategory ? `（同等条件下${c.priorityCategory}优先录取）` : ''}，`;
    memo.set(key, (text = `${ROUND_LABEL[a.round]}录取到${seatText(ctx, a.specialty, a.category)}：${field}`));
  }
  return text;
}

/** One sentence per admission: the round, the competition, the rank and who decided anything by hand. */
export function explainAdmission(
  ctx: ViewContext,
  a: Admission,
  total: number | null,
  competitions: Map<string, Competition>,
  memo: Map<string, string> = new Map(),
): string {
  const over = a.overQuota ? `；超计划录取，已批准${a.overQuotaReason ? `：${a.overQuotaReason}` : ''}` : '';
  if (a.round === 'adjustment') {
    const where = seatText(ctx, a.specialty, a.category);
    return `调剂录取到${where}：${adjustedByText(a.assignedBy)}（${a.reason ?? '未注明理由'}），在服从调剂的未录取考生中总成绩 ${fmt(total) ?? '—'} 排第 ${a.rank} 名${over}。`;
  }
  const tie = a.reason ? `；末位同分，由基地决定录取：${a.reason}` : '';
  return `${competitionText(ctx, a, competitions, memo)}总成绩 ${fmt(total) ?? '—'} 排第 ${a.rank} 名${tie}${over}。`;
}

function competitionIndex(stored: StoredRun): Map<string, Competition> {
  return new Map(stored.result.explanation.map((c) => [competitionKey(c.round, c.specialty, c.category), c]));
}

/** Every admission's explanation by applicant id; it names no person, so revealing changes nothing in it. */
export function admissionExplanations(ctx: ViewContext, stored: StoredRun): Map<string, string> {
  const competitions = competitionIndex(stored);
  const memo = new Map<string, string>();
  const out = new Map<string, string>();
  for (const a of stored.result.admissions) {
    out.set(a.id, explainAdmission(ctx, a, stored.totals[a.id] ?? null, competitions, memo));
  }
  return out;
}

export function admittedRows(
  ctx: ViewContext,
  stored: StoredRun,
  known?: ReadonlyMap<string, string>,
  limit = Infinity,
): AdmittedRow[] {
  const explanations = known ?? admissionExplanations(ctx, stored);
  return [...stored.result.admissions]
    .sort(
      (x, y) =>
        (x.specialty < y.specialty ? -1 : x.specialty > y.specialty ? 1 : 0) ||
        (stored.totals[y.id] ?? 0) - (stored.totals[x.id] ?? 0) ||
        (x.id < y.id ? -1 : 1),
    )
    .slice(0, limit)
    .map((a) => {
      // Built field by field (the order of PersonRef first), not by spreading personRef(): for the full
      // list that was 20,000 objects made only to be copied.
      const p = ctx.applicants.get(a.id);
      const ref = personRef(ctx, a.id, p);
      return {
        applicantId: ref.applicantId,
        name: ref.name,
        idNumber: ref.idNumber,
        sex: p?.sex ?? null,
        specialtyCode: a.specialty,
        specialtyName: specialtyName(ctx, a.specialty),
        category: a.category,
        applicantCategory: p?.category ?? null,
        round: a.round,
        roundLabel: ROUND_LABEL[a.round],
        rank: a.rank,
        total: fmt(stored.totals[a.id]) ?? '',
        overQuota: a.overQuota === true,
        reason: a.reason ?? null,
        explanation: explanations.get(a.id)!,
      };
    });
}

function seatRef(ctx: ViewContext, r: AdmissionRef): SeatRef {
  return {
    specialtyCode: r.specialty,
    specialtyName: specialtyName(ctx, r.specialty),
    category: r.category,
    round: r.round,
    overQuota: r.overQuota,
  };
}

export function changeViews(ctx: ViewContext, changes: AllocationChange[]): ChangeView[] {
  const human = humanizer(ctx);
  return changes.map((c) => ({
    ...personRef(ctx, c.id),
    kind: c.kind,
    before: c.kind === 'admitted' ? null : seatRef(ctx, c.before),
    after: c.kind === 'dropped' ? null : seatRef(ctx, c.after),
    message: c.kind === 'dropped' && c.message !== null ? human(c.message) : null,
  }));
}

/**
 * The pure engine names applicants by id and specialties by code, in 「」; the screen shows names. Thousands of
 * applicants share a handful of messages, so each distinct one is worded once.
 */
function humanizer(ctx: ViewContext): (message: string) => string {
  const memo = new Map<string, string>();
  return (message) => {
    let text = memo.get(message);
    if (text === undefined) memo.set(message, (text = humanize(ctx, message)));
    return text;
  };
}

function humanize(ctx: ViewContext, message: string): string {
  return message.replace(/「([^「」]+)」/g, (m, ref: string) => {
    const a = ctx.applicants.get(ref);
    if (a !== undefined) return `「${a.name}」`;
    const specialty = ctx.specialtyNames.get(ref);
    return specialty === undefined ? m : `「${specialty}」`;
  });
}

export function runView(ctx: ViewContext, stored: StoredRun, meta: RunMeta): AdmissionRunView {
  const r = stored.result;
  const human = humanizer(ctx);
  return {
    cohortYear: meta.cohortYear,
    runId: meta.runId,
    runNo: meta.runNo,
    roundLimit: stored.roundLimit,
    trigger: meta.trigger,
    createdAt: meta.createdAt,
    createdBy: meta.createdBy,
    dryRun: meta.dryRun,
    planSeats: stored.planSeats,
    poolSeats: stored.poolSeats,
    secondWindowChoices: stored.secondWindowChoices ?? null,
    admitted: admittedRows(ctx, stored, meta.explanations, meta.firstPage),
    admittedCount: r.admissions.length,
    notAdmitted: r.notAdmitted.slice(0, meta.firstPage).map((n) => {
      const ref = personRef(ctx, n.id);
      return {
        applicantId: ref.applicantId,
        name: ref.name,
        idNumber: ref.idNumber,
        code: n.code,
        message:
          n.code === 'INELIGIBLE' && stored.ineligible[n.id] !== undefined
            ? `不参与录取：${stored.ineligible[n.id]}。`
            : human(n.message),
        total: fmt(stored.totals[n.id]),
      };
    }),
    notAdmittedCount: r.notAdmitted.length,
    unfilled: r.unfilled.map((u) => ({
      specialtyCode: u.specialty,
      specialtyName: specialtyName(ctx, u.specialty),
      category: u.category,
      seatsLeft: u.quota,
    })),
    ties: r.ties.map((t) => ({
      round: t.round,
      roundLabel: ROUND_LABEL[t.round],
      specialtyCode: t.specialty,
      specialtyName: specialtyName(ctx, t.specialty),
      category: t.category,
      seatsLeft: t.seatsLeft,
      total: formatHundredths(t.total),
      rank: t.rank,
      applicants: t.ids.map((id) => personRef(ctx, id)),
    })),
    proposals: r.proposals.map((p) => ({
      ...personRef(ctx, p.id),
      order: p.order,
      total: fmt(stored.totals[p.id]) ?? '',
      specialtyCode: p.specialty,
      specialtyName: specialtyName(ctx, p.specialty),
      category: p.category,
    })),
    warnings: r.warnings.map((w) => ({
      code: w.code,
      message: human(w.message),
      ...(w.id ? { applicantId: w.id } : {}),
    })),
    decisionErrors: r.decisionErrors.map((e) => ({
      code: e.code,
      message: human(e.message),
      ...(e.id ? { applicantId: e.id } : {}),
    })),
    provisional: r.provisional,
    changes: changeViews(ctx, meta.changes),
    published: meta.published,
    revealed: ctx.reveal,
    ...(meta.staleness ?? FRESH),
  };
}

/** The ranked competitions ("why A and not B"), optionally only one specialty's. */
export function competitionViews(ctx: ViewContext, stored: StoredRun, specialtyCode?: string): CompetitionView[] {
  return stored.result.explanation
    .filter((c) => specialtyCode === undefined || c.specialty === specialtyCode)
    .map((c) => ({
      round: c.round,
      roundLabel: ROUND_LABEL[c.round],
      specialtyCode: c.specialty,
      specialtyName: specialtyName(ctx, c.specialty),
      category: c.category,
      seatsBefore: c.seatsBefore,
      heldForTie: c.heldForTie === true,
      ranked: c.ranked.map((e) => ({
        ...personRef(ctx, e.id),
        total: formatHundredths(e.total),
        rank: e.rank,
        admitted: e.admitted,
        tied: e.tied === true,
      })),
    }));
}
