import { AppShell, Badge, Group, NavLink, ScrollArea, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingHospital, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/states';
import { navigate, useHashPath } from './router';
import { ROUTES, routesFor } from './routes';
import { useSession } from './session';
import { LanguageToggle, ThemeToggle } from './toggles';
import { UserMenu } from './UserMenu';

export function Shell() {
  const { t } = useTranslation();
  const path = useHashPath();
  const user = useSession((s) => s.user);
  const baseName = useSession((s) => s.status?.base?.name ?? '');
  const cohortYear = useSession((s) => s.status?.base?.cohortYear);
  if (!user) return null;

  const allowed = routesFor(user.role);
  const route = ROUTES.find((r) => r.path === path) ?? ROUTES[0]!;
  const permitted = allowed.includes(route);
  const Page = route.component;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 212, breakpoint: 'xs' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" size="lg">
              <IconBuildingHospital size={20} />
            </ThemeIcon>
            <Title order={4} style={{ whiteSpace: 'nowrap' }}>
              {t('app.title')}
            </Title>
            {baseName && (
              <Badge variant="light" size="lg" radius="sm" tt="none">
                {baseName}
                {cohortYear ? ` · ${t('home.cohortShort', { year: cohortYear })}` : ''}
              </Badge>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageToggle />
            <ThemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          {allowed.map((r) => (
            <NavLink
              key={r.path}
              href={`#${r.path}`}
              label={t(r.labelKey)}
              leftSection={<r.icon size={18} stroke={1.6} />}
              active={r === route}
              onClick={(e) => {
                e.preventDefault();
                navigate(r.path);
              }}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py={4}>
            {t('shell.offlineNote')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        {permitted ? (
          <Page />
        ) : (
          <EmptyState icon={<IconLock size={28} />} title={t('shell.forbiddenTitle')} description={t('shell.forbiddenText')} />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
