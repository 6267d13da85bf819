import { SegmentedControl, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingYearRow } from '../../../../shared/contract/admission';
import { FormDialog } from '../../components/FormDialog';
import { mutate } from '../../lib/query';

/** The province's answer to a reduction the base approved, as the clerk records it, with an optional note. */
export function ProvinceReviewDialog({ row, onClose }: { row: TrainingYearRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [approve, setApprove] = useState('approve');
  const [note, setNote] = useState('');
  useEffect(() => {
    if (!row) return;
    setApprove('approve');
    setNote('');
  }, [row]);
  return (
    <FormDialog
      title={t('admission.years.provinceDialog')}
      opened={row !== null}
      onClose={onClose}
      submit={() =>
        mutate('admission.recordProvinceReview', {
          applicantId: row?.applicantId ?? '',
          outcome: approve === 'approve' ? 'approved' : 'rejected',
          ...(note.trim() ? { note: note.trim() } : {}),
        })
      }
    >
      <SegmentedControl
        value={approve}
        onChange={setApprove}
        data={[
          { value: 'approve', label: t('admission.years.statuses.province-approved') },
          { value: 'reject', label: t('admission.years.statuses.province-rejected') },
        ]}
      />
      <TextInput label={t('admission.years.provinceNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
    </FormDialog>
  );
}
