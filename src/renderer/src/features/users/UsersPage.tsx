import { Button, Group, Paper, ScrollArea, Stack, Table, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/contract/users';
import { ROLES, ROLE_LABELS, can } from '../../../../shared/permissions';
import { notifyError, notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session';
import { mutate, useQuery } from '../../lib/query';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { AddUserModal } from './AddUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { RoleChangeDialog, type RoleChange } from './RoleChangeDialog';
import { UserRow } from './UserRow';
import { useUsersUi } from './store';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSession((s) => s.user);
  const manage = me ? can(me.role, 'users.manage') : false;
  const users = useQuery('users.list');
  const { dialog, target, openAdd, openReset, close } = useUsersUi();
  const [pending, setPending] = useState<string | null>(null);
  const [roleChange, setRoleChange] = useState<RoleChange | null>(null);
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`, { defaultValue: ROLE_LABELS[r] }) }));

  async function setDisabled(u: UserView, disabled: boolean) {
    setPending(u.id);
    const r = await mutate('users.update', { id: u.id, disabled });
    setPending(null);
    if (!r.ok) return notifyError(r.error, t('users.updateFailed'));
    notifySuccess(disabled ? t('users.disabledDone', { name: u.displayName }) : t('users.enabledDone', { name: u.displayName }));
    users.refresh();
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.users')}</Title>
        {manage && (
          <Button leftSection={<IconUserPlus size={16} />} onClick={openAdd}>
            {t('users.add')}
          </Button>
        )}
      </Group>
      {users.error && <ErrorState error={users.error} onRetry={users.refresh} />}
      {!users.data && !users.error && <LoadingState />}
      {users.data && users.data.length === 0 && <EmptyState title={t('users.empty')} />}
      {users.data && users.data.length > 0 && (
        <Paper withBorder>
          <ScrollArea.Autosize mah="calc(100vh - 180px)" type="auto">
            <Table striped highlightOnHover stickyHeader aria-label={t('nav.users')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.username')}</Table.Th>
                  <Table.Th>{t('users.displayName')}</Table.Th>
                  <Table.Th w={180}>{t('users.role')}</Table.Th>
                  <Table.Th w={110}>{t('users.state')}</Table.Th>
                  {manage && <Table.Th w={80}>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.map((u) => (
                  <UserRow
                    key={u.id}
                    u={u}
                    self={u.id === me?.id}
                    manage={manage}
                    pending={pending === u.id}
                    roleOptions={roleOptions}
                    onProposeRole={(role) => setRoleChange({ user: u, role })}
                    onReset={() => openReset(u)}
                    onSetDisabled={(disabled) => void setDisabled(u, disabled)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      )}
      <AddUserModal opened={dialog === 'add'} onClose={close} onAdded={users.refresh} roleOptions={roleOptions} />
      <ResetPasswordModal user={dialog === 'reset' ? target : null} onClose={close} />
      <RoleChangeDialog change={roleChange} onClose={() => setRoleChange(null)} onDone={users.refresh} />
    </Stack>
  );
}
