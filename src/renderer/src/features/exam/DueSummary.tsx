import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExamCandidateStatus, ExamDashboard, ExamDueStep } from '../../../../shared/contract/exam';
import { formatMoment } from './moments';

const STATUSES: ExamCandidateStatus[] = ['proposed', 'approved', 'returned', 'rejected', 'withdrawn'];

function DueRow({ step }: { step: ExamDueStep }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" data-testid="exam-due">
      <Badge variant="light" color={step.state === 'open' ? 'green' : 'gray'}>
        {t(`exam.dueStates.${step.state}`)}
      </Badge>
      <Text size="sm">
        {t('exam.dueRow', { label: step.label, closes: formatMoment(step.closes) })}
        {step.opens ? `（${t('exam.dueOpens', { opens: formatMoment(step.opens) })}）` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`exam.actors.${step.actor as 'base' | 'candidate' | 'province'}`, { defaultValue: '' })}
      </Text>
      {step.example && (
        <Badge variant="light" color="orange" size="sm">
          {t('exam.calendar.example')}
        </Badge>
      )}
      {step.provisional && (
        <Badge variant="outline" color="yellow" size="sm">
          {t('exam.provisional')}
        </Badge>
      )}
    </Group>
  );
}

/** The calendar's next due steps and how many candidates stand where. */
export function DueSummary({ dashboard }: { dashboard: ExamDashboard }) {
  const { t } = useTranslation();
  return (
    <Group align="stretch" grow>
      <Paper withBorder p="sm">
        <Text fw={600} mb={4}>
          {t('exam.due')}
        </Text>
        <Stack gap={4}>
          {dashboard.due.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('exam.noDue')}
            </Text>
          )}
          {dashboard.due.slice(0, 3).map((s) => (
            <DueRow key={s.key} step={s} />
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="sm" data-testid="exam-counts">
        <Text fw={600} mb={4}>
          {t('exam.counts')}
        </Text>
        <Group gap="xs">
          {STATUSES.map((s) => (
            <Badge key={s} variant="light" color="gray" data-status={s}>
              {t(`exam.statuses.${s}`)} {dashboard.counts[s]}
            </Badge>
          ))}
        </Group>
        <Group gap="md" mt="xs">
          <Text size="sm">{t('exam.eligibleCount', { count: dashboard.eligible })}</Text>
          {dashboard.awaitingChecks > 0 && (
            <Text size="sm" c="yellow.8" data-testid="exam-awaiting-checks">
              {t('exam.awaitingChecksCount', { count: dashboard.awaitingChecks })}
            </Text>
          )}
          {dashboard.lapsed > 0 && (
            <Text size="sm" c="red">
              {t('exam.lapsedCount', { count: dashboard.lapsed })}
            </Text>
          )}
        </Group>
      </Paper>
    </Group>
  );
}
