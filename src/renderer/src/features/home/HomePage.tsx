import { Alert, Badge, Card, Code, Group, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { navigateWhenLoaded } from '../../app/router';
import { routesFor } from '../../app/routes';
import { useSession } from '../../app/session';
import { useQuery } from '../../lib/query';
import { ErrorState, LoadingState } from '../../components/states';
import { useBasePreset } from '../base/queries';
import { DueNext } from './DueNext';
import { RetentionNotice } from '../retention/RetentionNotice';

const SKEW_WARN_MS = 5 * 60 * 1000;

/** 首页: what is due next, who and where this station is, and the way into each screen the role may use. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const status = useQuery('system.status');
  const preset = useBasePreset();
  if (!user) return null;
  if (status.error && !status.data) return <ErrorState error={status.error} onRetry={status.refresh} />;
  if (!status.data) return <LoadingState />;
  const s = status.data;
  const base = s.base;
  const shortcuts = routesFor(user.role).filter((r) => r.path !== '/');

  return (
    <Stack gap="lg">
      <Title order={2}>{t('home.welcome', { name: user.displayName })}</Title>
      {s.clockSkewMs > SKEW_WARN_MS && (
        <Alert color="yellow" icon={<IconClockExclamation size={18} />}>
          {t('home.clockSkew', { minutes: Math.round(s.clockSkewMs / 60000) })}
        </Alert>
      )}
      <DueNext role={user.role} />
      <RetentionNotice role={user.role} />
      <SimpleGrid cols={2} spacing="lg">
        <Card withBorder padding="lg">
          <Text fw={600} mb="sm">
            {t('home.baseInfo')}
          </Text>
          {base && (
            <Table variant="vertical" withTableBorder={false} layout="fixed">
              <Table.Tbody>
                <Row label={t('base.name')} value={base.name} />
                <Row label={t('base.code')} value={base.code} />
                <Row label={t('base.province')} value={base.province} />
                <Row label={t('base.cohortYear')} value={String(base.cohortYear)} />
                <Table.Tr>
                  <Table.Th w={120}>{t('base.programs')}</Table.Th>
                  <Table.Td>
                    <Group gap={4}>
                      {base.programs.map((p) => (
                        <Badge key={p} variant="light">
                          {t(`programs.${p}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
                <Row label={t('base.preset')} value={preset?.name ?? base.presetId} />
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder padding="lg">
          <Text fw={600} mb="sm">
            {t('home.station')}
          </Text>
          <Table variant="vertical" withTableBorder={false} layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={120}>{t('home.stationId')}</Table.Th>
                <Table.Td>
                  <Code data-testid="station-id">{s.stationId}</Code>
                </Table.Td>
              </Table.Tr>
              <Row label={t('home.appVersion')} value={s.appVersion} />
              <Row label={t('home.schemaVersion')} value={String(s.schemaVersion)} />
              <Table.Tr>
                <Table.Th w={120}>{t('home.dataDir')}</Table.Th>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-all' }}>
                    {s.dataDir}
                  </Text>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <div>
        <Text fw={600} mb="sm">
          {t('home.shortcuts')}
        </Text>
        <SimpleGrid cols={4}>
          {shortcuts.map((r) => (
            <UnstyledButton key={r.path} onClick={() => navigateWhenLoaded(r.path, r.component.preload)}>
              <Card withBorder padding="md">
                <Group gap="sm" wrap="nowrap">
                  <r.icon size={22} stroke={1.6} />
                  <Text fw={500}>{t(r.labelKey)}</Text>
                </Group>
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </div>
    </Stack>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={120}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}
