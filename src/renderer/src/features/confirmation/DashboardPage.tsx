import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/useApiQuery';
import { ErrorState, LoadingState } from '../../components/states';

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** Confirmation figures: per outcome, per day, per specialty (first choice), and who is still waiting. */
export function DashboardPage() {
  const { t } = useTranslation();
  const q = useApiQuery('confirm.dashboard', {});
  const d = q.data;
  return (
    <Stack>
      <Title order={2}>{t('dashboard.title')}</Title>
      {q.error && <ErrorState error={q.error} onRetry={q.refresh} />}
      {!d && !q.error && <LoadingState />}
      {d && (
        <>
          <SimpleGrid cols={5}>
            <Figure label={t('dashboard.total')} value={d.total} testId="dash-total" />
            <Figure label={t('dashboard.waiting')} value={d.waiting} testId="dash-waiting" />
            <Figure label={t('applicants.statuses.confirmed')} value={d.byOutcome.confirmed} testId="dash-confirmed" />
            <Figure label={t('applicants.statuses.returned')} value={d.byOutcome.returned} testId="dash-returned" />
            <Figure label={t('applicants.statuses.rejected')} value={d.byOutcome.rejected} testId="dash-rejected" />
          </SimpleGrid>
          <Group align="flex-start" grow>
            <Paper withBorder p="sm">
              <Text fw={600} mb="xs">
                {t('dashboard.perDay')}
              </Text>
              {d.perDay.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('dashboard.none')}
                </Text>
              ) : (
                <Table fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('dashboard.date')}</Table.Th>
                      <Table.Th>{t('applicants.statuses.confirmed')}</Table.Th>
                      <Table.Th>{t('applicants.statuses.returned')}</Table.Th>
                      <Table.Th>{t('applicants.statuses.rejected')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.perDay.map((r) => (
                      <Table.Tr key={r.date}>
                        <Table.Td>{r.date}</Table.Td>
                        <Table.Td>{r.confirmed}</Table.Td>
                        <Table.Td>{r.returned}</Table.Td>
                        <Table.Td>{r.rejected}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
            <Paper withBorder p="sm">
              <Text fw={600} mb="xs">
                {t('dashboard.perSpecialty')}
              </Text>
              <Table fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dashboard.specialty')}</Table.Th>
                    <Table.Th>{t('dashboard.totalCol')}</Table.Th>
                    <Table.Th>{t('applicants.statuses.pending')}</Table.Th>
                    <Table.Th>{t('applicants.statuses.confirmed')}</Table.Th>
                    <Table.Th>{t('applicants.statuses.returned')}</Table.Th>
                    <Table.Th>{t('applicants.statuses.rejected')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.perSpecialty.map((r) => (
                    <Table.Tr key={r.code}>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>{r.total}</Table.Td>
                      <Table.Td>{r.pending}</Table.Td>
                      <Table.Td>{r.confirmed}</Table.Td>
                      <Table.Td>{r.returned}</Table.Td>
                      <Table.Td>{r.rejected}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </Group>
        </>
      )}
    </Stack>
  );
}
