import { Alert, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import { errorText } from '../../app/errors';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';

export function RerunConfirmDialog({
  request,
  onDone,
}: {
  request: { error: ApiError; retry: (reason: string) => Promise<ApiError | null>; cancel: () => void } | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [request]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!request) return;
    setBusy(true);
    const failed = await request.retry(reason.trim());
    setBusy(false);
    if (failed) return setError(errorText(failed));
    onDone();
  }
  return (
    <Dialog opened={request !== null} onClose={() => request?.cancel()} title={t('admission.rerunConfirm.title')}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Alert color="orange" variant="light">
            {request ? errorText(request.error) : ''}
          </Alert>
          <Textarea
            label={t('admission.rerunConfirm.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
          />
          {error && (
            <Text c="red" size="sm">
              {error}
            </Text>
          )}
          <FormFooter
            onCancel={() => request?.cancel()}
            busy={busy}
            submitLabel={t('admission.rerunConfirm.submit')}
            color="orange"
            disabled={reason.trim().length < 2}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
