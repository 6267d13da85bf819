import { Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { PasswordField } from '../../components/PasswordField';
import { useMutation } from '../../lib/query';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { MIN_PASSWORD_LENGTH } from '../users/password';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ old?: string; new?: string; confirm?: string }>({});
  const changePassword = useMutation('auth.changePassword');

  function close() {
    setOld('');
    setNew('');
    setConfirm('');
    setErrors({});
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: typeof errors = {};
    if (!oldPassword) next.old = t('auth.passwordRequired');
    if (newPassword.length < MIN_PASSWORD_LENGTH) next.new = t('users.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    if (confirm !== newPassword) next.confirm = t('users.passwordMismatch');
    setErrors(next);
    if (Object.keys(next).length) return;
    const r = await changePassword.run({ oldPassword, newPassword });
    if (!r.ok) {
      if (r.error.code === 'AUTH_FAILED') setErrors({ old: errorText(r.error) });
      else setErrors({ new: errorText(r.error) });
      return;
    }
    notifySuccess(t('auth.passwordChanged'));
    close();
  }

  return (
    <Dialog opened={opened} onClose={close} title={t('auth.changePassword')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <PasswordField
            label={t('auth.oldPassword')}
            autoComplete="current-password"
            value={oldPassword}
            onChange={(e) => setOld(e.currentTarget.value)}
            error={errors.old}
          />
          <PasswordField
            label={t('auth.newPassword')}
            description={t('users.passwordRule', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={errors.new}
          />
          <PasswordField
            label={t('users.passwordConfirm')}
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
          />
          <FormFooter onCancel={close} busy={changePassword.busy} />
        </Stack>
      </form>
    </Dialog>
  );
}
