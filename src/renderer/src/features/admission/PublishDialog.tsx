import { NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { DateField, isValidDate } from '../../components/DateFields';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { formatDate, todayInBeijing } from '../../lib/format';
import { useMutation } from '../../lib/query';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { WindowReasonField } from '../windows/WindowBanner';

/** The 公示 window the core accepts (admission.publish): at least one day, at most a month. */
const MIN_DAYS = 1;
const MAX_DAYS = 30;

export function PublishDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [start, setStart] = useState(todayInBeijing());
  const [days, setDays] = useState<number | string>(3);
  const [note, setNote] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [daysError, setDaysError] = useState<string | null>(null);
  const publish = useMutation('admission.publish');
  useEffect(() => {
    if (opened) {
      setStart(todayInBeijing());
      setDays(3);
      setNote('');
      setLateReason('');
      setError(null);
      setDaysError(null);
    }
  }, [opened]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!isValidDate(start)) return setError(t('dateFields.dateInvalid'));
    const n = days === '' ? NaN : Number(days);
    // Checked here, before anything is sent: a 0-day 公示 is no 公示, and the field must not quietly become 1.
    if (!Number.isInteger(n) || n < MIN_DAYS || n > MAX_DAYS) {
      return setDaysError(t('admission.publishDialog.daysRange', { min: MIN_DAYS, max: MAX_DAYS }));
    }
    setDaysError(null);
    const r = await publish.run({
      startDate: start,
      days: n,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(lateReason.trim() ? { reason: lateReason.trim() } : {}),
    });
    if (!r.ok) return setError(errorText(r.error));
    notifySuccess(t('admission.publishDialog.done', { start: formatDate(r.value.startDate), end: formatDate(r.value.endDate) }));
    onClose();
  }
  return (
    <Dialog opened={opened} onClose={onClose} title={t('admission.publishDialog.title')}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('admission.publishDialog.hint')}
          </Text>
          <DateField
            label={t('admission.publishDialog.start')}
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            required
          />
          <NumberInput
            label={t('admission.publishDialog.days')}
            value={days}
            onChange={setDays}
            min={MIN_DAYS}
            max={MAX_DAYS}
            clampBehavior="none"
            allowDecimal={false}
            error={daysError}
            required
          />
          <TextInput
            label={t('admission.publishDialog.note')}
            description={t('admission.publishDialog.noteHint')}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <WindowReasonField governs="admission-publication" value={lateReason} onChange={setLateReason} />
          <FormFooter error={error} onCancel={onClose} busy={publish.busy} submitLabel={t('admission.publishDialog.submit')} />
        </Stack>
      </form>
    </Dialog>
  );
}
