import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail } from '../../../../shared/contract/applicants';
import { FormDialog } from '../../components/FormDialog';
import { mutate } from '../../lib/query';
import { ReasonField } from '../../components/ReasonField';

/**
 * Corrects the phone number or email of an applicant, with a reason (audited with the numbers masked).
 * The current phone is shown masked; a blank new-number field leaves it as it is.
 */
export function ContactDialog({ detail, opened, onClose }: { detail: ApplicantDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState(detail.email ?? '');
  const [reason, setReason] = useState('');
  const emailChanged = email.trim() !== (detail.email ?? '');
  const changed = phone.trim() !== '' || emailChanged;
  function close() {
    setPhone('');
    setEmail(detail.email ?? '');
    setReason('');
    onClose();
  }
  return (
    <FormDialog
      title={t('contact.title', { name: detail.name })}
      opened={opened}
      onClose={close}
      submitLabel={t('contact.submit')}
      canSubmit={changed && reason.trim() !== ''}
      submit={() =>
        mutate('applicants.correctContact', {
          id: detail.id,
          ...(phone.trim() ? { phone: phone.trim() } : {}),
          ...(emailChanged ? { email: email.trim() === '' ? null : email.trim() } : {}),
          reason: reason.trim(),
        })
      }
    >
      <Text size="sm">{t('contact.hint')}</Text>
      <TextInput
        label={t('contact.newPhone')}
        description={t('contact.currentPhone', { phone: detail.phone ?? '—' })}
        value={phone}
        onChange={(e) => setPhone(e.currentTarget.value)}
        inputMode="tel"
        autoComplete="off"
        data-autofocus
        data-testid="contact-phone"
      />
      <TextInput
        label={t('contact.email')}
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        autoComplete="off"
        data-testid="contact-email"
      />
      <ReasonField
        label={t('contact.reason')}
        required
        value={reason}
        onChange={setReason}
        data-testid="contact-reason"
        autosize={false}
      />
    </FormDialog>
  );
}
