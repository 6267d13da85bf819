import { Select, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamCalendar, ExamCalendarStepDef } from '../../../../shared/contract/exam';
import { SaveCalendarDialog, useWindowMoments, WindowMomentFields } from './CalendarDialogs';
import { formatWindow } from './moments';

const ACTORS = ['base', 'candidate', 'province'] as const;

/** Steps stay in the order they close, as the notices list them. */
function closingKey(s: ExamCalendarStepDef): string {
  return s.closes.length === 10 ? `${s.closes}T23:59` : s.closes;
}

function withStep(c: ExamCalendar, step: ExamCalendarStepDef): ExamCalendar {
  const steps = [...c.steps, step].sort((a, b) => closingKey(a).localeCompare(closingKey(b)));
  return { ...c, steps };
}

/** A step the notice adds this year: its window and the sentence that sets it. */
export function AddStepDialog({ calendar, onClose }: { calendar: ExamCalendar; onClose: () => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [actor, setActor] = useState<(typeof ACTORS)[number]>('base');
  const moments = useWindowMoments();
  const [source, setSource] = useState('');
  const closes = moments.closes;
  // A key nobody typed: stable, unique in the year, and never shown.
  const [key] = useState(() => `step-${Date.now().toString(36)}`);
  return (
    <SaveCalendarDialog
      calendar={calendar}
      title={t('exam.calendar.addTitle')}
      canSubmit={label.trim() !== '' && closes !== null && source.trim().length >= 4}
      onClose={onClose}
      apply={(c) =>
        withStep(c, {
          key,
          label: label.trim(),
          actor,
          opens: moments.opens,
          closes: closes!,
          provisional: false,
          example: false,
          source: source.trim(),
        })
      }
    >
      <TextInput label={t('exam.calendar.stepLabel')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} required />
      <Select
        label={t('exam.calendar.actor')}
        data={ACTORS.map((a) => ({ value: a, label: t(`exam.actors.${a}`) }))}
        value={actor}
        onChange={(v) => v && setActor(v as (typeof ACTORS)[number])}
        allowDeselect={false}
      />
      <WindowMomentFields fields={moments.fields} />
      <Textarea
        label={t('exam.calendar.stepSource')}
        description={t('exam.calendar.stepSourceHint')}
        value={source}
        onChange={(e) => setSource(e.currentTarget.value)}
        autosize
        minRows={2}
        required
      />
    </SaveCalendarDialog>
  );
}

type StepProps = { calendar: ExamCalendar; step: ExamCalendarStepDef; onClose: () => void };

/** Setting a step aside or bringing it back: the step's window is shown, then what the change means. */
function StepAsideDialog({ calendar, step, onClose, mode }: StepProps & { mode: 'remove' | 'restore' }) {
  const { t } = useTranslation();
  return (
    <SaveCalendarDialog
      calendar={calendar}
      title={t(`exam.calendar.${mode}Title`, { label: step.label })}
      submitLabel={t(`exam.calendar.${mode}`)}
      onClose={onClose}
      apply={(c) => (mode === 'remove' ? { ...c, steps: c.steps.filter((s) => s.key !== step.key) } : withStep(c, step))}
    >
      <Text size="sm">
        {step.label}：{formatWindow(step.opens, step.closes)}
      </Text>
      <Text size="sm" c="dimmed">
        {t(`exam.calendar.${mode}Hint`)}
      </Text>
    </SaveCalendarDialog>
  );
}

/** Removing keeps the step aside in the calendar (the core does), so it can be restored. */
export function RemoveStepDialog(props: StepProps) {
  return <StepAsideDialog {...props} mode="remove" />;
}

export function RestoreStepDialog(props: StepProps) {
  return <StepAsideDialog {...props} mode="restore" />;
}
