/**
 * One allocation over loaded inputs, via the pure allocate(). A run limited to choice rounds 1..K
 * (`--round K`, for bases that admit round by round) runs no 二次补报 and no 调剂: its adjustments and
 * proposals would be decided on seats later rounds may still take.
 */
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { allocate, policyOptions, type AllocationResult, type Decisions, type Options } from './rules';
import type { Inputs } from './inputs';
import type { People } from './people';

/** What a run stores: the full explained result plus the figures the views need. */
export type StoredRun = {
  result: AllocationResult;
  /** Hundredths, null when the applicant has no complete total. */
  totals: Record<string, number | null>;
  /** INELIGIBLE reasons, as the service words them. */
  ineligible: Record<string, string>;
  planSeats: number;
  poolSeats: number;
  roundLimit: number | null;
  secondWindowChoices?: number | null;
};

export function requireSeats(inp: Inputs): void {
  if (inp.planSeats > 0) return;
  if (inp.poolSeats > 0) {
    throw new AppError(
      'ADMISSION_PLAN_EMPTY',
      `${inp.cohortYear} 年度招收计划的 ${inp.poolSeats} 个名额都在“其他（待分配）”中，尚未分到具体专业，不能录取。请先在招收计划中把名额分给本基地的专业，再计算录取。未做任何更改。`,
      { poolSeats: inp.poolSeats },
    );
  }
  throw new AppError(
    'ADMISSION_PLAN_EMPTY',
    `${inp.cohortYear} 年度招收计划没有名额（尚未导入计划，或各专业计划数均为 0），无法计算录取。请先导入或设置招收计划。未做任何更改。`,
  );
}

export function checkRoundLimit(inp: Inputs, round: number | undefined): number | null {
  if (round === undefined) return null;
  if (round > inp.preset.choices) {
    throw new AppError(
      'ADMISSION_BAD_ROUND',
      `本省预设每人最多 ${inp.preset.choices} 个志愿，不能只计算到第 ${round} 志愿。请使用 1 到 ${inp.preset.choices} 之间的轮次。`,
      { round, choices: inp.preset.choices },
    );
  }
  return round;
}

export type ChoiceProblem = {
  applicantId: string;
  name: string;
  idNumber: string;
  choice: number;
  specialtyCode: string;
  stage: 'main' | 'second';
};

/** Whether a choice names a seat an applicant of that category could take: an unsplit row, or their category's. */
function seatFitter(seats: readonly Inputs['seats'][number][]): (code: string, category: string | null) => boolean {
  const open = new Set<string>();
  const byCategory = new Set<string>();
  for (const s of seats) {
    if (s.category === null) open.add(s.specialty);
    else byCategory.add(`${s.specialty}\u0001${s.category}`);
  }
  return (code, category) => open.has(code) || (category !== null && byCategory.has(`${code}\u0001${category}`));
}

/** Eligible applicants' choices that name no seat they could take (not in the plan, or not for their category). */
export function invalidChoices(inp: Inputs, people: People, withSecond: boolean): ChoiceProblem[] {
  const fits = seatFitter(inp.seats);
  const out: ChoiceProblem[] = [];
  const check = (a: Inputs['pool'][number], choices: readonly string[], limit: number, stage: 'main' | 'second') => {
    for (let i = 0; i < Math.min(limit, choices.length); i++) {
      const c = choices[i]!;
      if (c === '' || fits(c, a.category)) continue;
      const info = people.get(a.id)!;
      out.push({
        applicantId: a.id,
        name: info.name,
        idNumber: maskIdNumber(info.idNumber),
        choice: i + 1,
        specialtyCode: c,
        stage,
      });
    }
  };
  for (const a of inp.pool) {
    if (!a.eligible) continue;
    check(a, a.choices, inp.preset.choices, 'main');
    const second = inp.secondChoices[a.id];
    if (withSecond && second !== undefined) check(a, second, inp.preset.secondWindow?.choices ?? 2, 'second');
  }
  return out;
}

export function choiceProblemError(inp: Inputs, problems: ChoiceProblem[]): AppError {
  const shown = problems.slice(0, 10).map((p) => {
    const name = inp.specialtyNames.get(p.specialtyCode);
    return `${p.name}（${p.idNumber}）${p.stage === 'second' ? '二次补报' : ''}第 ${p.choice} 志愿「${p.specialtyCode}${name ? ` ${name}` : ''}」`;
  });
  return new AppError(
    'ADMISSION_CHOICE_NOT_IN_PLAN',
    `${problems.length} 个志愿不在本基地招收计划中（或计划按人员类别分列而没有该考生类别的名额）：${shown.join('；')}${problems.length > 10 ? ' 等' : ''}。请核对招收计划或考生志愿；如确认跳过这些志愿继续录取，请勾选“跳过无效志愿”（命令行 --skip-invalid-choices）。未做任何更改。`,
    { problems },
  );
}

export function compute(inp: Inputs, decisions: Decisions, roundLimit: number | null): StoredRun {
  const full = roundLimit === null;
  const options: Options = {
    rounds: roundLimit ?? inp.preset.choices,
    tieBreaks: inp.preset.exam.tieBreaks,
    ...policyOptions(inp.preset, inp.specialtyNames),
  };
  if (full && inp.preset.secondWindow !== null && Object.keys(inp.secondChoices).length > 0) {
    options.secondWindow = { choices: inp.secondChoices };
  }
  const used: Decisions = full
    ? decisions
    : { tieResolutions: decisions.tieResolutions ?? [], declined: decisions.declined ?? [] };
  const result = allocate(inp.seats, inp.pool, used, options);
  if (!full) {
    result.proposals = [];
    // Later choices are not ignored, just not run yet.
    result.warnings = result.warnings.filter((w) => w.code !== 'CHOICE_BEYOND_ROUNDS');
    for (const n of result.notAdmitted) {
      if (n.code === 'NO_SEAT') n.message = `第 1 至第 ${roundLimit} 志愿均未录取，等待后续志愿轮次和调剂。`;
    }
  }
  const totals: Record<string, number | null> = {};
  for (const a of inp.pool) totals[a.id] = inp.results.get(a.id)?.total ?? null;
  return {
    result,
    totals,
    ineligible: Object.fromEntries(inp.ineligible),
    planSeats: inp.planSeats,
    poolSeats: inp.poolSeats,
    roundLimit,
    secondWindowChoices: inp.preset.secondWindow?.choices ?? null,
  };
}
