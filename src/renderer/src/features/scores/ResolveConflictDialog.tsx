import { Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

/** The panel head settles a conflicting mark: the score that stands, and why (audited). */
export function ResolveConflictDialog({
  opened,
  onClose,
  submit,
}: {
  opened: boolean;
  onClose: () => void;
  /** Makes the change; true when it went through (the fields are then cleared). */
  submit: (score: string, reason: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  async function resolve() {
    if (!(await submit(value, reason))) return;
    setValue('');
    setReason('');
  }
  return (
    <Dialog opened={opened} onClose={onClose} title={t('scores.interview.resolve')}>
      <Stack>
        <TextInput
          label={t('scores.interview.resolveValue')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          data-autofocus
        />
        <TextInput
          label={t('scores.interview.resolveReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Button disabled={reason.trim().length < 2 || value.trim() === ''} onClick={() => void resolve()}>
          {t('scores.interview.resolve')}
        </Button>
      </Stack>
    </Dialog>
  );
}
