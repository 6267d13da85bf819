import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamCalendar, ExamCalendarState, ExamCalendarStepDef } from '../../../../shared/contract/exam';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../app/session';
import { ErrorState, LoadingState } from '../../components/states';
import { useQuery } from '../../lib/query';
import { ConfirmDialog, EditStepDialog, EditTrainingEndDialog } from './CalendarDialogs';
import { useExamYear } from './exam-year';
import { formatDateTime, formatMoment, formatWindow } from './moments';
import { NoCalendar } from './NoCalendar';
import { AddStepDialog, RemoveStepDialog, RestoreStepDialog } from './StepDialogs';
import { YearSelect } from './YearSelect';

type Editing =
  | { kind: 'step' | 'remove' | 'restore'; step: ExamCalendarStepDef }
  | { kind: 'end' }
  | { kind: 'add' }
  | { kind: 'confirm'; key: string | null }
  | null;

/** 结业考核日程: every step with its window, where each comes from, and which dates are still 示例. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { year, years, setYear } = useExamYear();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('exam.nav.calendar')}</Title>
        {year !== null && <YearSelect year={year} years={years} onChange={setYear} />}
      </Group>
      {year === null ? <LoadingState /> : <CalendarYear year={year} />}
    </Stack>
  );
}

function CalendarYear({ year }: { year: number }) {
  const state = useQuery('exam.calendar', { year });
  if (state.error) return <ErrorState error={state.error} onRetry={state.refresh} />;
  if (!state.data) return <LoadingState />;
  if (!state.data.calendar) return <NoCalendar year={year} />;
  return <CalendarView state={state.data} calendar={state.data.calendar} />;
}

function Marks({ example, provisional }: { example: boolean; provisional?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {example && (
        <Badge color="orange" variant="light">
          {t('exam.calendar.example')}
        </Badge>
      )}
      {provisional && (
        <Badge color="yellow" variant="outline">
          {t('exam.provisional')}
        </Badge>
      )}
    </Group>
  );
}

function Provenance({ state, calendar, marked }: { state: ExamCalendarState; calendar: ExamCalendar; marked: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {calendar.copiedFrom && marked > 0 && (
        <Alert
          color="orange"
          title={t('exam.calendar.copiedTitle', { from: calendar.copiedFrom })}
          data-testid="exam-calendar-copied"
        >
          {t('exam.calendar.copiedHint', { count: marked, year: calendar.year })}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {state.edited
          ? t('exam.calendar.editedBy', { by: state.updatedByName ?? state.updatedBy, at: formatDateTime(state.updatedAt ?? '') })
          : t('exam.calendar.builtIn', { province: calendar.province, year: calendar.year })}
        {calendar.copiedFrom ? ` ${t('exam.calendar.copiedFromShort', { from: calendar.copiedFrom })}` : ''}
      </Text>
    </Stack>
  );
}

function CalendarView({ state, calendar }: { state: ExamCalendarState; calendar: ExamCalendar }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const canManage = role ? can(role, 'exam.manage') : false;
  const [editing, setEditing] = useState<Editing>(null);
  const marked = calendar.steps.filter((s) => s.example).length + (calendar.trainingEnd.example ? 1 : 0);
  return (
    <Stack>
      <Provenance state={state} calendar={calendar} marked={marked} />
      <Paper withBorder p="sm">
        <Group justify="space-between">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={600}>{t('exam.calendar.trainingEnd')}</Text>
              <Text data-testid="exam-training-end">
                {formatMoment(calendar.trainingEnd.from)} 至 {formatMoment(calendar.trainingEnd.to)}
              </Text>
              <Marks example={calendar.trainingEnd.example} />
            </Group>
            <Text size="xs" c="dimmed">
              {calendar.trainingEnd.note ?? calendar.trainingEnd.source}
            </Text>
          </Stack>
          {canManage && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPencil size={14} />}
                onClick={() => setEditing({ kind: 'end' })}
              >
                {t('exam.calendar.edit')}
              </Button>
            </Group>
          )}
        </Group>
      </Paper>
      {canManage && (
        <Group justify="flex-end">
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ kind: 'add' })}>
            {t('exam.calendar.addStep')}
          </Button>
          {marked > 0 && (
            <Button leftSection={<IconCheck size={16} />} onClick={() => setEditing({ kind: 'confirm', key: null })}>
              {t('exam.calendar.confirmAll', { count: marked })}
            </Button>
          )}
        </Group>
      )}
      <StepsTable calendar={calendar} canManage={canManage} onEdit={setEditing} />
      <RemovedSteps calendar={calendar} canManage={canManage} onEdit={setEditing} />
      <StepDialogs calendar={calendar} editing={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

function StepDialogs({ calendar, editing, onClose }: { calendar: ExamCalendar; editing: Editing; onClose: () => void }) {
  switch (editing?.kind) {
    case 'step':
      return <EditStepDialog calendar={calendar} step={editing.step} onClose={onClose} />;
    case 'remove':
      return <RemoveStepDialog calendar={calendar} step={editing.step} onClose={onClose} />;
    case 'restore':
      return <RestoreStepDialog calendar={calendar} step={editing.step} onClose={onClose} />;
    case 'add':
      return <AddStepDialog calendar={calendar} onClose={onClose} />;
    case 'end':
      return <EditTrainingEndDialog calendar={calendar} onClose={onClose} />;
    case 'confirm':
      return <ConfirmDialog calendar={calendar} stepKey={editing.key} onClose={onClose} />;
    default:
      return null;
  }
}

/** Steps removed at this base, each with its window, restorable. */
function RemovedSteps({
  calendar,
  canManage,
  onEdit,
}: {
  calendar: ExamCalendar;
  canManage: boolean;
  onEdit: (e: Editing) => void;
}) {
  const { t } = useTranslation();
  if (calendar.removedSteps.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="exam-calendar-removed">
      <Text fw={600} size="sm">
        {t('exam.calendar.removedTitle', { count: calendar.removedSteps.length })}
      </Text>
      {calendar.removedSteps.map((s) => (
        <Group key={s.key} justify="space-between">
          <Text size="sm" c="dimmed">
            {s.label}：{formatWindow(s.opens, s.closes)}
          </Text>
          {canManage && (
            <Button
              size="compact-sm"
              variant="light"
              aria-label={`${t('exam.calendar.restore')} ${s.label}`}
              onClick={() => onEdit({ kind: 'restore', step: s })}
            >
              {t('exam.calendar.restore')}
            </Button>
          )}
        </Group>
      ))}
    </Paper>
  );
}

