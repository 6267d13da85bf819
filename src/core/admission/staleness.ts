/**
 * Whether a stored allocation run is still the answer to today's inputs. A run stores one fingerprint per
 * input group it read (see ./inputs.ts); a read compares them with the current ones. Each fingerprint is a
 * SHA-256 of the group's rows as SQLite concatenates them in a fixed order: one result row per statement,
 * no row objects built in JavaScript (bench/admission-staleness.bench.ts measures it on 10,000 applicants).
 * The roster groups hash the columns a run reads (roster.ts), so a run takes them from its own read.
 * Content, not timestamps: a score corrected and corrected back is not a change.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AdmissionStaleness, StaleReason } from '../../shared/contract/admission';
import { AppError } from '../../shared/errors';
import type { Tx } from '../context';
import { rosterFingerprints } from './roster';
import type { AdmissionRunTable } from './tables';
import { parseJsonAs } from '../util/json';

export const INPUT_GROUPS = ['plan', 'applicants', 'confirmations', 'scores', 'ties', 'decisions'] as const;
export type InputGroup = (typeof INPUT_GROUPS)[number];
export type InputFingerprints = Record<InputGroup, string>;

const REASON: Record<InputGroup, StaleReason> = {
  plan: 'PLAN_CHANGED',
  applicants: 'APPLICANTS_CHANGED',
  confirmations: 'CONFIRMATIONS_CHANGED',
  scores: 'SCORES_CHANGED',
  ties: 'TIES_CHANGED',
  decisions: 'DECISIONS_CHANGED',
};

export const STALE_REASON_TEXT: Record<StaleReason, string> = {
  PLAN_CHANGED: '招收计划有变化',
  APPLICANTS_CHANGED: '考生名单或志愿有变化',
  CONFIRMATIONS_CHANGED: '现场确认结果有变化',
  SCORES_CHANGED: '考核成绩有变化',
  TIES_CHANGED: '末位同分的决定有变化',
  DECISIONS_CHANGED: '放弃、调剂或二次补报有变化',
};

export const FRESH: AdmissionStaleness = { stale: false, staleReasons: [], staleReasonText: [] };

type ApplicantGroup = 'applicants' | 'confirmations';
/** The fingerprints of the groups read from the roster, one row per applicant. */
export type ApplicantFingerprints = Pick<InputFingerprints, ApplicantGroup>;
type OtherGroup = Exclude<InputGroup, ApplicantGroup>;

/**
 * The form of the roster groups' fingerprints a run stores (`"form"` in admission_runs.inputs_json): since
 * form 2 they hash the roster columns as the run read them (roster.ts); runs stored without a form hash the
 * rows as the statement of earlierRosterFingerprints concatenates them, and are compared in that form.
 */
export const FINGERPRINT_FORM = 2;

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The roster groups' fingerprints in the form runs stored before FINGERPRINT_FORM. */
async function earlierRosterFingerprints(tx: Tx, cohortYear: number): Promise<ApplicantFingerprints> {
  const result = await sql<Record<ApplicantGroup, string | null>>`SELECT
      group_concat(id || '|' || coalesce(category, '') || '|' || choices_json || '|' || accepts_adjustment
        -- Choices at other bases decide the round here; rows naming only this base keep their old fingerprint.
        || CASE WHEN instr(coalesce(choice_list_json, ''), '"base":"') > 0 THEN '|' || choice_list_json ELSE '' END,
        ';') AS applicants,
      group_concat(id || '|' || confirmation_status, ';') AS confirmations
      FROM (
        SELECT id, category, choices_json, choice_list_json, accepts_adjustment, confirmation_status FROM applicants
        WHERE cohort_year = ${cohortYear} ORDER BY id)`.execute(tx);
  const row = result.rows[0]!;
  return { applicants: digest(row.applicants ?? ''), confirmations: digest(row.confirmations ?? '') };
}

/**
 * The current fingerprint of every input group of a cohort. The groups follow what loadInputs reads: the
 * plan rows and the preset (rounds, tie-breaks, minimum total), each applicant's category, choices and
 * 服从调剂, the 现场确认 status, the components with every stored score, and the active decisions (ties
 * apart from declines, 调剂, over-quota approvals and 二次补报 choices). A run passes the roster groups it
 * took from its own read (loadRoster); other callers have them read here.
 */
