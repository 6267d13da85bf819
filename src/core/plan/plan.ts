import { sql } from 'kysely';
import { z } from 'zod';
import type { PlanDiff, PlanPreview, PlanRow, PlanView } from '../../shared/contract/plan';
import { AppError } from '../../shared/errors';
import { currentPreset, requireBase } from '../base/base';
import { addLocalSpecialty, loadCatalogue } from '../catalogue/catalogue';
import type { Actor, Core, Tx, WriteTx } from '../context';
import { appendEvent } from '../audit/events';
import { readTable } from '../tabular';
import { isoNow } from '../util/clock';
import { parseJsonAs } from '../util/json';
import { parsePlan } from './parse';
import { describePlanDiff, diffPlans } from './rules/diff';

export type PlanFile = { fileName: string; bytes: Uint8Array; baseColumn?: string };

/** How an import may replace a plan that already has rows: only when asked, with a reason. */
export type ReplaceOptions = { replace?: boolean; reason?: string; remap?: Record<string, string> };

/** Choice codes in order; an empty slot is null. */
const choiceList = z.array(z.string().nullable());

/** Applicants of the cohort per chosen specialty code (any choice). */
async function choosersByCode(tx: Tx, cohortYear: number): Promise<Map<string, number>> {
  const rows = await sql<{ code: string; n: number }>`
    SELECT j.value AS code, COUNT(DISTINCT a.id) AS n
    FROM applicants a, json_each(a.choices_json) j
    WHERE a.cohort_year = ${cohortYear} AND j.value IS NOT NULL
    GROUP BY j.value`.execute(tx);
  return new Map(rows.rows.map((r) => [String(r.code), Number(r.n)]));
}

/** The diff against the plan already there, or null when there is none. */
async function diffAgainstCurrent(
  tx: Tx,
  cohortYear: number,
  next: Array<{ specialtyCode: string | null; specialtyName: string; category: string | null; quota: number }>,
): Promise<PlanDiff | null> {
  const current = await showPlan(tx, cohortYear);
  if (current.rows.length === 0) return null;
  return diffPlans(current.rows, next, await choosersByCode(tx, cohortYear));
}

export async function showPlan(tx: Tx, cohortYear?: number): Promise<PlanView> {
  const base = await requireBase(tx);
  const year = cohortYear ?? base.cohort_year;
  const rows = await tx
    .selectFrom('plan_rows')
    .leftJoin('specialties', 'specialties.code', 'plan_rows.specialty_code')
    .select(['plan_rows.specialty_code', 'specialties.name', 'plan_rows.category', 'plan_rows.quota'])
    .where('plan_rows.cohort_year', '=', year)
    .orderBy('plan_rows.specialty_code')
    .orderBy('plan_rows.category')
    .execute();
  const view: PlanRow[] = rows.map((r) => ({
    specialtyCode: r.specialty_code,
    specialtyName: r.specialty_code === null ? '其他（待分配）' : (r.name ?? r.specialty_code),
    category: r.category === '' ? null : r.category,
    quota: r.quota,
    unallocated: r.specialty_code === null,
  }));
  // The pool sorts last: people read the named specialties first.
  view.sort((a, b) => Number(a.unallocated) - Number(b.unallocated));
  return { cohortYear: year, total: view.reduce((s, r) => s + r.quota, 0), rows: view };
}

export async function previewPlanImport(
  core: Core,
  file: PlanFile,
  mappings: Record<string, { code: string } | { add: true }> = {},
): Promise<PlanPreview> {
  const base = await requireBase(core.db);
  const preset = await currentPreset(core.db);
  const table = await readTable({ fileName: file.fileName, bytes: file.bytes });
  const catalogue = await loadCatalogue(core.db);
  const codes: Record<string, string> = {};
  const newNames = new Set<string>();
  for (const [name, m] of Object.entries(mappings)) {
    if ('code' in m) codes[name] = m.code;
    else newNames.add(name);
  }
  const parsed = parsePlan(table, {
    baseName: base.name,
    catalogue,
    preset,
    mappings: codes,
    newNames,
    ...(file.baseColumn ? { baseColumn: file.baseColumn } : {}),
  });
  const diff = await diffAgainstCurrent(core.db, base.cohort_year, parsed.rows);
  return { fileName: file.fileName, encoding: table.encoding ?? null, ...parsed, diff };
}

/**
 * Replace this cohort's plan with the file's, all or nothing. Unknown specialty names must each be mapped
 * to a catalogue code or explicitly added; any remaining problem refuses the whole file.
 */
