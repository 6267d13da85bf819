import { useSession } from '../../app/session';
import { useQuery } from '../../lib/query';

/** The base's province preset (name, categories, whether quotas are split by category). */
export function useBasePreset() {
  const presetId = useSession((s) => s.status?.base?.presetId);
  const presets = useQuery('system.presets');
  return presets.data?.find((p) => p.id === presetId) ?? null;
}
