/**
 * 调剂: the coordinator's manual adjustments become admissions, in merit order, each checked against the
 * applicant's standing and the seats (an over-quota one needs a recorded approval). Greedy proposals are
 * computed separately, last, and are never admissions.
 *
 * Where the province (Jilin) or city (Beijing) decides 调剂, an adjustment is the record of its outcome:
 * it is marked `assignedBy`, and the applicant's 服从调剂 answer does not block it (the authority already asked;
 * the base "不得以任何理由拒收调剂人员"). The preset's limits (Beijing: 自主培训 only into 全科) still hold, for
 * the base's own 调剂 and as a data-entry check on an authority's outcome.
 */
import { competitionRanks } from '../../scores/rules/rank-key';
import { ROUND_LABEL, seatLabel, text } from './messages';
import type { SeatState } from './seat-book';
import { admit, byString, type Run, type State } from './allocation-run';
import type { DecisionError, ManualAdjustment, OverQuotaApproval } from './types';

type Approval = { ok: OverQuotaApproval; used: boolean };

export function runAdjustment(run: Run): void {
  // With an outside authority anyone still pending may be assigned (it asked them), so all are ranked.
  const external = externalAuthority(run) !== null;
  const pool = run.states.filter((s) => s.status === 'pending' && (external || s.a.acceptsAdjustment));
  const merit = competitionRanks(pool.map((s) => s.key)).rank;
  pool.forEach((s, i) => (s.merit = merit[i]!));

  const approvals = new Map<string, Approval>();
  for (const ok of run.decisions.overQuotaApprovals ?? []) approvals.set(`${ok.id}\u0001${ok.specialty}`, { ok, used: false });

  const adjustments = run.decisions.manualAdjustments ?? [];
  const count = new Map<string, number>();
  for (const m of adjustments) count.set(m.id, (count.get(m.id) ?? 0) + 1);
  const orderOf = (id: string) => run.byId.get(id)?.order ?? Infinity;
  const sorted = [...adjustments].sort(
    (x, y) => orderOf(x.id) - orderOf(y.id) || byString(x.id, y.id) || byString(x.specialty, y.specialty),
  );
  for (const m of sorted) {
    const problem = (count.get(m.id) ?? 0) > 1 ? duplicateAdjustment(m) : applyAdjustment(run, m, approvals);
    if (problem !== null) run.decisionErrors.push(problem);
  }
  warnUnusedApprovals(run, approvals);
}

function adjustmentBase(m: ManualAdjustment) {
  return { kind: 'manualAdjustment' as const, id: m.id, specialty: m.specialty, round: 'adjustment' as const };
}

function duplicateAdjustment(m: ManualAdjustment): DecisionError {
  return {
    ...adjustmentBase(m),
    code: 'ALLOC_ADJUST_DUPLICATE',
    message: `考生「${m.id}」有多条调剂决定，请只保留一条。`,
  };
}

/** Admits one manual adjustment, or says why it cannot apply. */
function applyAdjustment(run: Run, m: ManualAdjustment, approvals: Map<string, Approval>): DecisionError | null {
  const base = adjustmentBase(m);
  const s = run.byId.get(m.id);
  if (s === undefined || s.status !== 'pending') {
    return {
      ...base,
      code: 'ALLOC_ADJUST_NOT_AVAILABLE',
      message: `无法将考生「${m.id}」调剂到「${m.specialty}」：该考生${unavailableWhy(s)}。`,
    };
  }
  const authority = externalAuthority(run);
  if (!s.a.acceptsAdjustment && authority === null) {
    return {
      ...base,
      code: 'ALLOC_ADJUST_NOT_ACCEPTED',
      message: `考生「${m.id}」填报时不服从调剂，不能调剂到「${m.specialty}」。`,
    };
  }
  const row = run.book.lookup(m.specialty, s.a.category);
  if (typeof row === 'string') {
    return {
      ...base,
      code: 'ALLOC_ADJUST_NOT_IN_PLAN',
      message:
        row === 'not-in-plan'
          ? `「${m.specialty}」不在本基地招收计划中，不能调剂。`
          : `「${m.specialty}」的计划按人员类别分列，没有考生「${m.id}」所属类别「${s.a.category ?? '未填写'}」的名额，不能调剂。`,
    };
  }
  return limitProblem(run, m, s) ?? admitIntoRow(run, m, s, row, approvals);
}

