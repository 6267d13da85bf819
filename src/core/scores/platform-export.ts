/**
 * Results back to the provincial platform (seed 002 四: "各培训基地通过平台成绩管理，将学员考试结果导入系统中，
 * 包括理论成绩、技能成绩、面试成绩和考核结果"). One row per applicant who sat or could sit the examination
 * (confirmed on site, or holding any score): a missing score is a blank cell and a warning, never a dropped row.
 *
 * 考核结果 is derived only where the preset gives a minimum total; no source gives Jilin one, so there the
 * coordinator records 合格/不合格 per person with the reason. The file carries full ID numbers (the platform
 * matches people by them), so it needs the reveal permission and is audited with the count, never the numbers.
 */
import type {
  PlatformExport,
  PlatformResult,
  PlatformRow,
  PlatformSummary,
  PlatformView,
} from '../../shared/contract/scores-platform';
import type { scoresPlatformOps } from '../../shared/contract/scores-platform';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import type { Preset } from '../../shared/preset';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { currentPreset, requireBase } from '../base/base';
import type { Actor, Core, Tx } from '../context';
import { normalizeIdInput } from '../identity';
import { neutraliseFormula } from '../tabular/cell-safety';
import { loadExcelJS } from '../tabular/xlsx';
import { isoNow } from '../util/clock';
import { evaluateScores, loadScoreTable, type ScoreTable } from './results';
import { formatHundredths, type Component } from './rules';

export const PLATFORM_HEADER = ['姓名', '身份证号', '理论成绩', '技能成绩', '面试成绩', '考核结果'] as const;

type Column = 'theory' | 'skills' | 'interview';
const COLUMN_NAMES: Record<Column, string> = { theory: '理论成绩', skills: '技能成绩', interview: '面试成绩' };

/** Which exam component fills each platform column: by key first, then by the name the base gave it. */
export function columnComponents(components: readonly Component[]): Record<Column, number | null> {
  const find = (key: string, names: RegExp) => {
    const byKey = components.findIndex((c) => c.key === key);
    return byKey >= 0 ? byKey : ((i) => (i >= 0 ? i : null))(components.findIndex((c) => names.test(c.name)));
  };
  return { theory: find('written', /理论|笔试/), skills: find('skills', /技能|操作/), interview: find('interview', /面试/) };
}

/** The preset's pass rule in words, or null when it has none (then 考核结果 is set per person). */
export function passRule(preset: Pick<Preset, 'exam'>): { min: number; text: string } | null {
  const min = preset.exam.minTotal;
  if (min === null) return null;
  return { min: Math.round(min * 100), text: `总成绩不低于 ${min} 分为合格（本年度预设的最低分数线）` };
}

type Manual = { result: PlatformResult; reason: string; set_by: string };

type Built = { view: PlatformView; fullIds: string[] };

function derive(total: number | null, absent: boolean, rule: { min: number; text: string }): PlatformResult | null {
  if (absent) return '不合格';
  return total === null ? null : total >= rule.min ? '合格' : '不合格';
}

function rowOf(
  t: ScoreTable,
  i: number,
  cols: Record<Column, number | null>,
  total: number | null,
  rule: { min: number; text: string } | null,
  manual: Manual | undefined,
): PlatformRow {
  const warnings: string[] = [];
  const value = (c: Column): number | null => {
    const k = cols[c];
    if (k === null) return null;
    const v = t.values[k]![i]!;
    if (v === 'absent') warnings.push(`${COLUMN_NAMES[c]}：缺考`);
    else if (v === null) warnings.push(`缺${COLUMN_NAMES[c]}`);
    return typeof v === 'number' ? v : null;
  };
  const row = { theory: value('theory'), skills: value('skills'), interview: value('interview') };
  const absent = t.values.some((col) => col[i] === 'absent');
  let result: PlatformResult | null;
  let resultSource: PlatformRow['resultSource'];
  if (rule !== null) {
    result = derive(total, absent, rule);
    resultSource = result === null ? null : { kind: 'rule', rule: rule.text };
  } else {
    result = manual?.result ?? null;
    resultSource = manual ? { kind: 'manual', by: manual.set_by, reason: manual.reason } : null;
  }
  if (result === null) warnings.push(rule === null ? '考核结果未登记' : '成绩不全，无法判定考核结果');
  return {
    applicantId: t.ids[i]!,
    name: t.names[i]!,
    idNumber: maskIdNumber(t.idNumbers[i]!),
    ...row,
    result,
    resultSource,
    warnings,
  };
}

async function build(tx: Tx): Promise<Built> {
  const base = await requireBase(tx);
  const year = base.cohort_year;
  const rule = passRule(await currentPreset(tx));
  const t = await loadScoreTable(tx, year);
  const totals = evaluateScores(t).total;
  const cols = columnComponents(t.components);
  const confirmed = new Set(
    (
      await tx
        .selectFrom('applicants')
        .select('id')
        .where('cohort_year', '=', year)
        .where('confirmation_status', '=', 'confirmed')
        .execute()
    ).map((r) => r.id),
  );
  const manual = new Map(
    (await tx.selectFrom('platform_results').selectAll().where('cohort_year', '=', year).execute()).map((m) => [
      m.applicant_id,
      m,
    ]),
  );
  const picked = t.ids
    .map((id, i) => ({ id, i }))
    .filter(({ id, i }) => confirmed.has(id) || t.values.some((col) => col[i] !== null))
    .sort((a, b) => (t.idNumbers[a.i]! < t.idNumbers[b.i]! ? -1 : 1));
  return {
    view: {
      cohortYear: year,
      rule: rule?.text ?? null,
      absentColumns: (Object.keys(cols) as Column[]).filter((c) => cols[c] === null).map((c) => COLUMN_NAMES[c]),
      rows: picked.map(({ id, i }) => rowOf(t, i, cols, totals[i]!, rule, manual.get(id))),
    },
    fullIds: picked.map(({ i }) => t.idNumbers[i]!),
  };
}

