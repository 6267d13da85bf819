import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function YearSelect({ year, years, onChange }: { year: number; years: number[]; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('exam.year')}
      data={years.map((y) => ({ value: String(y), label: t('exam.yearValue', { year: y }) }))}
      value={String(year)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={130}
    />
  );
}