/** The province or city when it, not the base, decides 调剂. */
export function externalAuthority(run: Run): 'province' | 'city' | null {
  const a = run.options.adjustment?.authority;
  return a === 'province' || a === 'city' ? a : null;
}

function limitProblem(run: Run, m: ManualAdjustment, s: State): DecisionError | null {
  const limit = run.options.adjustment?.limits?.find((l) => l.category === s.a.category);
  if (limit === undefined || limit.specialties.includes(m.specialty)) return null;
  return {
    ...adjustmentBase(m),
    code: 'ALLOC_ADJUST_NOT_ALLOWED',
    message: text.adjustmentNotAllowed(m.id, m.specialty, limit.category, limit.specialties),
  };
}

function admitIntoRow(
  run: Run,
  m: ManualAdjustment,
  s: State,
  row: SeatState,
  approvals: Map<string, Approval>,
): DecisionError | null {
  const withCat = { ...adjustmentBase(m), category: row.seat.category };
  const authority = externalAuthority(run);
  const by = authority === null ? {} : { assignedBy: authority };
  if (row.heldBy !== null) {
    return {
      ...withCat,
      code: 'ALLOC_SEAT_HELD_FOR_TIE',
      message: `${seatLabel(row.seat.specialty, row.seat.category)}剩余名额正等待末位同分的决定，请先决定同分再调剂。`,
    };
  }
  if (row.remaining > 0) {
    admit(run, s, row, 'adjustment', s.merit, { reason: m.reason, ...by });
    return null;
  }
  const approval = approvals.get(`${m.id}\u0001${m.specialty}`);
  if (approval === undefined) {
    return {
      ...withCat,
      code: 'ALLOC_OVER_QUOTA',
      message: `${seatLabel(row.seat.specialty, row.seat.category)}名额已满（计划 ${row.seat.quota} 人），不能调剂考生「${m.id}」；如确需超计划录取，请先登记超计划批准。`,
    };
  }
  approval.used = true;
  admit(run, s, row, 'adjustment', s.merit, { overQuota: true, reason: m.reason, overQuotaReason: approval.ok.reason, ...by });
  return null;
}

function unavailableWhy(s: State | undefined): string {
  if (s === undefined) return '不在本次考生名单中';
  switch (s.status) {
    case 'admitted':
      return `已被${seatLabel(s.admission!.specialty, s.admission!.category)}${ROUND_LABEL[s.admission!.round]}录取`;
    case 'held':
      return '处于待定的末位同分，需先决定同分';
    case 'declined':
      return '已放弃';
    default:
      return '资格审核未通过';
  }
}

function warnUnusedApprovals(run: Run, approvals: Map<string, Approval>): void {
  for (const [, ap] of [...approvals].sort(([x], [y]) => byString(x, y))) {
    if (ap.used) continue;
    run.warnings.push({
      code: 'OVER_QUOTA_APPROVAL_UNUSED',
      id: ap.ok.id,
      specialty: ap.ok.specialty,
      message: text.overQuotaApprovalUnused(ap.ok.id, ap.ok.specialty),
    });
  }
}

/**
 * Proposals come last, over the seats finally left, so they are never stale (with stage 'after-adjustment'
 * the second window may already have taken seats 调剂 could have proposed). Greedy in merit order: each gets
 * the first open row (plan-code order) that fits their category and the preset's limits. Where the province
 * or city decides, they are only the places where its outcome can be recorded (NO_SEAT says it decides).
 */
export function proposeAdjustments(run: Run): void {
  const pool = run.states.filter((s) => s.status === 'pending' && s.a.acceptsAdjustment);
  const merit = competitionRanks(pool.map((s) => s.key)).rank;
  const open = run.book.rows.filter((r) => r.heldBy === null && r.remaining > 0).map((r) => ({ r, left: r.remaining }));
  pool.forEach((s, i) => {
    const allowed = run.options.adjustment?.limits?.find((l) => l.category === s.a.category)?.specialties;
    const o = open.find(
      (x) =>
        x.left > 0 &&
        (x.r.seat.category === null || x.r.seat.category === s.a.category) &&
        (allowed === undefined || allowed.includes(x.r.seat.specialty)),
    );
    if (o === undefined) return;
    o.left -= 1;
    s.proposal = { id: s.a.id, specialty: o.r.seat.specialty, category: o.r.seat.category, order: merit[i]! };
    run.proposals.push(s.proposal);
  });
}
