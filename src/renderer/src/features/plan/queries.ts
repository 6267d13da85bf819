import { useQuery } from '../../lib/query';

/** Active catalogue specialties as Select options: "0700 全科". */
export function useSpecialtyOptions() {
  const catalogue = useQuery('catalogue.list');
  const options = (catalogue.data ?? []).filter((s) => s.active).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));
  return { options, catalogue };
}
