import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EligibilityResult } from '../../../../shared/contract/applicants';
import type { ApiError } from '../../../../shared/errors';
import { errorText } from '../../app/errors';
import { Dialog } from '../../components/Dialog';
import { ReasonField } from '../../components/ReasonField';

/**
 * 确认通过 over a failing eligibility rule: the clerk names the rules being let through and writes why. The
 * core refuses without a reason; the reason is audited and shown on the desk, the receipt and in 录取说明.
 */
export function OverrideDialog({
  opened,
  failing,
  busy,
  error,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  failing: EligibilityResult[];
  busy: boolean;
  error: ApiError | null;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Dialog opened={opened} onClose={onClose} title={t('desk.overrideTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('desk.overrideHint')}</Text>
        <List size="sm" data-testid="override-rules">
          {failing.map((f) => (
            <List.Item key={f.ruleId}>{f.message}</List.Item>
          ))}
        </List>
        <ReasonField label={t('desk.overrideReason')} value={reason} onChange={setReason} data-autofocus />
        {error && (
          <Alert color="red" role="alert">
            {errorText(error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" disabled={reason.trim() === ''} loading={busy} onClick={() => onConfirm(reason.trim())}>
            {t('desk.overrideSubmit')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
