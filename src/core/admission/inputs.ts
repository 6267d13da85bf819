/**
 * Everything one allocation run reads, loaded in one transaction: the plan (named specialties only: the
 * unallocated pool never receives admissions until split), the applicants with their eligibility, the
 * examination results, the active decisions and the 二次补报 choices.
 */
import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
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
import { fullChoiceList, ownChoicesByPosition, storedChoiceList } from '../applicants/choice-list';

export type ApplicantInfo = {
  id: string;
  idNumber: string;
  name: string;
  sex: string | null;
  phone: string | null;
  highestEducation: string | null;
  category: string | null;
  employer: string | null;
  /** This base's specialty per choice position, '' where the choice names another base. */
  choices: string[];
  acceptsAdjustment: boolean;
  confirmationStatus: string;
  reductionYears: number;
  /** Assigned here by the province or city (调剂): admitted by its recorded outcome, never refused. */
  assigned: boolean;
};

export type Inputs = {
  base: BaseTable;
  preset: Preset;
  cohortYear: number;
  seats: Seats[];
  planSeats: number;
  poolSeats: number;
  specialtyNames: Map<string, string>;
  applicants: Map<string, ApplicantInfo>;
  results: Map<string, CandidateResult>;
  /** Allocation input, one per applicant of the cohort. */
  pool: Applicant[];
  /** Why an applicant cannot be admitted (現场确认, 缺考, incomplete scores, below the minimum). */
  ineligible: Map<string, string>;
  decisionRows: AdmissionDecisionTable[];
  secondChoices: Record<string, string[]>;
};

const CONFIRMATION_TEXT: Record<string, string> = {
  pending: '现场确认尚未完成',
  returned: '现场确认退回补正，尚未通过',
  rejected: '现场确认未通过（资格审核不通过）',
};

export function parseChoices(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.trim() : '')) : [];
  } catch {
    return [];
  }
}

/**
 * The base ranks and admits only for choices naming itself: each own choice stays at its position, so an
 * applicant whose first choice is another base competes here in the second round.
 */
export function ownChoices(choicesJson: string, choiceListJson: string | null | undefined): string[] {
  const codes = parseChoices(choicesJson);
  const list = storedChoiceList(codes, choiceListJson);
  return list === null ? codes : ownChoicesByPosition(fullChoiceList(codes, list));
}

/** One applicant row as SQLite's json_array writes it, in APPLICANT_COLUMNS order. */
type ApplicantTuple = [
  id: string,
  idNumber: string,
  name: string,
  sex: string | null,
  phone: string | null,
  highestEducation: string | null,
  category: string | null,
  employer: string | null,
  choicesJson: string,
  choiceListJson: string | null,
  assigned: number,
  acceptsAdjustment: number,
  confirmationStatus: string,
  reductionYears: number,
];

const TUPLE_TYPES: ReadonlyArray<'string' | 'string?' | 'number'> = [
  'string',
  'string',
  'string',
  'string?',
  'string?',
  'string?',
  'string?',
  'string?',
  'string',
  'string?',
  'number',
  'number',
  'string',
  'number',
];

function isApplicantTuple(v: unknown): v is ApplicantTuple {
  if (!Array.isArray(v) || v.length !== TUPLE_TYPES.length) return false;
  for (let i = 0; i < TUPLE_TYPES.length; i++) {
    const t = TUPLE_TYPES[i]!;
    const x: unknown = v[i];
    if (t === 'string?' ? x !== null && typeof x !== 'string' : typeof x !== t) return false;
  }
  return true;
}

function applicantTuples(json: string): ApplicantTuple[] {
  const rows: unknown = JSON.parse(json);
  if (!Array.isArray(rows) || !rows.every(isApplicantTuple)) {
    throw new AppError(
      'STORED_JSON_INVALID',
      '数据库中考生名单的内容无法读取（格式不符），数据可能已损坏：请先运行数据库检查（db.check）或从备份恢复。',
      {
        where: 'applicants',
      },
    );
  }
  return rows;
}

/**
 * The cohort's applicants as the allocation and its views need them. One statement returning one JSON array
 * of rows: for 20,000 applicants about half the cost of the driver building 20,000 row objects (the same
 * approach as scores/results.ts), and many applicants share their choices, which are parsed once each.
 */
export async function loadApplicants(tx: Tx, cohortYear: number): Promise<Map<string, ApplicantInfo>> {
  const result = await sql<{ rows: string }>`SELECT coalesce(json_group_array(json_array(id, id_number, name, sex, phone,
      highest_education, category, employer, choices_json, choice_list_json, assigned_json IS NOT NULL, accepts_adjustment,
      confirmation_status, reduction_years)), '[]') AS rows
    FROM applicants WHERE cohort_year = ${cohortYear}`.execute(tx);
  const out = new Map<string, ApplicantInfo>();
  const choicesOf = new Map<string, string[]>();
  for (const r of applicantTuples(result.rows[0]?.rows ?? '[]')) {
    const key = r[9] === null ? r[8] : `${r[8]}\u0000${r[9]}`;
    let choices = choicesOf.get(key);
    if (choices === undefined) choicesOf.set(key, (choices = ownChoices(r[8], r[9])));
    out.set(r[0], {
      id: r[0],
      idNumber: r[1],
      name: r[2],
      sex: r[3],
      phone: r[4],
      highestEducation: r[5],
      category: r[6] === '' ? null : r[6],
      employer: r[7],
      // Shared between applicants with the same choices: callers only read them.
      choices,
      acceptsAdjustment: r[11] === 1,
      confirmationStatus: r[12],
      reductionYears: r[13],
      assigned: r[10] === 1,
    });
  }
  return out;
}

export async function loadSpecialtyNames(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx.selectFrom('specialties').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * The applicants in id order. Sorted here, not by the query: an ORDER BY under the JSON aggregate cost SQLite
 * more than this sort (and rows that happen to come in order are only checked).
 */
function byId(applicants: Map<string, ApplicantInfo>): ApplicantInfo[] {
  const list = [...applicants.values()];
  for (let i = 1; i < list.length; i++) {
    if (list[i - 1]!.id >= list[i]!.id) return list.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  }
  return list;
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
  const applicants = await loadApplicants(tx, cohortYear);
  const results = await deps.loadResults(tx, cohortYear);
  const { components } = await loadComponents(tx, cohortYear, preset);
  const componentName = new Map(components.map((c) => [c.key, c.name]));
  const minTotal = preset.exam.minTotal === null ? null : Math.round(preset.exam.minTotal * 100);

  const ineligible = new Map<string, string>();
  const pool: Applicant[] = [];
  for (const a of byId(applicants)) {
    const r = results.get(a.id);
    const scores: Record<string, number> = {};
    const components = r?.components;
    for (const k in components) {
      const v = components[k];
      if (typeof v === 'number') scores[k] = v;
    }
    // A person the province or city assigned here takes no part in the choice rounds and may not be refused
    // (seed 003: “不得以任何理由拒收调剂人员”): the recorded 调剂 decision admits them.
    const why = a.assigned ? null : ineligibleWhy(a.confirmationStatus, r, componentName, minTotal);
    const entry: Applicant = {
      id: a.id,
      category: a.category,
      total: r?.total ?? 0,
      components: scores,
      choices: a.choices,
      acceptsAdjustment: a.acceptsAdjustment,
      eligible: why === null,
    };
    if (why !== null) {
      ineligible.set(a.id, why);
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
    applicants,
    results,
    pool,
    ineligible,
    decisionRows,
    secondChoices,
  };
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
