import { useTranslation } from 'react-i18next';
import { FilterSelects } from '../../components/FilterSelects';
import { SearchInput } from '../../components/SearchInput';
import { useQuery } from '../../lib/query';
import type { ApplicantFilterState } from './useApplicantList';

const STATUSES = ['pending', 'confirmed', 'returned', 'rejected'] as const;

/** Search by name or number, confirmation status and (active) specialty. */
export function ApplicantFilters({
  value,
  onChange,
}: {
  value: ApplicantFilterState;
  onChange: { [K in keyof ApplicantFilterState]: (v: ApplicantFilterState[K]) => void };
}) {
  const { t } = useTranslation();
  const catalogue = useQuery('catalogue.list', {});
  const specialties = (catalogue.data ?? [])
    .filter((s) => s.active)
    .map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));
  return (
    <>
      <SearchInput
        label={t('applicants.search')}
        placeholder={t('applicants.searchPlaceholder')}
        value={value.query}
        onChange={onChange.query}
        w={300}
      />
      <FilterSelects
        allLabel={t('applicants.all')}
        values={value}
        onChange={onChange}
        specs={[
          {
            key: 'status',
            label: t('applicants.filterStatus'),
            options: STATUSES.map((s) => ({ value: s, label: t(`applicants.statuses.${s}`) })),
            w: 160,
          },
          { key: 'specialty', label: t('applicants.filterSpecialty'), options: specialties, w: 220, searchable: true },
        ]}
      />
    </>
  );
}
