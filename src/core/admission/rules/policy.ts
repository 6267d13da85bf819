/**
 * The admission policy a province preset states, as allocation options: who decides 调剂 and into what, who
 * is admitted first at equal totals, which specialties sit out the second window. Presets name specialties;
 * the allocation works on codes, so names are looked up in the base's catalogue (a name the catalogue lacks
 * matches nothing, which only makes the policy narrower, never wider).
 */
import type { Preset } from '../../../shared/preset';
import { normalizeSpecialtyName } from '../../catalogue/catalogue';
import type { Options } from './types';

type Policy = Pick<Options, 'priorities' | 'adjustment' | 'secondWindowExcluded'>;

/** `names`: specialty code -> name, the base's catalogue. */
export function policyOptions(preset: Preset, names: ReadonlyMap<string, string>): Policy {
  const byName = new Map<string, string[]>();
  for (const [code, name] of names) {
    const key = normalizeSpecialtyName(name);
    byName.set(key, [...(byName.get(key) ?? []), code]);
  }
  const codes = (list: readonly string[]) => list.flatMap((n) => byName.get(normalizeSpecialtyName(n)) ?? []).sort();
  const out: Policy = {};
  if (preset.admissionPriorities && preset.admissionPriorities.length > 0) {
    out.priorities = preset.admissionPriorities.flatMap((p) =>
      codes([p.specialty]).map((specialty) => ({ specialty, category: p.category })),
    );
  }
  if (preset.adjustmentBy || preset.adjustmentLimits) {
    out.adjustment = { authority: preset.adjustmentBy?.authority ?? 'base' };
    if (preset.adjustmentLimits) {
      out.adjustment.limits = preset.adjustmentLimits.map((l) => ({ category: l.category, specialties: codes(l.specialties) }));
    }
  }
  const excluded = preset.secondWindow?.excludedSpecialties;
  if (excluded && excluded.length > 0) out.secondWindowExcluded = codes(excluded);
  return out;
}
