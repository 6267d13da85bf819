import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../shared/contract/outbox';
import { errorCodeLine, errorText } from '../../app/errors';
import { notifyError } from '../../app/notify';
import { Dialog } from '../../components/Dialog';
import { mutate } from '../../lib/query';

/** Put a package the province refused back in the queue: the refusal is shown, and the reason is audited. */
export function RequeueDialog({ item, onClose, onDone }: { item: OutboxItem | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (!item) return;
    const r = await mutate('outbox.requeue', { uuid: item.uuid, reason });
    if (!r.ok) return notifyError(r.error);
    setReason('');
    onClose();
    onDone();
  };
  return (
    <Dialog opened={item !== null} onClose={onClose} title={t('outbox.requeue')}>
      <Stack>
        {item?.lastError && (
          <Alert color="red" variant="light">
            {errorText(item.lastError)}
            <Text size="xs" c="dimmed">
              {errorCodeLine(item.lastError)}
            </Text>
          </Alert>
        )}
        <TextInput label={t('outbox.requeueReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={reason.trim() === ''} onClick={() => void submit()}>
            {t('outbox.requeue')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
