import { Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

/** Reopen a signed-off sheet: the reason (two characters at least) goes into the audit trail. */
export function ReopenSheetDialog({
  opened,
  onClose,
  submit,
}: {
  opened: boolean;
  onClose: () => void;
  /** Makes the change; true when it went through (the reason is then cleared). */
  submit: (reason: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Dialog opened={opened} onClose={onClose} title={t('scores.interview.reopen')}>
      <Stack>
        <TextInput
          label={t('scores.interview.reopenReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
        <Button disabled={reason.trim().length < 2} onClick={() => void submit(reason).then((ok) => ok && setReason(''))}>
          {t('scores.interview.reopen')}
        </Button>
      </Stack>
    </Dialog>
  );
}
