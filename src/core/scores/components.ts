/**
 * Assessment components of one cohort. Until someone edits them, they are the preset's (no row is written
 * on read); an edit stores the whole list for that cohort, validated by ./rules.
 */
import type { Preset } from '../../shared/preset';
import type { Component } from './rules';
import { currentPreset } from '../base/base';
import type { Tx } from '../context';

export type CohortComponents = { components: Component[]; fromPreset: boolean };

export async function loadComponents(tx: Tx, cohortYear: number, preset?: Preset): Promise<CohortComponents> {
  const rows = await tx
    .selectFrom('exam_components')
    .selectAll()
    .where('cohort_year', '=', cohortYear)
    .orderBy('position')
    .execute();
  if (rows.length > 0) {
    return { components: rows.map((r) => ({ key: r.key, name: r.name, max: r.max, weight: r.weight })), fromPreset: false };
  }
  const p = preset ?? (await currentPreset(tx));
  return { components: p.exam.components.map((c) => ({ ...c })), fromPreset: true };
}