export async function commitPlanImport(
  core: Core,
  actor: Actor,
  file: PlanFile,
  mappings: Record<string, { code: string } | { add: true }>,
  options: ReplaceOptions = {},
): Promise<PlanView> {
  const base = await requireBase(core.db);
  return core.db.transaction().execute(async (tx) => {
    const codes: Record<string, string> = {};
    for (const [name, m] of Object.entries(mappings)) {
      if ('code' in m) codes[name] = m.code;
    }
    // Added specialties are created inside the same transaction: a refused import adds nothing.
    for (const [name, m] of Object.entries(mappings)) {
      if ('add' in m) {
        const s = await addLocalSpecialty(tx, name);
        codes[name] = s.code;
        await appendEvent(tx, core, actor.username, {
          action: 'catalogue.add',
          entity: 'specialty',
          entityId: s.code,
          after: s,
          reason: `导入计划 ${file.fileName}`,
        });
      }
    }
    const preset = await currentPreset(tx);
    const table = await readTable({ fileName: file.fileName, bytes: file.bytes });
    const catalogue = await loadCatalogue(tx);
    for (const code of Object.values(codes)) {
      if (!catalogue.byCode.has(code)) throw new AppError('PLAN_MAPPING_UNKNOWN_CODE', `映射的专业代码 ${code} 不在专业目录中。`);
    }
    const parsed = parsePlan(table, {
      baseName: base.name,
      catalogue,
      preset,
      mappings: codes,
      ...(file.baseColumn ? { baseColumn: file.baseColumn } : {}),
    });
    if (parsed.unknownSpecialties.length > 0) {
      throw new AppError(
        'PLAN_UNKNOWN_SPECIALTY',
        `以下专业名称在专业目录中找不到：${parsed.unknownSpecialties.map((u) => `“${u.name}”（第 ${u.rows.join('、')} 行）`).join('，')}。请把它们对应到已有专业，或作为本地专业新增（命令行：--map 名称=代码 或 --add-unknown）。未导入任何数据。`,
        { unknownSpecialties: parsed.unknownSpecialties },
      );
    }
    if (parsed.problems.length > 0) {
      throw new AppError(
        'PLAN_INVALID',
        `计划表有 ${parsed.problems.length} 处问题，未导入任何数据：${parsed.problems.map((p) => p.message).join(' ')}`,
        {
          problems: parsed.problems,
        },
      );
    }
    const before = await showPlan(tx);
    const diff = await diffAgainstCurrent(tx, base.cohort_year, parsed.rows);
    if (diff && !diff.identical) {
      assertReplaceAllowed(diff, options);
      await remapChoices(tx, core, actor, base.cohort_year, diff, options);
    }
    await tx.deleteFrom('plan_rows').where('cohort_year', '=', base.cohort_year).execute();
    const now = isoNow(core.clock);
    if (parsed.rows.length > 0) {
      await tx
        .insertInto('plan_rows')
        .values(
          parsed.rows.map((r) => ({
            cohort_year: base.cohort_year,
            specialty_code: r.specialtyCode,
            category: r.category ?? '',
            quota: r.quota,
            updated_at: now,
          })),
        )
        .execute();
    }
    const after = await showPlan(tx);
    await appendEvent(tx, core, actor.username, {
      action: 'plan.import',
      entity: 'plan',
      entityId: String(base.cohort_year),
      before: { total: before.total, rows: before.rows },
      after: { total: after.total, rows: after.rows, file: file.fileName, shape: parsed.shape, baseColumn: parsed.baseColumn },
      reason: diff && !diff.identical ? (options.reason ?? null) : null,
    });
    return after;
  });
}

async function requireSpecialty(tx: Tx, code: string): Promise<void> {
  const s = await tx.selectFrom('specialties').select('code').where('code', '=', code).executeTakeFirst();
  if (!s) throw new AppError('SPECIALTY_UNKNOWN', `专业代码 ${code} 不在专业目录中。`);
}

async function requireCategory(tx: Tx, category: string | null): Promise<string> {
  if (category === null || category === '') return '';
  const preset = await currentPreset(tx);
  const c = preset.categories.find((x) => x.code === category || x.name === category);
  if (!c)
    throw new AppError(
      'UNKNOWN_CATEGORY',
      `人员类别“${category}”不在本省预设中（可选：${preset.categories.map((x) => x.name).join('、')}）。`,
    );
  return c.code;
}

async function upsertQuota(tx: Tx, year: number, code: string | null, category: string, quota: number, now: string) {
  const existing = await tx
    .selectFrom('plan_rows')
    .select(['id', 'quota'])
    .where('cohort_year', '=', year)
    .where((eb) => (code === null ? eb('specialty_code', 'is', null) : eb('specialty_code', '=', code)))
    .where('category', '=', category)
    .executeTakeFirst();
  if (existing) {
    if (quota === 0 && code !== null) await tx.deleteFrom('plan_rows').where('id', '=', existing.id).execute();
    else await tx.updateTable('plan_rows').set({ quota, updated_at: now }).where('id', '=', existing.id).execute();
  } else if (quota > 0) {
    await tx
      .insertInto('plan_rows')
      .values({ cohort_year: year, specialty_code: code, category, quota, updated_at: now })
      .execute();
  }
  return existing?.quota ?? 0;
}

/**
 * Replacing a plan that already has rows silently lost seats and whole specialties before: it now needs an
 * explicit `replace` with a reason, and every dropped specialty that applicants chose must be mapped to
 * another specialty of the new plan.
 */
