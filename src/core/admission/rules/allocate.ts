/**
 * 择优录取 by choice rounds. Pure and deterministic: same input -> same output, whatever the order of the
 * applicants, seats or decisions in the input (everything is visited in merit order or plan-code order).
 *
 * Stages (one file each):
 *   choice-1 .. choice-k   each pending applicant competes for the specialty named as choice k (the row of
 *                          their own category when the specialty's quota is split by category); ranked by
 *                          total then tie-breaks, admitted from the top while seats last (competition.ts).
 *   second-1, second-2     Beijing 二次补报 (when options.secondWindow): same mechanics, new choices
 *                          (second-window.ts).
 *   adjustment (调剂)       manual adjustments are admitted; greedy proposals are listed, never admitted
 *                          (adjustment.ts).
 * (With secondWindow.stage 'after-adjustment' the adjustment runs before the second window.)
 *
 * A tie straddling the last seat(s) is never broken at random: the competition stops there, the tie is
 * listed, the tied applicants are held (not admitted, out of later rounds) and the seats left stay closed
 * to later rounds and to 调剂 until a tieResolution decides. Other specialties proceed; see `provisional`.
 */
import { text } from './messages';
import { externalAuthority, proposeAdjustments, runAdjustment } from './adjustment';
import { byString, startRun, type Run, type State } from './allocation-run';
import { resolveChoices } from './choices';
import { runRound } from './competition';
import { runSecondWindow } from './second-window';
import { validateInput } from './validate';
import type { AllocationResult, AllocationRound, Applicant, Decisions, NotAdmitted, Options, Seats } from './types';

const CHOICE_ROUNDS: AllocationRound[] = ['choice-1', 'choice-2', 'choice-3'];

export function allocate(
  seats: readonly Seats[],
  applicants: readonly Applicant[],
  decisions: Decisions,
  options: Options,
): AllocationResult {
  validateInput(seats, applicants, options);
  const run = startRun(seats, applicants, decisions, options);
  for (const s of run.states) {
    if (s.status === 'pending') s.main = resolveChoices(run, s, s.a.choices, options.rounds, 'main');
  }
  for (let k = 0; k < options.rounds; k++) runRound(run, CHOICE_ROUNDS[k]!, (s) => s.main[k]);
  if (options.secondWindow?.stage === 'after-adjustment') {
    runAdjustment(run);
    runSecondWindow(run);
  } else {
    runSecondWindow(run);
    runAdjustment(run);
  }
  proposeAdjustments(run);
  warnUnusedResolutions(run);
  return resultOf(run);
}

function warnUnusedResolutions(run: Run): void {
  for (const slot of [...run.resolutions.entries()].sort(([x], [y]) => byString(x, y)).map(([, v]) => v)) {
    if (slot.used) continue;
    run.warnings.push({
      code: 'TIE_RESOLUTION_UNUSED',
      specialty: slot.specialty,
      message: text.tieResolutionUnused(slot.round, slot.specialty, slot.category),
      details: { round: slot.round, category: slot.category },
    });
  }
}

type NotAdmittedStatus = Exclude<State['status'], 'admitted'>;

/**
 * The not-admitted messages of one result, each distinct text built once. Thousands of applicants share a
 * handful of texts; a new concatenation per applicant made the stored run's packing (which indexes each
 * message it meets, packed-run.ts) flatten and hash 15,000 fresh strings, more than the rest of the packing.
 */
function messageTexts(run: Run): (s: State, status: NotAdmittedStatus) => string {
  const ineligible = new Map<string | undefined, string>();
  const proposals = new Map<string, Map<string | null, string>>();
  const refused = text.noSeat(false, undefined);
  const noProposal = text.noSeat(true, undefined);
  const declined = text.declined();
  const authority = externalAuthority(run);
  const awaitingAuthority = authority === null ? '' : text.noSeatAwaitingAuthority(authority);
  const memo = <K>(m: Map<K, string>, k: K, make: () => string): string => {
    let t = m.get(k);
    if (t === undefined) m.set(k, (t = make()));
    return t;
  };
  return (s, status) => {
    switch (status) {
      case 'ineligible':
        return memo(ineligible, s.a.ineligibleReason, () => text.ineligible(s.a.ineligibleReason));
      case 'declined':
        return declined;
      case 'held': {
        const t = s.tie!;
        return text.awaitingTie(t.round, t.specialty, t.category, t.total, t.seatsLeft);
      }
      case 'pending': {
        if (authority !== null && s.a.acceptsAdjustment) return awaitingAuthority;
        if (!s.a.acceptsAdjustment) return refused;
        const p = s.proposal;
        if (p === undefined) return noProposal;
        let byCategory = proposals.get(p.specialty);
        if (byCategory === undefined) proposals.set(p.specialty, (byCategory = new Map()));
        return memo(byCategory, p.category, () => text.noSeat(true, p));
      }
    }
  };
}

const NOT_ADMITTED_CODE: Record<NotAdmittedStatus, NotAdmitted['code']> = {
  ineligible: 'INELIGIBLE',
  declined: 'DECLINED',
  held: 'AWAITING_TIE',
  pending: 'NO_SEAT',
};

function resultOf(run: Run): AllocationResult {
  const notAdmitted: NotAdmitted[] = [];
  const messageOf = messageTexts(run);
  for (const s of run.states) {
    if (s.status === 'admitted') continue;
    notAdmitted.push({ id: s.a.id, code: NOT_ADMITTED_CODE[s.status], message: messageOf(s, s.status) });
  }
  return {
    admissions: run.admissions,
    notAdmitted,
    unfilled: run.book.rows
      .filter((r) => r.heldBy === null && r.remaining > 0)
      .map((r) => ({ specialty: r.seat.specialty, category: r.seat.category, quota: r.remaining })),
    ties: run.ties,
    proposals: run.proposals,
    explanation: run.explanation,
    warnings: run.warnings,
    decisionErrors: run.decisionErrors,
    provisional: run.ties.length > 0,
  };
}
