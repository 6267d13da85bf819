import { useSession } from '../../app/session';
import { useApiQuery } from '../../app/useApiQuery';

/** The base's province preset (categories, whether quotas are split by category). */
export function useBasePreset() {
  const presetId = useSession((s) => s.status?.base?.presetId);
  const presets = useApiQuery('system.presets');
  return presets.data?.find((p) => p.id === presetId) ?? null;
}

/** Active catalogue specialties as Select options: "0700 全科". */
export function useSpecialtyOptions() {
  const catalogue = useApiQuery('catalogue.list');
  const options = (catalogue.data ?? []).filter((s) => s.active).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));
  return { options, catalogue };
}
