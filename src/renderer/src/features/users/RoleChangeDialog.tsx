import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/contract/users';
import type { ApiError } from '../../../../shared/errors';
import { ROLE_LABELS, type Role } from '../../../../shared/permissions';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { Dialog } from '../../components/Dialog';
import { mutate } from '../../lib/query';

export type RoleChange = { user: UserView; role: Role };

/**
 * A role decides what a person may see and change, so picking one in the list only proposes it: this dialog
 * names the change, asks why (kept in the audit log) and applies it. Nothing changes until it is confirmed.
 */
export function RoleChangeDialog({
  change,
  onClose,
  onDone,
}: {
  change: RoleChange | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setReason('');
    setFailure(null);
  }, [change]);
  if (!change) return null;
  const { user, role } = change;
  const label = (r: Role) => t(`roles.${r}`, { defaultValue: ROLE_LABELS[r] });

  const submit = async () => {
    setBusy(true);
    const r = await mutate('users.update', { id: user.id, role, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setFailure(r.error);
    notifySuccess(t('users.roleDone', { name: user.displayName, role: label(r.value.role) }));
    onDone();
    onClose();
  };

  return (
    <Dialog opened onClose={onClose} title={t('users.roleChangeTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) void submit();
        }}
      >
        <Stack>
          <Text>{t('users.roleChangeText', { name: user.displayName, from: label(user.role), to: label(role) })}</Text>
          {role === 'admin' && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
              {t('users.roleToAdminWarning')}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('users.roleChangeSession')}
          </Text>
          <TextInput
            label={t('users.roleChangeReason')}
            description={t('users.roleChangeReasonHint')}
            required
            autoFocus
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {failure && (
            <Alert color="red" role="alert">
              {errorText(failure)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!reason.trim()}>
              {t('users.roleChangeConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
