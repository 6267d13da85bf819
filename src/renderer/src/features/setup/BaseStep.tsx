import { NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { textBinding, YEAR_MAX, YEAR_MIN, type SetField, type SetupErrors, type SetupForm } from './setup-form';

/** Setup step 1: the base's name, its code and the first cohort year. */
export function BaseStep({ form, errors, set }: { form: SetupForm; errors: SetupErrors; set: SetField }) {
  const { t } = useTranslation();
  const bind = textBinding(form, errors, set);
  return (
    <Stack mt="md">
      <TextInput label={t('setup.baseName')} description={t('setup.baseNameHint')} required {...bind('baseName')} autoFocus />
      <SimpleGrid cols={2}>
        <TextInput label={t('setup.baseCode')} required {...bind('baseCode')} />
        <NumberInput
          label={t('setup.cohortYear')}
          required
          min={YEAR_MIN}
          max={YEAR_MAX}
          clampBehavior="none"
          allowDecimal={false}
          value={form.cohortYear}
          onChange={(v) => set('cohortYear', v)}
          error={errors.cohortYear}
        />
      </SimpleGrid>
    </Stack>
  );
}
