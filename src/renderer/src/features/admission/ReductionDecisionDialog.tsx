import { SegmentedControl, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingYearRow } from '../../../../shared/contract/admission';
import { FormDialog } from '../../components/FormDialog';
import { mutate } from '../../lib/query';
import { YearsChoice } from './YearsChoice';

/** The base's decision on a requested reduction: approve (how many years) or reject, with a reason. */
export function ReductionDecisionDialog({ row, onClose }: { row: TrainingYearRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [approve, setApprove] = useState('approve');
  const [years, setYears] = useState('1');
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (!row) return;
    setApprove('approve');
    setYears(String(row.requested || 1));
    setReason('');
  }, [row]);
  return (
    <FormDialog
      title={t('admission.years.decideDialog')}
      opened={row !== null}
      onClose={onClose}
      canSubmit={reason.trim().length >= 2}
      submit={() =>
        mutate('admission.decideReduction', {
          applicantId: row?.applicantId ?? '',
          approve: approve === 'approve',
          years: years === '2' ? 2 : 1,
          reason: reason.trim(),
        })
      }
    >
      <SegmentedControl
        value={approve}
        onChange={setApprove}
        data={[
          { value: 'approve', label: t('admission.years.approve') },
          { value: 'reject', label: t('admission.years.reject') },
        ]}
      />
      {approve === 'approve' && <YearsChoice value={years} onChange={setYears} />}
      <Textarea
        label={t('admission.years.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
      />
    </FormDialog>
  );
}
