/**
 * What the ranking shows beside the scores, read from the features that decide admission: each
 * applicant's 现场确认 status and whether the allocation can admit them, the last-seat ties 择优录取 has
 * decided (admission_decisions, kind 'tie'), and whether the latest allocation run is out of date.
 */
import type { AdmissionStaleness } from '../../shared/contract/admission';
import type { RankConfirmation, RankTieDecision } from '../../shared/contract/scores';
import type { Preset } from '../../shared/preset';
import { tiePayload } from '../admission/decision-payloads';
import { latestRun } from '../admission/service';
import { runStaleness } from '../admission/staleness';
import type { Tx } from '../context';
import type { DecidedTie } from './rules';
import { formatHundredths } from './rules';

const NOT_CONFIRMED_TEXT: Record<Exclude<RankConfirmation, 'confirmed'>, string> = {
  pending: '现场确认未完成，不能录取',
  returned: '现场确认退回补正，不能录取',
  rejected: '现场确认不通过，不能录取',
};

const NOT_CONFIRMED = Object.keys(NOT_CONFIRMED_TEXT) as Array<keyof typeof NOT_CONFIRMED_TEXT>;

export type RankStatus = {
  confirmation: (id: string) => RankConfirmation;
  /** Why an applicant with this complete total cannot be admitted, or null. */
  notAdmissible: (id: string, total: number) => string | null;
};

/** Only applicants not yet confirmed are read: at provincial scale almost everyone ranked is confirmed. */
export async function loadRankStatus(tx: Tx, cohortYear: number, preset: Preset): Promise<RankStatus> {
  const rows = await tx
    .selectFrom('applicants')
    .select(['id', 'confirmation_status'])
    .where('cohort_year', '=', cohortYear)
    // The statuses other than confirmed, named: three index lookups, where `<> 'confirmed'` walks the
    // cohort's whole (cohort_year, confirmation_status) index (the column's CHECK allows only these four).
    .where('confirmation_status', 'in', NOT_CONFIRMED)
    .execute();
  const open = new Map(rows.map((r) => [r.id, r.confirmation_status as Exclude<RankConfirmation, 'confirmed'>]));
  const minTotal = preset.exam.minTotal === null ? null : Math.round(preset.exam.minTotal * 100);
  return {
    confirmation: (id) => open.get(id) ?? 'confirmed',
    notAdmissible: (id, total) => {
      const c = open.get(id);
      if (c !== undefined) return NOT_CONFIRMED_TEXT[c];
      if (minTotal !== null && total < minTotal) return `总成绩低于最低录取分数线 ${formatHundredths(minTotal)}，不能录取`;
      return null;
    },
  };
}

/** The active tie decisions of a cohort, with the decider's display name. */
export async function loadTieDecisions(tx: Tx, cohortYear: number): Promise<Array<DecidedTie<RankTieDecision>>> {
  const rows = await tx
    .selectFrom('admission_decisions')
    .leftJoin('users', 'users.username', 'admission_decisions.created_by')
    .select([
      'admission_decisions.payload_json',
      'admission_decisions.reason',
      'admission_decisions.created_by',
      'admission_decisions.created_at',
      'users.display_name',
    ])
    .where('admission_decisions.cohort_year', '=', cohortYear)
    .where('admission_decisions.kind', '=', 'tie')
    .where('admission_decisions.revoked_at', 'is', null)
    .orderBy('admission_decisions.created_at', 'desc')
    .execute();
  return rows.map((r) => {
    const p = tiePayload(r);
    return {
      specialty: p.specialty,
      admit: p.admit,
      ...(p.tiedIds !== undefined ? { tiedIds: p.tiedIds } : {}),
      decision: {
        admitted: false,
        decidedBy: r.display_name ?? r.created_by,
        decidedAt: r.created_at,
        reason: r.reason,
      },
    };
  });
}

/** Whether the latest allocation run still matches its inputs; null when admission has not run. */
export async function admissionStaleness(tx: Tx, cohortYear: number): Promise<AdmissionStaleness | null> {
  const run = await latestRun(tx, cohortYear);
  return run === null ? null : runStaleness(tx, run);
}
