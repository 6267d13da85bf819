import { Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingYearRow } from '../../../../shared/contract/admission';
import { FormDialog } from '../../components/FormDialog';
import { mutate } from '../../lib/query';
import { YearsChoice } from './YearsChoice';

/** 申请减免: the years asked for and the documents that support it (one per line, at least one). */
export function ReductionRequestDialog({ row, onClose }: { row: TrainingYearRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [years, setYears] = useState('1');
  const [docs, setDocs] = useState('');
  useEffect(() => {
    if (!row) return;
    setYears(String(row.requested || 1));
    setDocs('');
  }, [row]);
  return (
    <FormDialog
      title={t('admission.years.requestDialog')}
      opened={row !== null}
      onClose={onClose}
      canSubmit={docs.trim() !== ''}
      submit={() =>
        mutate('admission.requestReduction', {
          applicantId: row?.applicantId ?? '',
          years: years === '2' ? 2 : 1,
          documents: docs
            .split('\n')
            .map((d) => d.trim())
            .filter((d) => d !== ''),
        })
      }
    >
      <YearsChoice value={years} onChange={setYears} />
      <Textarea
        label={t('admission.years.documents')}
        value={docs}
        onChange={(e) => setDocs(e.currentTarget.value)}
        autosize
        minRows={3}
      />
    </FormDialog>
  );
}
