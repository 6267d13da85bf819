import { Badge, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/contract/users';
import { ROLE_LABELS, type Role } from '../../../../shared/permissions';
import { UserActionsMenu } from './UserActionsMenu';

/**
 * One account. Managers change another person's role in place (the pick only proposes it: the caller confirms)
 * and reach the account's actions; their own role stays read-only.
 */
export function UserRow({
  u,
  self,
  manage,
  pending,
  roleOptions,
  onProposeRole,
  onReset,
  onSetDisabled,
}: {
  u: UserView;
  self: boolean;
  manage: boolean;
  pending: boolean;
  roleOptions: Array<{ value: Role; label: string }>;
  onProposeRole: (role: Role) => void;
  onReset: () => void;
  onSetDisabled: (disabled: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid={`user-row-${u.username}`}>
      <Table.Td>
        {u.username}
        {self && (
          <Badge ml="xs" size="xs" variant="light">
            {t('users.you')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{u.displayName}</Table.Td>
      <Table.Td>
        {manage && !self ? (
          <Select
            size="xs"
            aria-label={t('users.roleOf', { name: u.displayName })}
            data={roleOptions}
            value={u.role}
            allowDeselect={false}
            disabled={pending}
            onChange={(v) => v && v !== u.role && onProposeRole(v as Role)}
          />
        ) : (
          <Text size="sm">{t(`roles.${u.role}`, { defaultValue: ROLE_LABELS[u.role] })}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={u.disabled ? 'gray' : 'teal'} variant="dot">
          {u.disabled ? t('users.disabled') : t('users.enabled')}
        </Badge>
      </Table.Td>
      {manage && (
        <Table.Td>
          <UserActionsMenu u={u} self={self} pending={pending} onReset={onReset} onSetDisabled={onSetDisabled} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