export async function currentFingerprints(
  tx: Tx,
  cohortYear: number,
  roster?: ApplicantFingerprints,
): Promise<InputFingerprints> {
  const y = cohortYear;
  // Scores come from an ordered subquery of narrow rows. component_scores_read is ordered by (applicant_id,
  // component) and holds every column read: walking it needs no sort and no row lookups (about a third less
  // than the cohort index plus a sort on 40,000 scores); the ORDER BY keeps the order whichever way is taken.
  const result = await sql<Record<OtherGroup, string | null>>`SELECT
    coalesce((SELECT preset_id FROM base WHERE id = 1), '') || '#' || coalesce((SELECT group_concat(
      coalesce(specialty_code, '*') || '|' || category || '|' || quota, ';' ORDER BY specialty_code, category)
      FROM plan_rows WHERE cohort_year = ${y}), '') AS plan,
    coalesce((SELECT group_concat("key" || '|' || "max" || '|' || weight, ';' ORDER BY position, "key")
      FROM exam_components WHERE cohort_year = ${y}), '') || '#' || coalesce((SELECT group_concat(row, ';') FROM (
        SELECT applicant_id || '|' || component || '|' || coalesce(value, '') || '|' || absent AS row
        FROM component_scores INDEXED BY component_scores_read WHERE cohort_year = ${y}
        ORDER BY applicant_id, component)), '') AS scores,
    (SELECT group_concat(id, ';' ORDER BY id) FROM admission_decisions
      WHERE cohort_year = ${y} AND revoked_at IS NULL AND kind = 'tie') AS ties,
    coalesce((SELECT group_concat(id, ';' ORDER BY id) FROM admission_decisions
      WHERE cohort_year = ${y} AND revoked_at IS NULL AND kind <> 'tie'), '') || '#' || coalesce((SELECT group_concat(
      applicant_id || '|' || choices_json, ';' ORDER BY applicant_id)
      FROM admission_second_choices WHERE cohort_year = ${y}), '') AS decisions`.execute(tx);
  const row = result.rows[0]!;
  const { applicants, confirmations } = roster ?? (await rosterFingerprints(tx, y));
  return {
    plan: digest(row.plan ?? ''),
    applicants,
    confirmations,
    scores: digest(row.scores ?? ''),
    ties: digest(row.ties ?? ''),
    decisions: digest(row.decisions ?? ''),
  };
}

/** The text a run stores in admission_runs.inputs_json: its fingerprints and their form. */
export function storedInputsJson(fingerprints: InputFingerprints): string {
  return JSON.stringify({ ...fingerprints, form: FINGERPRINT_FORM });
}

const storedGroups = z.object({
  ...(Object.fromEntries(INPUT_GROUPS.map((g) => [g, z.string().optional()])) as Record<InputGroup, z.ZodOptional<z.ZodString>>),
  form: z.number().optional(),
});

type StoredFingerprints = z.infer<typeof storedGroups>;

/** The fingerprints a run stored; a run from before they were recorded has none and claims nothing. */
function storedFingerprints(run: Pick<AdmissionRunTable, 'inputs_json'>): StoredFingerprints | null {
  if (run.inputs_json === null) return null;
  return parseJsonAs(storedGroups, run.inputs_json, 'admission_runs.inputs_json');
}

/** The groups whose fingerprint differs from the run's, in a fixed order; a run without fingerprints claims nothing. */
export function compareFingerprints(stored: Partial<InputFingerprints> | null, now: InputFingerprints): AdmissionStaleness {
  if (stored === null) return FRESH;
  const staleReasons = INPUT_GROUPS.filter((g) => stored[g] !== undefined && stored[g] !== now[g]).map((g) => REASON[g]);
  return { stale: staleReasons.length > 0, staleReasons, staleReasonText: staleReasons.map((r) => STALE_REASON_TEXT[r]) };
}

/** Whether this stored run still matches today's inputs. */
export async function runStaleness(
  tx: Tx,
  run: Pick<AdmissionRunTable, 'inputs_json' | 'cohort_year'>,
): Promise<AdmissionStaleness> {
  const stored = storedFingerprints(run);
  if (stored === null) return FRESH;
  const roster = stored.form === FINGERPRINT_FORM ? undefined : await earlierRosterFingerprints(tx, run.cohort_year);
  return compareFingerprints(stored, await currentFingerprints(tx, run.cohort_year, roster));
}

/** Refuses an action (公示, a package) on a run whose inputs changed since it was computed. */
export async function requireFreshRun(
  tx: Tx,
  run: Pick<AdmissionRunTable, 'inputs_json' | 'cohort_year' | 'run_no'>,
  action: string,
): Promise<void> {
  const s = await runStaleness(tx, run);
  if (!s.stale) return;
  throw new AppError(
    'ADMISSION_STALE',
    `录取结果已过期：第 ${run.run_no} 次计算之后${s.staleReasonText.join('、')}，当前名单不再反映最新情况，不能${action}。请先重新计算录取（录取页“重新计算”或 basedesk admission run），核对结果后再${action}。未做任何更改。`,
    { staleReasons: s.staleReasons },
  );
}
