import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail } from '../../../../shared/contract/applicants';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { Dialog } from '../../components/Dialog';
import { useMutation } from '../../lib/query';
import { ReasonField } from '../../components/ReasonField';

/** Takes a decision back (with a reason, audited): the applicant is pending again, everywhere at once. */
export function ReopenDialog({ detail, opened, onClose }: { detail: ApplicantDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const reopen = useMutation('confirm.reopen');
  async function submit() {
    const r = await reopen.run({ id: detail.id, reason: reason.trim() });
    if (!r.ok) return;
    setReason('');
    notifySuccess(t('desk.reopenDone', { name: detail.name }));
    onClose();
  }
  return (
    <Dialog opened={opened} onClose={onClose} title={t('desk.reopenTitle')}>
      <Stack>
        <Text size="sm">{t('desk.reopenHint')}</Text>
        <ReasonField label={t('desk.reopenReason')} value={reason} onChange={setReason} data-autofocus autosize={false} />
        {reopen.error && (
          <Text c="red" size="sm" role="alert">
            {errorText(reopen.error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button color="orange" disabled={reason.trim() === ''} loading={reopen.busy} onClick={() => void submit()}>
            {t('desk.reopen')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
