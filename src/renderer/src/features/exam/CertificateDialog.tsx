import { Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamResultRow } from '../../../../shared/contract/exam';
import { FormDialog } from '../../components/FormDialog';
import { mutate } from '../../lib/query';
import { DateField } from '../../components/DateFields';

/**
 * 培训合格证书 (重庆2024 八): its number and date. The core refuses it unless both subjects are passed and
 * still valid and training has ended; then the trainee becomes 结业.
 */
export function CertificateDialog({ row, onClose }: { row: ExamResultRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [certNo, setCertNo] = useState(row.certificate?.certNo ?? '');
  const [issuedOn, setIssuedOn] = useState(row.certificate?.issuedOn ?? '');
  const [note, setNote] = useState('');
  const certName = t(row.program === 'agp' ? 'exam.results.certAgp' : 'exam.results.certResidency');
  return (
    <FormDialog
      title={t('exam.results.certTitle', { name: row.name })}
      opened
      onClose={onClose}
      canSubmit={certNo.trim().length >= 4 && issuedOn !== ''}
      submit={() =>
        mutate(
          'exam.recordCertificate',
          { trainee: row.traineeId, certNo: certNo.trim(), issuedOn, ...(note.trim() ? { reason: note.trim() } : {}) },
          ['trainees.'],
        )
      }
    >
      <Text size="sm" c="dimmed">
        {t('exam.results.certHint', { cert: certName })}
      </Text>
      <TextInput label={t('exam.results.certNo')} value={certNo} onChange={(e) => setCertNo(e.currentTarget.value)} required />
      <DateField
        label={t('exam.results.issuedOn')}
        value={issuedOn}
        onChange={(e) => setIssuedOn(e.currentTarget.value)}
        required
      />
      <Textarea label={t('exam.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
    </FormDialog>
  );
}
