import { Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingHospital } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageToggle, ThemeToggle } from '../../app/toggles';

/** The frame of every screen shown before the workspace: first-run setup, login and the lock screen. */
export function AuthLayout({ children, width = 420, subtitle }: { children: ReactNode; width?: number; subtitle?: string }) {
  const { t } = useTranslation();
  return (
    <Center
      mih="100vh"
      p="md"
      bg="var(--mantine-color-body)"
      style={{ position: 'fixed', inset: 0, zIndex: 1000, overflow: 'auto' }}
    >
      <Group pos="absolute" top={12} right={12} gap="xs">
        <LanguageToggle />
        <ThemeToggle />
      </Group>
      <Stack w="100%" maw={width} gap="md">
        <Group gap="sm" justify="center">
          <ThemeIcon variant="light" size={40}>
            <IconBuildingHospital size={24} />
          </ThemeIcon>
          <div>
            <Title order={3}>{t('app.title')}</Title>
            {subtitle && (
              <Text size="sm" c="dimmed">
                {subtitle}
              </Text>
            )}
          </div>
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
