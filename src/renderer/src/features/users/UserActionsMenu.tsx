import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/contract/users';

/** A user's menu: reset the password; enable or disable the account (never one's own: no locking oneself out). */
export function UserActionsMenu({
  u,
  self,
  pending,
  onReset,
  onSetDisabled,
}: {
  u: UserView;
  self: boolean;
  pending: boolean;
  onReset: () => void;
  onSetDisabled: (disabled: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={t('users.actionsOf', { name: u.displayName })} loading={pending}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={onReset}>
          {t('users.resetPassword')}
        </Menu.Item>
        {!self &&
          (u.disabled ? (
            <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => onSetDisabled(false)}>
              {t('users.enable')}
            </Menu.Item>
          ) : (
            <Menu.Item color="red" leftSection={<IconUserOff size={16} />} onClick={() => onSetDisabled(true)}>
              {t('users.disable')}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