function assertReplaceAllowed(diff: PlanDiff, options: ReplaceOptions): void {
  const changes = describePlanDiff(diff);
  if (!options.replace || !options.reason) {
    throw new AppError(
      'PLAN_REPLACE_NEEDS_CONFIRMATION',
      `本年度已有招收计划，导入会替换它：${changes.join('；')}。请确认替换并填写原因（命令行：--replace --reason 原因）。未导入任何数据。`,
      { diff },
    );
  }
  const unmapped = diff.droppedSpecialties.filter((d) => !options.remap?.[d.specialtyCode]);
  if (unmapped.length > 0) {
    throw new AppError(
      'PLAN_DROPS_CHOSEN_SPECIALTY',
      `新计划删除了报名人员已选择的专业：${unmapped.map((d) => `“${d.specialtyName}”（${d.applicants} 人）`).join('、')}。请在新计划中保留这些专业，或把它们对应到新计划中的专业（命令行：--remap 原代码=新代码）。未导入任何数据。`,
      { droppedSpecialties: unmapped },
    );
  }
}

/** Moves applicants' choices of a dropped specialty to the one the user mapped it to, one audited event each. */
async function remapChoices(tx: WriteTx, core: Core, actor: Actor, cohortYear: number, diff: PlanDiff, options: ReplaceOptions) {
  const remap = options.remap ?? {};
  const dropped = new Set(diff.droppedSpecialties.map((d) => d.specialtyCode));
  const catalogue = await loadCatalogue(tx);
  for (const [from, to] of Object.entries(remap)) {
    if (!dropped.has(from)) continue;
    if (!catalogue.byCode.has(to)) throw new AppError('PLAN_MAPPING_UNKNOWN_CODE', `映射的专业代码 ${to} 不在专业目录中。`);
  }
  const applicants = await tx
    .selectFrom('applicants')
    .select(['id', 'choices_json'])
    .where('cohort_year', '=', cohortYear)
    .execute();
  const now = isoNow(core.clock);
  for (const a of applicants) {
    const choices = parseJsonAs(choiceList, a.choices_json, 'applicants.choices_json');
    const next = choices.map((c) => (c !== null && dropped.has(c) && remap[c] ? remap[c] : c));
    if (next.every((c, i) => c === choices[i])) continue;
    await tx
      .updateTable('applicants')
      .set({ choices_json: JSON.stringify(next), updated_at: now })
      .where('id', '=', a.id)
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'applicant.remap-choice',
      entity: 'applicant',
      entityId: a.id,
      before: { choices },
      after: { choices: next },
      reason: options.reason ?? null,
    });
  }
}

export async function setQuota(
  core: Core,
  actor: Actor,
  input: { specialtyCode: string | null; category: string | null; quota: number; reason?: string },
): Promise<PlanView> {
  return core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    if (input.specialtyCode !== null) await requireSpecialty(tx, input.specialtyCode);
    const category = await requireCategory(tx, input.category);
    const before = await upsertQuota(tx, base.cohort_year, input.specialtyCode, category, input.quota, isoNow(core.clock));
    await appendEvent(tx, core, actor.username, {
      action: 'plan.set-quota',
      entity: 'plan',
      entityId: `${base.cohort_year}:${input.specialtyCode ?? 'pool'}:${category}`,
      before: { quota: before },
      after: { quota: input.quota },
      reason: input.reason ?? null,
    });
    return showPlan(tx);
  });
}

/** Move seats from the unallocated pool (吉林“其他”) to one of the base's own specialties. */
export async function splitPool(
  core: Core,
  actor: Actor,
  input: { specialtyCode: string; category: string | null; seats: number },
): Promise<PlanView> {
  return core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    await requireSpecialty(tx, input.specialtyCode);
    const category = await requireCategory(tx, input.category);
    const pool = await tx
      .selectFrom('plan_rows')
      .select(['id', 'quota'])
      .where('cohort_year', '=', base.cohort_year)
      .where('specialty_code', 'is', null)
      .where('category', '=', category)
      .executeTakeFirst();
    const available = pool?.quota ?? 0;
    if (input.seats > available) {
      throw new AppError('PLAN_POOL_INSUFFICIENT', `“其他”待分配名额只剩 ${available} 个，不能分出 ${input.seats} 个。`, {
        available,
      });
    }
    const now = isoNow(core.clock);
    await tx
      .updateTable('plan_rows')
      .set({ quota: available - input.seats, updated_at: now })
      .where('id', '=', pool!.id)
      .execute();
    const current = await tx
      .selectFrom('plan_rows')
      .select('quota')
      .where('cohort_year', '=', base.cohort_year)
      .where('specialty_code', '=', input.specialtyCode)
      .where('category', '=', category)
      .executeTakeFirst();
    await upsertQuota(tx, base.cohort_year, input.specialtyCode, category, (current?.quota ?? 0) + input.seats, now);
    await appendEvent(tx, core, actor.username, {
      action: 'plan.split-pool',
      entity: 'plan',
      entityId: `${base.cohort_year}:${input.specialtyCode}:${category}`,
      before: { pool: available, quota: current?.quota ?? 0 },
      after: { pool: available - input.seats, quota: (current?.quota ?? 0) + input.seats },
    });
    return showPlan(tx);
  });
}
