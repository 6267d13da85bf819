import { Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissionRunView, AdmittedRow } from '../../../../shared/contract/admission';
import { notifySuccess } from '../../app/notify';
import { mutate } from '../../lib/query';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { useConsentedChange, type Consent } from './consent';

export function DeclineDialog({
  row,
  consent,
  onClose,
  onChanged,
}: {
  row: AdmittedRow | null;
  consent: Consent;
  onClose: () => void;
  onChanged: (v: AdmissionRunView) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { error, setError, busy, run } = useConsentedChange(consent);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [row, setError]);
  if (!row) return null;
  const target = row;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = await run((c) =>
      mutate('admission.decline', {
        applicantId: target.applicantId,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(c ? { confirm: true } : {}),
      }),
    );
    if (v) {
      onChanged(v);
      notifySuccess(t('admission.decline.done', { name: target.name }));
      onClose();
    }
  }
  return (
    <Dialog opened onClose={onClose} title={t('admission.decline.dialog')}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Text size="sm">{t('admission.decline.hint', { name: `${row.name}（${row.idNumber}）` })}</Text>
          <TextInput label={t('admission.decline.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <FormFooter error={error} onCancel={onClose} busy={busy} submitLabel={t('admission.decline.submit')} color="red" />
        </Stack>
      </form>
    </Dialog>
  );
}
