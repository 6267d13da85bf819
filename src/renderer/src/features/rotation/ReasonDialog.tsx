import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/errors';
import { FormDialog } from '../../components/FormDialog';
import { ReasonField } from '../../components/ReasonField';

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
      <ReasonField label={t('trainees.reason')} value={reason} onChange={setReason} data-autofocus />
    </FormDialog>
  );
}
