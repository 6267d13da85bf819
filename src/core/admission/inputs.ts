/**
 * Everything one allocation run reads, loaded in one transaction: the plan (named specialties only: the
 * unallocated pool never receives admissions until split), the applicants with their eligibility, the
 * examination results, the active decisions and the 二次补报 choices.
 */
import type { Preset } from '../../shared/preset';
import { payloadSpecialty, tiePayload } from './decision-payloads';
import type { Applicant, Decisions, Seats } from './rules';
import { currentPreset, requireBase } from '../base/base';
import type { Tx } from '../context';
import type { BaseTable } from '../db/schema';
import { formatHundredths } from '../scores/rules';
import { loadComponents } from '../scores/components';
import type { AdmissionDeps, CandidateResult } from './deps';
import type { AdmissionDecisionTable } from './tables';
import { choicesMemo, parseChoices } from './people';
import { loadRoster } from './roster';
import type { ApplicantFingerprints } from './staleness';

export type Inputs = {
  base: BaseTable;
  preset: Preset;
  cohortYear: number;
  seats: Seats[];
  planSeats: number;
  poolSeats: number;
  specialtyNames: Map<string, string>;
  results: Map<string, CandidateResult>;
  /** Allocation input, one per applicant of the cohort. */
  pool: Applicant[];
  /** Why an applicant cannot be admitted (現场确认, 缺考, incomplete scores, below the minimum). */
  ineligible: Map<string, string>;
  decisionRows: AdmissionDecisionTable[];
  secondChoices: Record<string, string[]>;
  /** The roster groups' fingerprints, from the rows read here (a run stores them: staleness.ts). */
  roster: ApplicantFingerprints;
};

const CONFIRMATION_TEXT: Record<string, string> = {
  pending: '现场确认尚未完成',
  returned: '现场确认退回补正，尚未通过',
  rejected: '现场确认未通过（资格审核不通过）',
};

export async function loadSpecialtyNames(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx.selectFrom('specialties').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function loadInputs(tx: Tx, deps: AdmissionDeps): Promise<Inputs> {
  const base = await requireBase(tx);
  const preset = await currentPreset(tx);
  const cohortYear = base.cohort_year;
  const planRows = await tx
    .selectFrom('plan_rows')
    .select(['specialty_code', 'category', 'quota'])
    .where('cohort_year', '=', cohortYear)
    .execute();
  const seats: Seats[] = [];
  let poolSeats = 0;
  for (const r of planRows) {
    if (r.specialty_code === null) poolSeats += r.quota;
    else seats.push({ specialty: r.specialty_code, category: r.category === '' ? null : r.category, quota: r.quota });
  }
  const roster = await loadRoster(tx, cohortYear);
  const results = await deps.loadResults(tx, cohortYear);
  const { components } = await loadComponents(tx, cohortYear, preset);
  const componentName = new Map(components.map((c) => [c.key, c.name]));
  const minTotal = preset.exam.minTotal === null ? null : Math.round(preset.exam.minTotal * 100);
  const choicesOf = choicesMemo();

  const ineligible = new Map<string, string>();
  const pool: Applicant[] = [];
  const { ids, order } = roster;
  for (let k = 0; k < ids.length; k++) {
    const i = order === null ? k : order[k]!;
    const id = ids[i]!;
    const r = results.get(id);
    // A person the province or city assigned here takes no part in the choice rounds and may not be refused
    // (seed 003: “不得以任何理由拒收调剂人员”): the recorded 调剂 decision admits them.
    const why = roster.assigned[i] === 1 ? null : ineligibleWhy(roster.confirmationStatus[i]!, r, componentName, minTotal);
    const category = roster.categories[i]!;
    const list = roster.choiceListJson[i]!;
    const entry: Applicant = {
      id,
      category: category === '' ? null : category,
      total: r?.total ?? 0,
      components: scoresOf(r),
      choices: choicesOf(roster.choicesJson[i]!, list === '' ? null : list),
      acceptsAdjustment: roster.acceptsAdjustment[i] === 1,
      eligible: why === null,
    };
    if (why !== null) {
      ineligible.set(id, why);
      entry.ineligibleReason = why;
    }
    pool.push(entry);
  }

  const decisionRows = await tx
    .selectFrom('admission_decisions')
    .selectAll()
    .where('cohort_year', '=', cohortYear)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const second = await tx
    .selectFrom('admission_second_choices')
    .select(['applicant_id', 'choices_json'])
    .where('cohort_year', '=', cohortYear)
    .execute();
  const secondChoices: Record<string, string[]> = {};
  for (const s of second) secondChoices[s.applicant_id] = parseChoices(s.choices_json);

  return {
    base,
    preset,
    cohortYear,
    seats,
    planSeats: seats.reduce((n, s) => n + s.quota, 0),
    poolSeats,
    specialtyNames: await loadSpecialtyNames(tx),
    results,
    pool,
    ineligible,
    decisionRows,
    secondChoices,
    roster: roster.fingerprints,
  };
}

/**
 * The component scores the tie-breaks read. A result whose components are all scores is used as it is (the
 * allocation only reads it): a copy per applicant was 20,000 objects for the collector to move.
 */
function scoresOf(r: CandidateResult | undefined): Record<string, number> {
  if (r === undefined) return {};
  const components = r.components;
  for (const k in components) if (typeof components[k] !== 'number') return numbersOnly(components);
  return components as Record<string, number>;
}

function numbersOnly(components: CandidateResult['components']): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const k in components) {
    const v = components[k];
    if (typeof v === 'number') scores[k] = v;
  }
  return scores;
}