function StepsTable({
  calendar,
  canManage,
  onEdit,
}: {
  calendar: ExamCalendar;
  canManage: boolean;
  onEdit: (e: Editing) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('exam.calendar.step')}</Table.Th>
          <Table.Th w={70}>{t('exam.calendar.actor')}</Table.Th>
          <Table.Th w={290}>{t('exam.calendar.window')}</Table.Th>
          <Table.Th w={110} />
          {canManage && <Table.Th w={220} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {calendar.steps.map((s) => (
          <Table.Tr key={s.key} data-testid="exam-calendar-step">
            <Table.Td>
              <Text size="sm">{s.label}</Text>
              <Text size="xs" c="dimmed" lineClamp={2} title={s.source}>
                {t('exam.calendar.source', { source: s.source })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`exam.actors.${s.actor}`)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatWindow(s.opens, s.closes)}</Text>
            </Table.Td>
            <Table.Td>
              <Marks example={s.example} provisional={s.provisional} />
            </Table.Td>
            {canManage && (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="default"
                    aria-label={`${t('exam.calendar.edit')} ${s.label}`}
                    onClick={() => onEdit({ kind: 'step', step: s })}
                  >
                    {t('exam.calendar.edit')}
                  </Button>
                  {s.example && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      aria-label={`${t('exam.calendar.confirm')} ${s.label}`}
                      onClick={() => onEdit({ kind: 'confirm', key: s.key })}
                    >
                      {t('exam.calendar.confirm')}
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    aria-label={`${t('exam.calendar.remove')} ${s.label}`}
                    onClick={() => onEdit({ kind: 'remove', step: s })}
                  >
                    {t('exam.calendar.remove')}
                  </Button>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
