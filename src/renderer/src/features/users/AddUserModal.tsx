import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { PasswordField } from '../../components/PasswordField';
import type { Role } from '../../../../shared/permissions';
import { useMutation } from '../../lib/query';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { MIN_PASSWORD_LENGTH } from './password';
import { USERNAME_PATTERN } from './username';

type Form = { username: string; displayName: string; role: Role | null; password: string; confirm: string };
type Errors = Partial<Record<keyof Form | 'form', string>>;
const EMPTY: Form = { username: '', displayName: '', role: 'clerk', password: '', confirm: '' };

export function AddUserModal({
  opened,
  onClose,
  onAdded,
  roleOptions,
}: {
  opened: boolean;
  onClose: () => void;
  onAdded: () => void;
  roleOptions: Array<{ value: Role; label: string }>;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const add = useMutation('users.add');
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  useEffect(() => {
    if (opened) {
      setForm(EMPTY);
      setErrors({});
    }
  }, [opened]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Errors = {};
    if (!USERNAME_PATTERN.test(form.username.trim())) next.username = t('users.usernameRule');
    if (!form.displayName.trim()) next.displayName = t('users.displayNameRule');
    if (!form.role) next.role = t('users.roleRule');
    if (form.password.length < MIN_PASSWORD_LENGTH) next.password = t('users.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    if (form.confirm !== form.password) next.confirm = t('users.passwordMismatch');
    setErrors(next);
    if (Object.keys(next).length || !form.role) return;
    const r = await add.run({
      username: form.username.trim(),
      displayName: form.displayName.trim(),
      role: form.role,
      password: form.password,
    });
    if (!r.ok) {
      const text = errorText(r.error);
      setErrors(
        r.error.code === 'USER_EXISTS'
          ? { username: text }
          : r.error.code === 'PASSWORD_WEAK'
            ? { password: text }
            : { form: text },
      );
      return;
    }
    notifySuccess(t('users.added', { name: r.value.displayName, username: r.value.username }));
    onAdded();
    onClose();
  }

  return (
    <Dialog opened={opened} onClose={onClose} title={t('users.add')} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('users.username')}
              description={t('users.usernameHint')}
              value={form.username}
              onChange={(e) => set('username', e.currentTarget.value)}
              error={errors.username}
              required
              data-autofocus
            />
            <TextInput
              label={t('users.displayName')}
              description={t('users.displayNameHint')}
              value={form.displayName}
              onChange={(e) => set('displayName', e.currentTarget.value)}
              error={errors.displayName}
              required
            />
          </SimpleGrid>
          <Select
            label={t('users.role')}
            data={roleOptions}
            value={form.role}
            onChange={(v) => set('role', v as Role | null)}
            error={errors.role}
            allowDeselect={false}
            required
          />
          <SimpleGrid cols={2}>
            <PasswordField
              label={t('users.password')}
              description={t('users.passwordRule', { min: MIN_PASSWORD_LENGTH })}
              value={form.password}
              onChange={(e) => set('password', e.currentTarget.value)}
              error={errors.password}
              autoComplete="new-password"
              required
            />
            <PasswordField
              label={t('users.passwordConfirm')}
              description=" "
              value={form.confirm}
              onChange={(e) => set('confirm', e.currentTarget.value)}
              error={errors.confirm}
              autoComplete="new-password"
              required
            />
          </SimpleGrid>
          <FormFooter error={errors.form} onCancel={onClose} busy={add.busy} submitLabel={t('users.add')} />
        </Stack>
      </form>
    </Dialog>
  );
}
