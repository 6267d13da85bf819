import { Alert, Button, Group, List, ScrollArea, Select, Stack, Text, Title } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamCandidateStatus, ExamDashboard, ExamProposal } from '../../../../shared/contract/exam';
import { can } from '../../../../shared/permissions';
import { notifySuccess } from '../../app/notify';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useMutation, useQuery } from '../../lib/query';
import { CandidatesTable } from './CandidatesTable';
import { DueSummary } from './DueSummary';
import { useExamYear } from './exam-year';
import { ExportButtons } from './ExportButtons';
import { NoCalendar } from './NoCalendar';
import { YearSelect } from './YearSelect';

const STATUSES: ExamCandidateStatus[] = ['proposed', 'approved', 'returned', 'rejected', 'withdrawn'];
type Program = 'residency' | 'agp';

/** 结业考核报名: what is due, how many stand where, the year's candidates, propose and export. */
export function ExamPage() {
  const { t } = useTranslation();
  const { year, years, setYear } = useExamYear();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('exam.title')}</Title>
        {year !== null && <YearSelect year={year} years={years} onChange={setYear} />}
      </Group>
      {year === null ? <LoadingState /> : <ExamYear year={year} />}
    </Stack>
  );
}

function ExamYear({ year }: { year: number }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const canManage = role ? can(role, 'exam.manage') : false;
  const canReview = role ? can(role, 'exam.review') : false;
  const [program, setProgram] = useState<Program | null>(null);
  const [status, setStatus] = useState<ExamCandidateStatus | null>(null);
  const dashboard = useQuery('exam.dashboard', { year });
  const list = useQuery('exam.candidates', { year, reveal: false, ...(program ? { program } : {}) });
  const propose = useMutation('exam.propose');
  const [skipped, setSkipped] = useState<ExamProposal['notProposed']>([]);

  async function runPropose() {
    const r = await propose.run({ year });
    if (!r.ok) return;
    setSkipped(r.value.notProposed);
    notifySuccess(
      t('exam.proposed', { added: r.value.added, refreshed: r.value.refreshed, skipped: r.value.notProposed.length }),
    );
  }

  const shown = (list.data?.candidates ?? []).filter((c) => status === null || c.status === status);
  if (dashboard.error?.code === 'EXAM_NO_CALENDAR') return <NoCalendar year={year} />;
  return (
    <Stack>
      {dashboard.error && <ErrorState error={dashboard.error} onRetry={dashboard.refresh} />}
      {dashboard.data && <ExampleDates dashboard={dashboard.data} />}
      {dashboard.data && <DueSummary dashboard={dashboard.data} />}
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Select
            label={t('exam.program')}
            placeholder={t('exam.all')}
            data={(['residency', 'agp'] as const).map((p) => ({ value: p, label: t(`exam.programs.${p}`) }))}
            value={program}
            onChange={(v) => setProgram(v as Program | null)}
            clearable
            w={140}
          />
          <Select
            label={t('exam.status')}
            placeholder={t('exam.all')}
            data={STATUSES.map((s) => ({ value: s, label: t(`exam.statuses.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as ExamCandidateStatus | null)}
            clearable
            w={140}
          />
        </Group>
        <Group>
          {canManage && (
            <Button leftSection={<IconUserSearch size={16} />} loading={propose.busy} onClick={() => void runPropose()}>
              {t('exam.propose')}
            </Button>
          )}
          <ExportButtons year={year} />
        </Group>
      </Group>
      {propose.error && <ErrorState error={propose.error} />}
      {skipped.length > 0 && <NotProposed rows={skipped} onClose={() => setSkipped([])} />}
      {list.error && <ErrorState error={list.error} onRetry={list.refresh} />}
      {!list.data && !list.error && <LoadingState />}
      {list.data && list.data.candidates.length === 0 && program === null && (
        <EmptyState title={t('exam.empty')} description={t('exam.emptyHint')} />
      )}
      {list.data && list.data.candidates.length > 0 && shown.length === 0 && <Text c="dimmed">{t('exam.noMatch')}</Text>}
      {shown.length > 0 && <CandidatesTable candidates={shown} canReview={canReview} />}
    </Stack>
  );
}

/** A calendar copied from another year: its unchecked dates are only an example until confirmed. */
function ExampleDates({ dashboard }: { dashboard: ExamDashboard }) {
  const { t } = useTranslation();
  const marked = dashboard.calendar.steps.filter((s) => s.example).length + (dashboard.calendar.trainingEnd.example ? 1 : 0);
  if (marked === 0) return null;
  return (
    <Alert color="orange" title={t('exam.calendar.copiedTitle', { from: dashboard.calendar.copiedFrom ?? '' })}>
      <Group justify="space-between">
        <Text size="sm">{t('exam.calendar.copiedHint', { count: marked, year: dashboard.year })}</Text>
        <Button size="xs" variant="light" color="orange" onClick={() => navigate('/exam/calendar')}>
          {t('exam.calendar.check')}
        </Button>
      </Group>
    </Alert>
  );
}

/** Who the proposal left out and why (the core's sentence), until dismissed. */
function NotProposed({ rows, onClose }: { rows: ExamProposal['notProposed']; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('exam.notProposed', { count: rows.length })} withCloseButton onClose={onClose}>
      {/* Every trainee of the registry not proposed is listed (a base's older cohorts run to hundreds): scrolled in
          place, so the candidates table stays where the coordinator expects it. */}
      <ScrollArea.Autosize mah={220} type="auto" data-testid="exam-not-proposed">
        <List size="sm">
          {rows.map((r) => (
            <List.Item key={r.traineeId}>
              {r.name}（{r.idNumber}）：{r.reason}
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Alert>
  );
}