/** Why an applicant cannot be admitted (现场确认, 缺考, incomplete scores, below the minimum), or null. */
function ineligibleWhy(
  confirmation: string,
  r: CandidateResult | undefined,
  componentName: Map<string, string>,
  minTotal: number | null,
): string | null {
  if (confirmation !== 'confirmed') return CONFIRMATION_TEXT[confirmation] ?? '现场确认未通过';
  if (r === undefined || r.status === 'incomplete' || r.total === null) {
    const missing = Object.entries(r?.components ?? {})
      .filter(([, v]) => v === null)
      .map(([k]) => componentName.get(k) ?? k);
    return r?.status === 'absent'
      ? absentText(r, componentName)
      : `考核成绩不完整${missing.length > 0 ? `（缺少：${missing.join('、')}）` : '（没有成绩）'}`;
  }
  if (r.status === 'absent') return absentText(r, componentName);
  if (minTotal !== null && r.total < minTotal)
    return `总成绩 ${formatHundredths(r.total)} 低于最低录取分数线 ${formatHundredths(minTotal)}`;
  return null;
}

function absentText(r: CandidateResult, names: Map<string, string>): string {
  const absent = Object.entries(r.components)
    .filter(([, v]) => v === 'absent')
    .map(([k]) => names.get(k) ?? k);
  return `缺考${absent.length > 0 ? `（${absent.join('、')}）` : ''}`;
}

/** The recorded decisions in the shape allocate() takes. */
export function toDecisions(rows: readonly AdmissionDecisionTable[]): Decisions {
  const d: Required<Decisions> = { tieResolutions: [], declined: [], manualAdjustments: [], overQuotaApprovals: [] };
  for (const r of rows) {
    if (r.kind === 'tie') d.tieResolutions.push(tiePayload(r));
    else if (r.kind === 'decline') d.declined.push(r.applicant_id!);
    else if (r.kind === 'adjustment')
      d.manualAdjustments.push({ id: r.applicant_id!, specialty: payloadSpecialty(r), reason: r.reason });
    else d.overQuotaApprovals.push({ id: r.applicant_id!, specialty: payloadSpecialty(r), reason: r.reason });
  }
  return d;
}
