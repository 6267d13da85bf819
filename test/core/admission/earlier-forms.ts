/**
 * What earlier versions stored, made here as they made it, so the tests can check that it still reads back
 * and is still judged right: the compact form of a run (`"format": 2`), and the input fingerprints as one
 * statement computed them all (a run now fingerprints the roster from the rows it has read).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { StoredRun } from '../../../src/core/admission/compute';
import type { CompetitionEntry, NotAdmitted } from '../../../src/core/admission/rules';
import { INPUT_GROUPS, type InputFingerprints } from '../../../src/core/admission/staleness';
import type { Tx } from '../../../src/core/context';

const CODES = ['INELIGIBLE', 'DECLINED', 'NO_SEAT', 'AWAITING_TIE'];

type Columns = [ids: string[], numbers: Array<number | null>];

function notAdmittedColumns(list: readonly NotAdmitted[], messages: string[]): Columns {
  const ids: string[] = [];
  const numbers: number[] = [];
  for (const n of list) {
    if (!messages.includes(n.message)) messages.push(n.message);
    ids.push(n.id);
    numbers.push(CODES.indexOf(n.code), messages.indexOf(n.message));
  }
  return [ids, numbers];
}

function entryColumns(entries: readonly CompetitionEntry[]): Columns {
  const flags = (e: CompetitionEntry) => (e.admitted ? 1 : 0) | (e.tied === true ? 2 : e.tied === false ? 4 : 0);
  return [entries.map((e) => e.id), entries.flatMap((e) => [e.total, e.rank, flags(e)])];
}

/** A run in the `"format": 2` text earlier versions stored. */
export function packFormat2(stored: StoredRun): string {
  const ids = Object.keys(stored.totals);
  const messages: string[] = [];
  const r = stored.result;
  return JSON.stringify({
    format: 2,
    totals: [ids, ids.map((id) => stored.totals[id])],
    messages,
    notAdmitted: notAdmittedColumns(r.notAdmitted, messages),
    ranked: r.explanation.map((c) => entryColumns(c.ranked)),
    run: {
      ...stored,
      totals: {},
      result: { ...r, notAdmitted: [], explanation: r.explanation.map((c) => ({ ...c, ranked: [] })) },
    },
  });
}

/** Every input group's fingerprint as earlier versions computed it, in one statement. */
export async function fingerprintsAsEarlier(tx: Tx, y: number): Promise<InputFingerprints> {
  const result = await sql<Record<string, string | null>>`SELECT
    coalesce((SELECT preset_id FROM base WHERE id = 1), '') || '#' || coalesce((SELECT group_concat(
      coalesce(specialty_code, '*') || '|' || category || '|' || quota, ';' ORDER BY specialty_code, category)
      FROM plan_rows WHERE cohort_year = ${y}), '') AS plan,
    people.applicants, people.confirmations,
    coalesce((SELECT group_concat("key" || '|' || "max" || '|' || weight, ';' ORDER BY position, "key")
      FROM exam_components WHERE cohort_year = ${y}), '') || '#' || coalesce((SELECT group_concat(row, ';') FROM (
        SELECT applicant_id || '|' || component || '|' || coalesce(value, '') || '|' || absent AS row
        FROM component_scores WHERE cohort_year = ${y} ORDER BY applicant_id, component)), '') AS scores,
    (SELECT group_concat(id, ';' ORDER BY id) FROM admission_decisions
      WHERE cohort_year = ${y} AND revoked_at IS NULL AND kind = 'tie') AS ties,
    coalesce((SELECT group_concat(id, ';' ORDER BY id) FROM admission_decisions
      WHERE cohort_year = ${y} AND revoked_at IS NULL AND kind <> 'tie'), '') || '#' || coalesce((SELECT group_concat(
      applicant_id || '|' || choices_json, ';' ORDER BY applicant_id)
      FROM admission_second_choices WHERE cohort_year = ${y}), '') AS decisions
    FROM (SELECT
      group_concat(id || '|' || coalesce(category, '') || '|' || choices_json || '|' || accepts_adjustment
        || CASE WHEN instr(coalesce(choice_list_json, ''), '"base":"') > 0 THEN '|' || choice_list_json ELSE '' END,
        ';') AS applicants,
      group_concat(id || '|' || confirmation_status, ';') AS confirmations
      FROM (
        SELECT id, category, choices_json, choice_list_json, accepts_adjustment, confirmation_status FROM applicants
        WHERE cohort_year = ${y} ORDER BY id)) AS people`.execute(tx);
  const row = result.rows[0]!;
  const out = {} as InputFingerprints;
  for (const g of INPUT_GROUPS)
    out[g] = createHash('sha256')
      .update(row[g] ?? '')
      .digest('hex')
      .slice(0, 32);
  return out;
}
