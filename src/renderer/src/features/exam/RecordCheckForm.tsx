import { Alert, Button, Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamCandidateView, ExamCheckView } from '../../../../shared/contract/exam';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { useMutation } from '../../lib/query';

/** A check judged from the papers at the desk: met or not, with the evidence (and a note when late). */
export function RecordCheckForm({
  candidate,
  check,
  year,
  onDone,
}: {
  candidate: ExamCandidateView;
  check: ExamCheckView;
  year: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [passed, setPassed] = useState(check.passed ? 'yes' : 'no');
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const record = useMutation('exam.recordCheck');

  async function submit() {
    const r = await record.run({
      year,
      trainee: candidate.traineeId,
      code: check.code,
      passed: passed === 'yes',
      evidence: evidence.trim(),
      ...(note.trim() ? { reason: note.trim() } : {}),
    });
    if (!r.ok) return;
    notifySuccess(t('exam.checkRecorded', { check: t(`exam.checkNames.${check.code}`) }));
    onDone();
  }

  return (
    <Stack gap={6} data-testid="exam-record-check">
      <SegmentedControl
        size="xs"
        value={passed}
        onChange={setPassed}
        data={[
          { value: 'yes', label: t('exam.passed') },
          { value: 'no', label: t('exam.failed') },
        ]}
        w={200}
      />
      <TextInput
        size="xs"
        label={t('exam.evidenceLabel')}
        placeholder={t('exam.evidencePlaceholder')}
        value={evidence}
        onChange={(e) => setEvidence(e.currentTarget.value)}
      />
      <TextInput size="xs" label={t('exam.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      {record.error && (
        <Alert color="red" role="alert" p="xs">
          {errorText(record.error)}
        </Alert>
      )}
      <Group gap="xs">
        <Button size="xs" loading={record.busy} onClick={() => void submit()}>
          {t('exam.saveCheck')}
        </Button>
        <Button size="xs" variant="subtle" onClick={onDone}>
          {t('exam.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
