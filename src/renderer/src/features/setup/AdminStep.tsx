import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField';
import { MIN_PASSWORD_LENGTH } from '../users/password';
import { textBinding, type SetField, type SetupErrors, type SetupForm } from './setup-form';

/** Setup step 3: the first administrator's account. */
export function AdminStep({ form, errors, set }: { form: SetupForm; errors: SetupErrors; set: SetField }) {
  const { t } = useTranslation();
  const bind = textBinding(form, errors, set);
  return (
    <Stack mt="md">
      <SimpleGrid cols={2}>
        <TextInput label={t('users.username')} required {...bind('username')} autoComplete="username" />
        <TextInput label={t('users.displayName')} required {...bind('displayName')} />
        <PasswordField
          label={t('users.password')}
          description={t('users.passwordRule', { min: MIN_PASSWORD_LENGTH })}
          required
          {...bind('password')}
          autoComplete="new-password"
        />
        <PasswordField
          label={t('users.passwordConfirm')}
          required
          {...bind('confirm')}
          autoComplete="new-password"
          styles={{ root: { alignSelf: 'end' } }}
        />
      </SimpleGrid>
    </Stack>
  );
}
