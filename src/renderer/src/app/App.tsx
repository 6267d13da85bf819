import { Box, Button, Center, Paper, Stack, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../components/states';
import { AuthScreen } from '../features/auth/AuthScreen';
import { SetupWizard } from '../features/setup/SetupWizard';
import { useSession } from './session';
import { Shell } from './Shell';
import { useIdleLock } from './useIdleLock';

export function App() {
  const phase = useSession((s) => s.phase);
  const refresh = useSession((s) => s.refresh);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useIdleLock(phase === 'ready');

  switch (phase) {
    case 'loading':
      return <LoadingState />;
    case 'unreachable':
      return <Unreachable />;
    case 'setup':
      return <SetupWizard />;
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
