import { useTranslation } from 'react-i18next';
import { TRAINEE_STATUSES } from '../../../../shared/contract/trainees-values';
import { FilterSelects } from '../../components/FilterSelects';
import { SearchInput } from '../../components/SearchInput';
import type { TraineeFilterState } from './useTraineeList';

/** Search by name or number, 年级 (the base's cohort year and the five before it), program and status. */
export function TraineeFilters({
  value,
  onChange,
  baseYear,
}: {
  value: TraineeFilterState;
  onChange: { [K in keyof TraineeFilterState]: (v: TraineeFilterState[K]) => void };
  baseYear: number;
}) {
  const { t } = useTranslation();
  const years = Array.from({ length: 6 }, (_, i) => String(baseYear - i));
  return (
    <>
      <SearchInput
        label={t('trainees.search')}
        placeholder={t('trainees.searchPlaceholder')}
        value={value.query}
        onChange={onChange.query}
        w={280}
      />
      <FilterSelects
        allLabel={t('trainees.all')}
        values={value}
        onChange={onChange}
        specs={[
          {
            key: 'cohort',
            label: t('trainees.cohort'),
            options: years.map((y) => ({ value: y, label: t('trainees.cohortValue', { year: y }) })),
            w: 130,
          },
          {
            key: 'program',
            label: t('trainees.program'),
            options: (['residency', 'agp'] as const).map((p) => ({ value: p, label: t(`trainees.programs.${p}`) })),
            w: 130,
          },
          {
            key: 'status',
            label: t('trainees.status'),
            options: TRAINEE_STATUSES.map((s) => ({ value: s, label: t(`trainees.statuses.${s}`) })),
            w: 130,
          },
        ]}
      />
    </>
  );
}
