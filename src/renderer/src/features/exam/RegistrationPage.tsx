import { Alert, Badge, Button, Group, Paper, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamDashboard, ExamTracking, ExamTrackingRow, ExamTrackingStage } from '../../../../shared/contract/exam';
import { EXAM_DEADLINES } from '../../../../shared/contract/exam-values';
import { can } from '../../../../shared/permissions';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorState, LoadingState } from '../../components/states';
import { useQuery } from '../../lib/query';
import { DueSummary } from './DueSummary';
import { useExamYear } from './exam-year';
import { ExamStatusBadge } from './ExamStatusBadge';
import { formatDateTime, formatMoment } from './moments';
import { NoCalendar } from './NoCalendar';
import { RegistrationDialog } from './RegistrationDialog';
import { YearSelect } from './YearSelect';

type Filter = ExamTrackingStage | 'done' | 'out';

/** 报名进度: each candidate through the year's steps, how many wait at each, and what is due next. */
export function RegistrationPage() {
  const { t } = useTranslation();
  const { year, years, setYear } = useExamYear();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('exam.nav.tracking')}</Title>
        {year !== null && <YearSelect year={year} years={years} onChange={setYear} />}
      </Group>
      {year === null ? <LoadingState /> : <TrackingYear year={year} />}
    </Stack>
  );
}

function TrackingYear({ year }: { year: number }) {
  const { t } = useTranslation();
  const dashboard = useQuery('exam.dashboard', { year });
  const tracking = useQuery('exam.tracking', { year });
  if (dashboard.error?.code === 'EXAM_NO_CALENDAR') return <NoCalendar year={year} />;
  if (dashboard.error) return <ErrorState error={dashboard.error} onRetry={dashboard.refresh} />;
  if (tracking.error) return <ErrorState error={tracking.error} onRetry={tracking.refresh} />;
  if (!dashboard.data || !tracking.data) return <LoadingState />;
  return (
    <Stack>
      <DueSummary dashboard={dashboard.data} />
      <LateBanners dashboard={dashboard.data} />
      {tracking.data.rows.length === 0 ? (
        <Text c="dimmed">{t('exam.tracking.empty')}</Text>
      ) : (
        <Tracking year={year} tracking={tracking.data} late={dashboard.data.late.registration} />
      )}
    </Stack>
  );
}

/** Deadlines already closed, in one line: work is still allowed, with a reason (漏报、逾期不予补报). */
function LateBanners({ dashboard }: { dashboard: ExamDashboard }) {
  const { t } = useTranslation();
  const keys = EXAM_DEADLINES.filter((d) => dashboard.late[d] !== null).map((d) => dashboard.calendar.deadlines[d]);
  const steps = dashboard.calendar.steps.filter((s) => keys.includes(s.key));
  if (steps.length === 0) return null;
  return (
    <Alert color="orange" py="xs" data-testid="exam-late">
      <Text size="sm">
        {t('exam.tracking.lateLine', {
          steps: steps.map((s) => t('exam.tracking.lateStep', { label: s.label, closes: formatMoment(s.closes) })).join('；'),
        })}
      </Text>
    </Alert>
  );
}

function Tracking({ year, tracking, late }: { year: number; tracking: ExamTracking; late: string | null }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter | null>(null);
  const keys: Filter[] = [...tracking.order, 'done', 'out'];
  const rows = tracking.rows.filter((r) => filter === null || rowFilter(r) === filter);
  return (
    <Stack>
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-end">
          <div data-testid="exam-stage-counts">
            <Text fw={600} mb={4}>
              {t('exam.tracking.counts')}
            </Text>
            <Group gap="xs">
              {keys.map((k) => (
                <Badge key={k} variant="light" color={k === 'done' ? 'green' : k === 'out' ? 'gray' : 'blue'}>
                  {t(`exam.tracking.next.${k}`)} {tracking.counts[k]}
                </Badge>
              ))}
            </Group>
          </div>
          <Select
            label={t('exam.tracking.filter')}
            placeholder={t('exam.all')}
            data={keys.map((k) => ({ value: k, label: t(`exam.tracking.next.${k}`) }))}
            value={filter}
            onChange={(v) => setFilter(v as Filter | null)}
            clearable
            w={180}
          />
        </Group>
      </Paper>
      <TrackingTable year={year} rows={rows} order={tracking.order} late={late} />
    </Stack>
  );
}

