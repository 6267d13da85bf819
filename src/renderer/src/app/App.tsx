import { Box, Button, Center, Paper, Stack, Title } from '@mantine/core';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../components/states';
import { AuthScreen } from '../features/auth/AuthScreen';
import { useSession } from './session';
import { lazyPage } from './lazyPage';
import { currentPath } from './router';
import { ROUTES } from './routes';
import { Shell } from './Shell';
import { useIdleLock } from './useIdleLock';

// First-run setup is shown once per data folder: it loads on demand instead of weighing on every start.
const SetupWizard = lazyPage(() => import('../features/setup/SetupWizard'), 'SetupWizard');

export function App() {
  const phase = useSession((s) => s.phase);
  const refresh = useSession((s) => s.refresh);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useIdleLock(phase === 'ready');
  // While the password is being typed, the page that opens after sign-in (the address's, else 首页) is
  // fetched, so signing in does not wait for its chunk.
  useEffect(() => {
    if (phase !== 'login') return;
    const landing = ROUTES.find((r) => r.path === currentPath()) ?? ROUTES[0];
    void landing?.component.preload();
  }, [phase]);

  switch (phase) {
    case 'loading':
      return <LoadingState />;
    case 'unreachable':
      return <Unreachable />;
    case 'setup':
      return (
        <Suspense fallback={<LoadingState />}>
          <SetupWizard />
        </Suspense>
      );
    case 'login':
      return <AuthScreen mode="login" />;
    case 'ready':
    case 'locked':
      // The workspace stays mounted under the lock screen so unlocking returns to unsaved work,
      // but it is hidden and inert while locked: nothing of it is visible or reachable.
      return (
        <>
          <Box
            style={{ display: phase === 'locked' ? 'none' : undefined }}
            inert={phase === 'locked'}
            aria-hidden={phase === 'locked'}
          >
            <Shell />
          </Box>
          {phase === 'locked' && <AuthScreen mode="unlock" />}
        </>
      );
  }
}

function Unreachable() {
  const { t } = useTranslation();
  const error = useSession((s) => s.loadError);
  const refresh = useSession((s) => s.refresh);
  return (
    <Center h="100vh" p="md">
      <Paper withBorder p="xl" maw={560} w="100%">
        <Stack>
          <Title order={3}>{t('shell.unreachableTitle')}</Title>
          {error && <ErrorState error={error} title={t('shell.unreachableTitle')} />}
          <Button onClick={() => void refresh()}>{t('common.retry')}</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
