import { Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/contract/applicants';
import { formatDate } from '../../../../shared/dates';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { saveBase64, XLSX_MIME } from '../../lib/download';
import { useQuery } from '../../lib/query';
import { ErrorState, LoadingState } from '../../components/states';
import { StackedBarChart } from '../../components/StackedBarChart';

const OUTCOME_COLORS = { confirmed: '#2f9e44', returned: '#f08c00', rejected: '#e03131' } as const;

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
  testId,
}: {
  title: string;
  head: string[];
  rows: { key: string; cells: (string | number)[] }[];
  empty?: string;
  testId?: string;
}) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
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

/** Where the confirmation stands against its window (or, with none recorded, the days decided so far). */
function ProgressPanel({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const p = d.progress;
  if (!p) return null;
  const range = { start: formatDate(p.start), end: formatDate(p.end) };
  const percent = p.total === 0 ? 0 : Math.round((p.done / p.total) * 100);
  return (
    <Paper withBorder p="sm" data-testid="dash-progress">
      <Group justify="space-between" mb={6}>
        <Text fw={600}>
          {p.source === 'window' ? t('dashboard.progressWindow', range) : t('dashboard.progressDecisions', range)}
        </Text>
        <Text size="sm">{windowDayText(p, t)}</Text>
      </Group>
      <Progress value={percent} size="lg" aria-label={t('dashboard.progressDone', { done: p.done, total: p.total, percent })} />
      <Text size="sm" mt={4}>
        {t('dashboard.progressDone', { done: p.done, total: p.total, percent })}
      </Text>
    </Paper>
  );
}

function DayChart({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const series = (['confirmed', 'returned', 'rejected'] as const).map((k) => ({
    key: k,
    label: t(`applicants.statuses.${k}`),
    color: OUTCOME_COLORS[k],
  }));
  const bars = d.perDay.map((r) => ({
    key: r.date,
    label: formatDate(r.date).replace(/^\d+年/, ''),
    values: { confirmed: r.confirmed, returned: r.returned, rejected: r.rejected },
    description: t('dashboard.chartDay', { ...r, date: formatDate(r.date) }),
  }));
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {t('dashboard.chartTitle')}
      </Text>
      <StackedBarChart
        testId="dash-chart"
        series={series}
        bars={bars}
        summary={t('dashboard.chartLabel', { summary: bars.map((b) => b.description).join('；') })}
      />
    </Paper>
  );
}

function RemainingPanel({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const r = d.remaining;
  return (
    <CountsPanel
      testId="dash-remaining"
      title={`${t('dashboard.remaining')}：${t('dashboard.remainingSummary', { pending: r.pending, returned: r.returned })}`}
      empty={t('dashboard.remainingNone')}
      head={[t('dashboard.specialty'), t('dashboard.pending'), t('dashboard.returnedAwaiting')]}
      rows={r.perSpecialty.map((s) => ({ key: s.code, cells: [s.name, s.pending, s.returned] }))}
    />
  );
}

function ExportButton() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  async function exportStats() {
    setBusy(true);
    const r = await call('confirm.statsExport', {});
    setBusy(false);
    if (!r.ok) return notifyError(r.error);
    saveBase64(r.value.fileName, r.value.contentBase64, XLSX_MIME);
    notifySuccess(t('dashboard.exported', { file: r.value.fileName }));
  }
  return (
    <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy} onClick={() => void exportStats()}>
      {t('dashboard.export')}
    </Button>
  );
}

function Figures({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={5}>
      <Figure label={t('dashboard.total')} value={d.total} testId="dash-total" />
      <Figure label={t('dashboard.waiting')} value={d.waiting} testId="dash-waiting" />
      <Figure label={t('applicants.statuses.confirmed')} value={d.byOutcome.confirmed} testId="dash-confirmed" />
      <Figure label={t('applicants.statuses.returned')} value={d.byOutcome.returned} testId="dash-returned" />
      <Figure label={t('applicants.statuses.rejected')} value={d.byOutcome.rejected} testId="dash-rejected" />
    </SimpleGrid>
  );
}

function Tables({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const outcomes = [t('applicants.statuses.confirmed'), t('applicants.statuses.returned'), t('applicants.statuses.rejected')];
  return (
    <>
      <Group align="flex-start" grow>
        <CountsPanel
          testId="dash-per-day"
          title={t('dashboard.perDay')}
          empty={t('dashboard.none')}
          head={[t('dashboard.date'), ...outcomes]}
          rows={d.perDay.map((r) => ({ key: r.date, cells: [formatDate(r.date), r.confirmed, r.returned, r.rejected] }))}
        />
        <CountsPanel
          testId="dash-per-clerk"
          title={t('dashboard.perClerk')}
          empty={t('dashboard.none')}
          head={[t('dashboard.date'), t('dashboard.clerk'), ...outcomes]}
          rows={d.perClerk.map((r) => ({
            key: `${r.date}-${r.clerk}`,
            cells: [formatDate(r.date), r.clerkName, r.confirmed, r.returned, r.rejected],
          }))}
        />
      </Group>
      <Group align="flex-start" grow>
        <RemainingPanel d={d} />
        <CountsPanel
          title={t('dashboard.perSpecialty')}
          head={[t('dashboard.specialty'), t('dashboard.totalCol'), t('applicants.statuses.pending'), ...outcomes]}
          rows={d.perSpecialty.map((r) => ({
            key: r.code,
            cells: [r.name, r.total, r.pending, r.confirmed, r.returned, r.rejected],
          }))}
        />
      </Group>
    </>
  );
}

/** 确认统计: figures, progress against the window, a chart per day, per clerk, what is left, and an export. */
export function DashboardPage() {
  const { t } = useTranslation();
  const q = useQuery('confirm.dashboard', {});
  const d = q.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('dashboard.title')}</Title>
        {d && <ExportButton />}
      </Group>
      {q.error && <ErrorState error={q.error} onRetry={q.refresh} />}
      {!d && !q.error && <LoadingState />}
      {d && (
        <>
          <Figures d={d} />
          <ProgressPanel d={d} />
          {d.perDay.length > 0 && <DayChart d={d} />}
          <Tables d={d} />
        </>
      )}
    </Stack>
  );
}

/** Where today stands in the window: before it, in it (day n of m), or after it (closed, not "day 4 of 4"). */
function windowDayText(
  p: { today: string; start: string; end: string; daysElapsed: number; daysTotal: number; daysLeft: number },
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  if (p.today > p.end) return t('dashboard.progressClosed', { end: formatDate(p.end) });
  if (p.today < p.start) return t('dashboard.progressNotStarted', { start: formatDate(p.start) });
  return t('dashboard.progressDays', { elapsed: p.daysElapsed, total: p.daysTotal, left: p.daysLeft });
}
