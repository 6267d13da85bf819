import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../lib/query';
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

/** A titled panel with a small table of counts; with `empty`, that text stands in for a table without rows. */
function CountsPanel({
  title,
  head,
  rows,
  empty,
}: {
  title: string;
  head: string[];
  rows: { key: string; cells: (string | number)[] }[];
  empty?: string;
}) {
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {title}
      </Text>
      {empty !== undefined && rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              {head.map((h, i) => (
                <Table.Th key={i}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                {r.cells.map((c, i) => (
                  <Table.Td key={i}>{c}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** Confirmation figures: per outcome, per day, per specialty (first choice), and who is still waiting. */
export function DashboardPage() {
  const { t } = useTranslation();
  const q = useQuery('confirm.dashboard', {});
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
            <CountsPanel
              title={t('dashboard.perDay')}
              empty={t('dashboard.none')}
              head={[
                t('dashboard.date'),
                t('applicants.statuses.confirmed'),
                t('applicants.statuses.returned'),
                t('applicants.statuses.rejected'),
              ]}
              rows={d.perDay.map((r) => ({ key: r.date, cells: [r.date, r.confirmed, r.returned, r.rejected] }))}
            />
            <CountsPanel
              title={t('dashboard.perSpecialty')}
              head={[
                t('dashboard.specialty'),
                t('dashboard.totalCol'),
                t('applicants.statuses.pending'),
                t('applicants.statuses.confirmed'),
                t('applicants.statuses.returned'),
                t('applicants.statuses.rejected'),
              ]}
              rows={d.perSpecialty.map((r) => ({
                key: r.code,
                cells: [r.name, r.total, r.pending, r.confirmed, r.returned, r.rejected],
              }))}
            />
          </Group>
        </>
      )}
    </Stack>
  );
}
