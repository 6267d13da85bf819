import { Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/errors';
import { FormDialog } from '../../components/FormDialog';

/** The reason an approved plan's change needs (audited), then the change is sent again with it. */
export function ReasonDialog({
  opened,
  onClose,
  submit,
}: {
  opened: boolean;
  onClose: () => void;
  submit: (reason: string) => Promise<Result<unknown>>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (opened) setReason('');
  }, [opened]);
  return (
    <FormDialog
      title={t('rotation.plan.reasonTitle')}
      opened={opened}
      onClose={onClose}
      canSubmit={reason.trim().length > 0}
      submit={() => submit(reason.trim())}
    >
      <Text size="sm">{t('rotation.plan.reasonHint')}</Text>
      <Textarea
        label={t('trainees.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        data-autofocus
      />
    </FormDialog>
  );
}
