import { AppShell, Badge, Group, NavLink, ScrollArea, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingHospital } from '@tabler/icons-react';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintPreview } from '../components/PrintPreview';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary';
import { LoadingState } from '../components/states';
import { navigateWhenLoaded, useHashPath } from './router';
import { navFor, ROUTES, routesFor, type AppRoute } from './routes';
import { useSession } from './session';
import { LanguageToggle, ThemeToggle } from './toggles';
import { UserMenu } from './UserMenu';

export function Shell() {
  const { t } = useTranslation();
  const path = useHashPath();
  const user = useSession((s) => s.user);
  const baseName = useSession((s) => s.status?.base?.name ?? '');
  const cohortYear = useSession((s) => s.status?.base?.cohortYear);
  const allowed = user ? routesFor(user.role) : [];
  const wanted = ROUTES.find((r) => r.path === path);
  // A page this role may not open (after switching user, or an old link) leads to the role's first page.
  const route = wanted && allowed.includes(wanted) ? wanted : allowed[0];
  const misplaced = route !== undefined && route.path !== path;

  useEffect(() => {
    if (misplaced && route) window.history.replaceState(null, '', `#${route.path}`);
  }, [misplaced, route]);

  if (!user || !route) return null;
  const Page = route.component;
  const home = allowed.filter((r) => r.group === null);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 'xs' }} padding="md">
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
          {home.map((r) => (
            <RouteLink key={r.path} route={r} active={r === route} />
          ))}
          {navFor(user.role).map(({ group, routes }) => (
            <NavLink
              key={group}
              component="button"
              label={t(`nav.groups.${group}`)}
              defaultOpened
              childrenOffset={12}
              fw={600}
              data-testid={`nav-group-${group}`}
            >
              {routes.map((r) => (
                <RouteLink key={r.path} route={r} active={r === route} />
              ))}
            </NavLink>
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py={4}>
            {t('shell.offlineNote')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <RouteErrorBoundary key={route.path}>
          {/* The page's chunk may still be on its way: a loading line in its place, never a blank page. */}
          <Suspense fallback={<LoadingState />}>
            <Page />
          </Suspense>
        </RouteErrorBoundary>
        <PrintPreview />
      </AppShell.Main>
    </AppShell>
  );
}

function RouteLink({ route, active }: { route: AppRoute; active: boolean }) {
  const { t } = useTranslation();
  return (
    <NavLink
      href={`#${route.path}`}
      label={t(route.labelKey)}
      leftSection={<route.icon size={18} stroke={1.6} />}
      active={active}
      // Pointing at a link starts its page's download, so the click usually finds it already there.
      onMouseEnter={() => void route.component.preload()}
      onFocus={() => void route.component.preload()}
      onClick={(e) => {
        e.preventDefault();
        navigateWhenLoaded(route.path, route.component.preload);
      }}
    />
  );
}