export async function platformRows(tx: Tx): Promise<PlatformView> {
  return (await build(tx)).view;
}

/**
 * The counts the 考核成绩 screen shows: the same rows as the export, without sending 10,000 of them to the
 * screen (the rows go out only when someone opens the dialog that lists them).
 */
export async function platformSummary(tx: Tx): Promise<PlatformSummary> {
  const { cohortYear, rule, absentColumns, rows } = (await build(tx)).view;
  return { cohortYear, rule, absentColumns, rows: rows.length, warned: rows.filter((r) => r.warnings.length > 0).length };
}

export async function setPlatformResult(
  core: Core,
  actor: Actor,
  input: { applicant: string; result: PlatformResult | null; reason: string },
): Promise<PlatformRow> {
  return core.db.transaction().execute(async (tx) => {
    const year = (await requireBase(tx)).cohort_year;
    const rule = passRule(await currentPreset(tx));
    if (rule !== null) {
      throw new AppError('SCORES_RESULT_BY_RULE', `考核结果按“${rule.text}”判定，不能逐人登记。未做任何更改。`);
    }
    const a = await tx
      .selectFrom('applicants')
      .select(['id', 'name'])
      .where('cohort_year', '=', year)
      .where((eb) => eb.or([eb('id', '=', input.applicant), eb('id_number', '=', normalizeIdInput(input.applicant))]))
      .executeTakeFirst();
    if (!a) throw new AppError('SCORES_APPLICANT_NOT_FOUND', `${year} 年的报名者中没有这个证件号码，请核对。`);
    const before = await tx.selectFrom('platform_results').selectAll().where('applicant_id', '=', a.id).executeTakeFirst();
    if (input.result === null) await tx.deleteFrom('platform_results').where('applicant_id', '=', a.id).execute();
    else {
      const row = { result: input.result, reason: input.reason, set_by: actor.username, set_at: isoNow(core.clock) };
      await tx
        .insertInto('platform_results')
        .values({ applicant_id: a.id, cohort_year: year, ...row })
        .onConflict((oc) => oc.column('applicant_id').doUpdateSet(row))
        .execute();
    }
    await appendEvent(tx, core, actor.username, {
      action: 'scores.platform-result',
      entity: 'applicant',
      entityId: a.id,
      before: { result: before?.result ?? null },
      after: { result: input.result },
      reason: input.reason,
    });
    const found = (await build(tx)).view.rows.find((r) => r.applicantId === a.id);
    if (!found) throw new AppError('SCORES_NOT_EXAMINED', `${a.name} 未通过现场确认且没有任何成绩，不在报省平台的名单中。`);
    return found;
  });
}

/** Scores as numbers with two decimals (the platform reads numbers, not text). */
const cellOf = (h: number | null) => (h === null ? null : Number(formatHundredths(h)));

export async function platformExport(core: Core, actor: Actor): Promise<PlatformExport> {
  return core.db.transaction().execute(async (tx) => {
    const { view, fullIds } = await build(tx);
    if (view.rows.length === 0)
      throw new AppError('SCORES_PLATFORM_EMPTY', `${view.cohortYear} 年没有已确认或有成绩的考生，没有可导出的内容。`);
    const wb = new (await loadExcelJS()).Workbook();
    const ws = wb.addWorksheet('考核成绩');
    ws.addRow([...PLATFORM_HEADER]).font = { bold: true };
    view.rows.forEach((r, i) => {
      const row = ws.addRow([
        neutraliseFormula(r.name),
        fullIds[i]!,
        cellOf(r.theory),
        cellOf(r.skills),
        cellOf(r.interview),
        r.result ?? '',
      ]);
      row.getCell(2).numFmt = '@'; // an 18-digit number would lose its last digits as a number
      for (const c of [3, 4, 5]) row.getCell(c).numFmt = '0.00';
    });
    ws.columns.forEach((c, i) => (c.width = [12, 22, 10, 10, 10, 10][i] ?? 10));
    const warnings = [
      ...view.absentColumns.map((c) => `本年度考核没有${c.replace('成绩', '')}考核，“${c}”一列留空。`),
      ...view.rows.filter((r) => r.warnings.length > 0).map((r) => `${r.name}（${r.idNumber}）：${r.warnings.join('；')}`),
    ];
    await appendEvent(tx, core, actor.username, {
      action: 'scores.platform-export',
      entity: 'scores',
      entityId: String(view.cohortYear),
      after: {
        rows: view.rows.length,
        fullIdNumbers: view.rows.length,
        rowsWithWarnings: view.rows.filter((r) => r.warnings.length > 0).length,
      },
    });
    const buf = await wb.xlsx.writeBuffer();
    return {
      fileName: `${view.cohortYear}年考核成绩（报省平台）.xlsx`,
      contentBase64: Buffer.from(buf as ArrayBuffer).toString('base64'),
      rows: view.rows.length,
      warnings,
    };
  });
}

export const scoresPlatformHandlers = defineHandlers<typeof scoresPlatformOps>()({
  'scores.platformRows': async (ctx) => platformRows(ctx.core.db),
  'scores.platformSummary': async (ctx) => platformSummary(ctx.core.db),
  'scores.setPlatformResult': async (ctx, input) => setPlatformResult(ctx.core, actorOf(ctx), input),
  'scores.platformExport': async (ctx) => platformExport(ctx.core, actorOf(ctx)),
});
