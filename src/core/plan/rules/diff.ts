/**
 * What replacing one recruitment plan with another changes: rows added, removed and changed, and the
 * specialties that applicants chose but the new plan no longer has. Pure: plain rows in, a diff out.
 */
import type { PlanDiff, PlanDiffRow } from '../../../shared/contract/plan';

export type DiffInputRow = { specialtyCode: string | null; specialtyName: string; category: string | null; quota: number };

function keyOf(r: DiffInputRow): string {
  return `${r.specialtyCode ?? ''}\u0000${r.category ?? ''}`;
}

function toDiffRow(r: DiffInputRow): PlanDiffRow {
  return { specialtyCode: r.specialtyCode, specialtyName: r.specialtyName, category: r.category, quota: r.quota };
}

/**
 * `choosers` counts the cohort's applicants per chosen specialty code. A specialty is "dropped" when it has
 * seats in the old plan and no row at all in the new one; applicants who chose it would lose their choice.
 */
export function diffPlans(before: DiffInputRow[], after: DiffInputRow[], choosers: Map<string, number>): PlanDiff {
  const old = new Map(before.map((r) => [keyOf(r), r]));
  const next = new Map(after.map((r) => [keyOf(r), r]));
  const added = after.filter((r) => !old.has(keyOf(r))).map(toDiffRow);
  const removed = before.filter((r) => !next.has(keyOf(r))).map(toDiffRow);
  const changed = after
    .filter((r) => old.has(keyOf(r)) && old.get(keyOf(r))!.quota !== r.quota)
    .map((r) => ({ ...toDiffRow(r), before: old.get(keyOf(r))!.quota, quota: r.quota }));
  const keptCodes = new Set(after.map((r) => r.specialtyCode));
  const droppedSpecialties = [
    ...new Map(
      removed.filter((r) => r.specialtyCode !== null && !keptCodes.has(r.specialtyCode)).map((r) => [r.specialtyCode!, r]),
    ).values(),
  ]
    .map((r) => ({
      specialtyCode: r.specialtyCode!,
      specialtyName: r.specialtyName,
      applicants: choosers.get(r.specialtyCode!) ?? 0,
    }))
    .filter((d) => d.applicants > 0);
  return {
    totalBefore: before.reduce((s, r) => s + r.quota, 0),
    totalAfter: after.reduce((s, r) => s + r.quota, 0),
    added,
    removed,
    changed,
    droppedSpecialties,
    identical: added.length === 0 && removed.length === 0 && changed.length === 0,
  };
}

/** One line per change, for the CLI and for error messages. */
export function describePlanDiff(d: PlanDiff): string[] {
  const label = (r: PlanDiffRow) => `${r.specialtyName}${r.category ? `（${r.category}）` : ''}`;
  return [
    `合计：${d.totalBefore} → ${d.totalAfter} 人`,
    ...d.added.map((r) => `新增：${label(r)} ${r.quota} 人`),
    ...d.removed.map((r) => `删除：${label(r)}（原 ${r.quota} 人）`),
    ...d.changed.map((r) => `变更：${label(r)} ${r.before} → ${r.quota} 人`),
    ...d.droppedSpecialties.map((s) => `注意：${s.applicants} 名报名人员选择了将被删除的专业“${s.specialtyName}”`),
  ];
}
