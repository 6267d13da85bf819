import { Avatar, Group, Menu, Text, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconChevronDown, IconKey, IconLock, IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../shared/permissions';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { LANGUAGES, currentLanguage, setLanguage } from '../i18n';
import { useSession } from './session';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const lock = useSession((s) => s.lock);
  const logout = useSession((s) => s.logout);
  const [pwOpen, pw] = useDisclosure(false);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const language = currentLanguage();
  if (!user) return null;

  return (
    <>
      <Menu position="bottom-end" width={220} withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('shell.userMenu')} data-testid="user-menu">
            <Group gap={8} wrap="nowrap">
              <Avatar size={30} radius="xl" color="teal">
                {user.displayName.slice(0, 1)}
              </Avatar>
              <div style={{ lineHeight: 1.1 }}>
                <Text size="sm" fw={500}>
                  {user.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`roles.${user.role}`, { defaultValue: ROLE_LABELS[user.role] })}
                </Text>
              </div>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('shell.signedInAs', { username: user.username })}</Menu.Label>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={pw.open}>
            {t('auth.changePassword')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLock size={16} />} onClick={() => void lock()}>
            {t('auth.lock')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>{t('shell.language')}</Menu.Label>
          {LANGUAGES.map((lng) => (
            <Menu.Item
              key={lng}
              onClick={() => setLanguage(lng)}
              rightSection={lng === language ? <IconCheck size={14} /> : null}
            >
              {t(`shell.languages.${lng}`)}
            </Menu.Item>
          ))}
          <Menu.Item
            leftSection={scheme === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />}
            onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
          >
            {scheme === 'dark' ? t('shell.themeLight') : t('shell.themeDark')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void logout()}>
            {t('auth.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={pwOpen} onClose={pw.close} />
    </>
  );
}
