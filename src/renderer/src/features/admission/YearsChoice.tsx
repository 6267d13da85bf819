import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 减免一年 or 两年: the only reductions there are. */
export function YearsChoice({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      value={value}
      onChange={onChange}
      data={['1', '2'].map((y) => ({ value: y, label: t('admission.years.yearsValue', { years: y }) }))}
    />
  );
}
