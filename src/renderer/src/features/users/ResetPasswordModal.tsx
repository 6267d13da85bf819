import { Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { PasswordField } from '../../components/PasswordField';
import type { UserView } from '../../../../shared/contract/users';
import { useMutation } from '../../lib/query';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { MIN_PASSWORD_LENGTH } from './password';

export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string; form?: string }>({});
  const resetPassword = useMutation('users.resetPassword');

  useEffect(() => {
    setPassword('');
    setConfirm('');
    setErrors({});
  }, [user]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!user) return;
    const next: typeof errors = {};
    if (password.length < MIN_PASSWORD_LENGTH) next.password = t('users.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    if (confirm !== password) next.confirm = t('users.passwordMismatch');
    setErrors(next);
    if (Object.keys(next).length) return;
    const r = await resetPassword.run({ id: user.id, password });
    if (!r.ok) return setErrors({ form: errorText(r.error) });
    notifySuccess(t('users.resetDone', { name: user.displayName }));
    onClose();
  }

  return (
    <Dialog opened={user !== null} onClose={onClose} title={t('users.resetPasswordOf', { name: user?.displayName ?? '' })}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('users.resetHint')}
          </Text>
          <PasswordField
            label={t('auth.newPassword')}
            description={t('users.passwordRule', { min: MIN_PASSWORD_LENGTH })}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            autoComplete="new-password"
            data-autofocus
          />
          <PasswordField
            label={t('users.passwordConfirm')}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
            autoComplete="new-password"
          />
          <FormFooter error={errors.form} onCancel={onClose} busy={resetPassword.busy} submitLabel={t('users.resetPassword')} />
        </Stack>
      </form>
    </Dialog>
  );
}