const rowFilter = (r: ExamTrackingRow): Filter =>
  r.status === 'withdrawn' || r.status === 'rejected' ? 'out' : (r.next ?? 'done');

function StageCell({ row, stage }: { row: ExamTrackingRow; stage: ExamTrackingStage }) {
  const { t } = useTranslation();
  const done = row.done[stage];
  const color = done ? 'green' : row.next === stage ? 'orange' : 'dimmed';
  const text = (() => {
    switch (stage) {
      case 'materials':
        return t('exam.tracking.materials', row.materials);
      case 'checks':
        return t('exam.tracking.checks', row.checks);
      case 'decision':
        return t(`exam.statuses.${row.status}`);
      case 'summary':
        return row.summaryExportedAt
          ? t('exam.tracking.exportedAt', { at: formatDateTime(row.summaryExportedAt) })
          : t('exam.tracking.notExported');
      case 'registration':
        return row.registrationLapsed
          ? t('exam.tracking.lapsed')
          : row.subjects.map((s) => `${t(`exam.subjectNames.${s}`)}${subjectDone(row, s) ? ' ✓' : ''}`).join('、');
    }
  })();
  return (
    <Text size="sm" c={row.registrationLapsed && stage === 'registration' ? 'red' : color}>
      {done && stage !== 'registration' ? '✓ ' : ''}
      {text}
    </Text>
  );
}

function subjectDone(row: ExamTrackingRow, subject: string): boolean {
  const r = row.registrations.find((x) => x.subject === subject);
  return !!r && r.provincial && (subject !== 'theory' || (r.national && r.identical));
}

function TrackingTable({
  year,
  rows,
  order,
  late,
}: {
  year: number;
  rows: ExamTrackingRow[];
  order: ExamTrackingStage[];
  late: string | null;
}) {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const canReview = role ? can(role, 'exam.review') : false;
  const [editing, setEditing] = useState<ExamTrackingRow | null>(null);
  return (
    <Paper withBorder>
      <ScrollArea.Autosize mah="calc(100vh - 360px)" type="auto">
        <Table striped stickyHeader verticalSpacing={6} aria-label={t('exam.nav.tracking')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exam.name')}</Table.Th>
              <Table.Th miw={170}>{t('exam.idNumber')}</Table.Th>
              {order.map((s) => (
                <Table.Th key={s}>{t(`exam.tracking.stages.${s}`)}</Table.Th>
              ))}
              <Table.Th>{t('exam.tracking.nextStep')}</Table.Th>
              {canReview && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.traineeId} data-testid="exam-tracking-row">
                <Table.Td>
                  <Text size="sm">
                    {r.name}
                    {r.retake ? `（${t('exam.retake')}）` : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`exam.programs.${r.program}`)}
                  </Text>
                </Table.Td>
                <Table.Td ff="monospace">{r.idNumber}</Table.Td>
                {order.map((s) => (
                  <Table.Td key={s}>
                    {s === 'decision' ? <ExamStatusBadge status={r.status} /> : <StageCell row={r} stage={s} />}
                  </Table.Td>
                ))}
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`exam.tracking.next.${rowFilter(r)}`)}
                  </Text>
                </Table.Td>
                {canReview && (
                  <Table.Td>
                    <RowAction row={r} onRegister={() => setEditing(r)} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {editing && <RegistrationDialog year={year} row={editing} late={late} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

/** 登记网报 once approved; before that the desk is where the work is. */
function RowAction({ row, onRegister }: { row: ExamTrackingRow; onRegister: () => void }) {
  const { t } = useTranslation();
  if (row.status === 'approved')
    return (
      <Button size="xs" variant="subtle" aria-label={`${t('exam.tracking.register')} ${row.name}`} onClick={onRegister}>
        {t('exam.tracking.register')}
      </Button>
    );
  if (row.status === 'withdrawn' || row.status === 'rejected') return null;
  return (
    <Button
      size="xs"
      variant="subtle"
      aria-label={`${t('exam.openDesk')} ${row.name}`}
      onClick={() => navigate(`/exam/desk?trainee=${encodeURIComponent(row.traineeId)}`)}
    >
      {t('exam.openDesk')}
    </Button>
  );
}
