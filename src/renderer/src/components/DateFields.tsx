import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/dates';

/**
 * Date and time fields typed as text (2026-12-01, 13:05). The browser's own date and time pickers take their
 * format from the system locale, so a laptop set to English shows mm/dd/yyyy and AM/PM; these always read the
 * same, and the date is echoed below in Chinese form so a slip (2026-21-01) is seen before saving.
 */
type FieldProps = Omit<TextInputProps, 'type' | 'value'> & { value: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A real calendar day written 2026-12-01 (not 2026-02-30). */
export function isValidDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00`);
  return !Number.isNaN(d.getTime()) && formatDate(v) === formatDate(d);
}

export function DateField({ value, error, description, ...rest }: FieldProps) {
  const { t } = useTranslation();
  const bad = value !== '' && !isValidDate(value);
  return (
    <TextInput
      {...rest}
      value={value}
      inputMode="numeric"
      maxLength={10}
      placeholder={t('dateFields.datePlaceholder')}
      description={description ?? (value !== '' && !bad ? formatDate(value) : undefined)}
      error={error ?? (bad ? t('dateFields.dateInvalid') : undefined)}
    />
  );
}

export function TimeField({ value, error, ...rest }: FieldProps) {
  const { t } = useTranslation();
  const bad = value !== '' && !TIME.test(value);
  return (
    <TextInput
      {...rest}
      value={value}
      inputMode="numeric"
      maxLength={5}
      placeholder={t('dateFields.timePlaceholder')}
      error={error ?? (bad ? t('dateFields.timeInvalid') : undefined)}
    />
  );
}
