import { Alert, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionPreview } from '../../../../shared/contract/retention';
import { notifyError } from '../../app/notify';
import { FormDialog } from '../../components/FormDialog';
import { formatBytes } from '../../lib/format';
import { mutate } from '../../lib/query';
import { ReasonField } from '../../components/ReasonField';

/** Says exactly what goes and what stays, and needs a reason: a purge cannot be undone. */
export function PurgeDialog({ totals, onClose }: { totals: RetentionPreview['totals']; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const counts = { ...totals, bytes: formatBytes(totals.packageBytes) };
  return (
    <FormDialog
      title={t('retention.confirmTitle')}
      opened
      onClose={onClose}
      color="red"
      submitLabel={t('retention.confirmButton')}
      canSubmit={reason.trim().length >= 2}
      submit={async () => {
        const r = await mutate('retention.purge', { reason: reason.trim() });
        if (r.ok && r.value.fileProblems.length > 0)
          notifyError({ code: 'RETENTION_FILES_LEFT', message: t('retention.fileProblems', { n: r.value.fileProblems.length }) });
        return r;
      }}
    >
      <Alert color="red" variant="light">
        <Text size="sm" data-testid="retention-confirm-text">
          {t('retention.confirmText', counts)}
        </Text>
      </Alert>
      <Text size="sm">{t('retention.confirmKeep')}</Text>
      <ReasonField
        label={t('retention.reason')}
        placeholder={t('retention.reasonPlaceholder')}
        value={reason}
        onChange={setReason}
        required
        data-autofocus
      />
    </FormDialog>
  );
}
