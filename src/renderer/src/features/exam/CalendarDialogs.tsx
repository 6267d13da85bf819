import { Checkbox, Group, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamCalendar, ExamCalendarStepDef } from '../../../../shared/contract/exam';
import { FormDialog } from '../../components/FormDialog';
import { mutate } from '../../lib/query';
import { datePart, formatWindow, joinMoment, timePart } from './moments';
import { DateField, TimeField } from '../../components/DateFields';
import { ReasonField } from '../../components/ReasonField';

/** Every calendar change is saved whole, with the reason the audit trail keeps. */
export function SaveCalendarDialog({
  calendar,
  title,
  apply,
  canSubmit = true,
  submitLabel,
  onClose,
  children,
}: {
  calendar: ExamCalendar;
  title: string;
  apply: (c: ExamCalendar) => ExamCalendar;
  canSubmit?: boolean;
  submitLabel?: string;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={title}
      opened
      onClose={onClose}
      submitLabel={submitLabel}
      canSubmit={canSubmit && reason.trim().length >= 2}
      submit={() => mutate('exam.setCalendar', { calendar: apply(calendar), reason: reason.trim() })}
    >
      {children}
      <ReasonField
        label={t('exam.calendar.reason')}
        placeholder={t('exam.calendar.reasonPlaceholder')}
        value={reason}
        onChange={setReason}
        required
      />
    </FormDialog>
  );
}

/** A date field and an optional time beside it (the notices give times only sometimes: 8:00, 23:59). */
export function MomentFields({
  label,
  timeLabel,
  date,
  time,
  onDate,
  onTime,
  required,
}: {
  label: string;
  timeLabel: string;
  date: string;
  time: string;
  onDate: (v: string) => void;
  onTime: (v: string) => void;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      <DateField label={label} value={date} onChange={(e) => onDate(e.currentTarget.value)} required={required} />
      <TimeField
        label={timeLabel}
        description={t('exam.calendar.timeHint')}
        value={time}
        onChange={(e) => onTime(e.currentTarget.value)}
      />
    </Group>
  );
}

/** A step's window being edited: opening date and time (optional), closing date and time (required). */
export function useWindowMoments(opens: string | null = null, closes: string | null = null) {
  const [opensDate, setOpensDate] = useState(datePart(opens));
  const [opensTime, setOpensTime] = useState(timePart(opens));
  const [closesDate, setClosesDate] = useState(datePart(closes));
  const [closesTime, setClosesTime] = useState(timePart(closes));
  return {
    fields: { opensDate, opensTime, closesDate, closesTime, setOpensDate, setOpensTime, setClosesDate, setClosesTime },
    opens: joinMoment(opensDate, opensTime),
    closes: joinMoment(closesDate, closesTime),
  };
}

export function WindowMomentFields({ fields: f }: { fields: ReturnType<typeof useWindowMoments>['fields'] }) {
  const { t } = useTranslation();
  return (
    <>
      <MomentFields
        label={t('exam.calendar.opens')}
        timeLabel={t('exam.calendar.opensTime')}
        date={f.opensDate}
        time={f.opensTime}
        onDate={f.setOpensDate}
        onTime={f.setOpensTime}
      />
      <MomentFields
        label={t('exam.calendar.closes')}
        timeLabel={t('exam.calendar.closesTime')}
        date={f.closesDate}
        time={f.closesTime}
        onDate={f.setClosesDate}
        onTime={f.setClosesTime}
        required
      />
    </>
  );
}

const replaceStep = (c: ExamCalendar, key: string, f: (s: ExamCalendarStepDef) => ExamCalendarStepDef): ExamCalendar => ({
  ...c,
  steps: c.steps.map((s) => (s.key === key ? f(s) : s)),
});

export function EditStepDialog({
  calendar,
  step,
  onClose,
}: {
  calendar: ExamCalendar;
  step: ExamCalendarStepDef;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const moments = useWindowMoments(step.opens, step.closes);
  const [provisional, setProvisional] = useState(step.provisional);
  const closes = moments.closes;
  return (
    <SaveCalendarDialog
      calendar={calendar}
      title={t('exam.calendar.editTitle', { label: step.label })}
      canSubmit={closes !== null}
      onClose={onClose}
      apply={(c) =>
        replaceStep(c, step.key, (s) => ({
          ...s,
          opens: moments.opens,
          closes: closes ?? s.closes,
          provisional,
          example: false,
        }))
      }
    >
      <Text size="sm" c="dimmed">
        {t('exam.calendar.source', { source: step.source })}
      </Text>
      <WindowMomentFields fields={moments.fields} />
      <Checkbox
        label={t('exam.calendar.provisionalLabel')}
        checked={provisional}
        onChange={(e) => setProvisional(e.currentTarget.checked)}
      />
    </SaveCalendarDialog>
  );
}

export function EditTrainingEndDialog({ calendar, onClose }: { calendar: ExamCalendar; onClose: () => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(calendar.trainingEnd.from);
  const [to, setTo] = useState(calendar.trainingEnd.to);
  return (
    <SaveCalendarDialog
      calendar={calendar}
      title={t('exam.calendar.trainingEndTitle')}
      canSubmit={from !== '' && to !== ''}
      onClose={onClose}
      apply={(c) => ({ ...c, trainingEnd: { ...c.trainingEnd, from, to, example: false } })}
    >
      <Text size="sm" c="dimmed">
        {t('exam.calendar.source', { source: calendar.trainingEnd.source })}
      </Text>
      <Group grow>
        <DateField label={t('exam.calendar.endFrom')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} required />
        <DateField label={t('exam.calendar.endTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} required />
      </Group>
    </SaveCalendarDialog>
  );
}

/** Confirming keeps the dates as they are and takes away the 示例 mark: one step, or every marked one. */
export function ConfirmDialog({
  calendar,
  stepKey,
  onClose,
}: {
  calendar: ExamCalendar;
  stepKey: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const marked = calendar.steps.filter((s) => s.example && (stepKey === null || s.key === stepKey));
  const includeEnd = stepKey === null && calendar.trainingEnd.example;
  return (
    <SaveCalendarDialog
      calendar={calendar}
      title={stepKey === null ? t('exam.calendar.confirmAllTitle') : t('exam.calendar.confirmTitle')}
      submitLabel={t('exam.calendar.confirmSubmit')}
      onClose={onClose}
      apply={(c) => ({
        ...c,
        trainingEnd: includeEnd ? { ...c.trainingEnd, example: false } : c.trainingEnd,
        steps: c.steps.map((s) => (marked.some((m) => m.key === s.key) ? { ...s, example: false } : s)),
      })}
    >
      <Text size="sm">{t('exam.calendar.confirmHint')}</Text>
      {marked.map((s) => (
        <Text key={s.key} size="sm">
          · {s.label}：{formatWindow(s.opens, s.closes)}
        </Text>
      ))}
    </SaveCalendarDialog>
  );
}
