import { Group, Select, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExamComponent, RankingPageView } from '../../../../shared/contract/scores';
import { SearchInput } from '../../components/SearchInput';

export type RankingFilterState = { specialty: string | null; category: string | null; onlyAdmissible: boolean; query: string };

export type RankingFilterSetters = {
  specialty: (v: string | null) => void;
  category: (v: string | null) => void;
  onlyAdmissible: (v: boolean) => void;
  query: (v: string) => void;
};

/** The ranking's filters (options from the whole cohort, not narrowed by the filters), search and tie-breaks. */
export function RankingFilters({
  data,
  components,
  value,
  onChange,
}: {
  data: RankingPageView | null;
  components: ExamComponent[];
  value: RankingFilterState;
  onChange: RankingFilterSetters;
}) {
  const { t } = useTranslation();
  const categories = data?.categories ?? [];
  return (
    <Group align="flex-end">
      <Select
        label={t('scores.ranking.specialty')}
        data={[
          { value: '', label: t('scores.ranking.all') },
          ...(data?.specialties ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` })),
        ]}
        value={value.specialty ?? ''}
        onChange={(v) => onChange.specialty(v || null)}
        w={260}
      />
      {categories.length > 0 && (
        <Select
          label={t('scores.ranking.category')}
          data={[{ value: '', label: t('scores.ranking.all') }, ...categories]}
          value={value.category ?? ''}
          onChange={(v) => onChange.category(v || null)}
          w={200}
        />
      )}
      <SearchInput
        label={t('lists.results.search')}
        placeholder={t('lists.results.searchPlaceholder')}
        value={value.query}
        onChange={onChange.query}
        w={280}
      />
      <Switch
        label={t('scores.ranking.onlyAdmissible')}
        checked={value.onlyAdmissible}
        onChange={(e) => onChange.onlyAdmissible(e.currentTarget.checked)}
        mb={8}
      />
      {data && (
        <Text size="sm" c="dimmed" mb={8}>
          {t('scores.ranking.tieBreaks', {
            list: data.tieBreaks.map((k) => components.find((c) => c.key === k)?.name ?? k).join(' → '),
          })}
        </Text>
      )}
    </Group>
  );
}
