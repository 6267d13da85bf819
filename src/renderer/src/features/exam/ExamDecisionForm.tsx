import { Alert, Button, Group, Radio, Select, Stack, Textarea } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamCandidateView } from '../../../../shared/contract/exam';
import { EXAM_DECISIONS, type ExamDecision } from '../../../../shared/contract/exam-values';
import { errorText } from '../../app/errors';
import { notifications } from '@mantine/notifications';
import { notifySuccess } from '../../app/notify';
import { useMutation } from '../../lib/query';
import { REASON_KEYS, standardReason, type ReasonKey } from './reasons';

/** The reason as stored: the standard reason (required to return or reject), then the reviewer's note. */
function reasonText(reason: ReasonKey | null, note: string): string {
  return [reason ? standardReason(reason) : '', note.trim()].filter(Boolean).join('：');
}

/** 通过 / 退回补正 / 不通过; the late-work warning the core gives back is shown, never swallowed. */
export function ExamDecisionForm({ candidate, year }: { candidate: ExamCandidateView; year: number }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<ExamDecision>('approved');
  const [reason, setReason] = useState<ReasonKey | null>(null);
  const [note, setNote] = useState('');
  const review = useMutation('exam.review');
  const { setError } = review;

  const reset = useCallback(() => {
    setDecision('approved');
    setReason(null);
    setNote('');
    setError(null);
  }, [setError]);
  useEffect(reset, [candidate.traineeId, reset]);

  async function submit() {
    if (decision !== 'approved' && reason === null)
      return setError({ code: 'EXAM_REASON_REQUIRED', message: t('exam.reasonRequired') });
    const text = reasonText(decision === 'approved' ? null : reason, note);
    const r = await review.run({ year, trainee: candidate.traineeId, decision, ...(text ? { reason: text } : {}) });
    if (!r.ok) return;
    // A returned candidate stays at the desk for the corrected papers: the next decision starts afresh.
    reset();
    notifySuccess(t('exam.decided', { name: candidate.name, decision: t(`exam.decisions.${decision}`) }));
    if (r.value.warning)
      notifications.show({ color: 'orange', title: t('exam.warning'), message: r.value.warning, autoClose: 10000 });
  }

  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('exam.decision')}
        value={decision}
        onChange={(v) => setDecision(v as ExamDecision)}
        name="exam-decision"
      >
        <Group mt={4}>
          {EXAM_DECISIONS.map((d) => (
            <Radio key={d} value={d} label={t(`exam.decisions.${d}`)} />
          ))}
        </Group>
      </Radio.Group>
      {decision !== 'approved' && (
        <Select
          label={t('exam.standardReason')}
          placeholder={t('exam.standardReasonPlaceholder')}
          data={REASON_KEYS.map((k) => ({ value: k, label: t(`exam.reasons.${k}`) }))}
          value={reason}
          onChange={(v) => setReason(v as ReasonKey | null)}
          required
        />
      )}
      <Textarea
        label={t('exam.note')}
        description={t('exam.noteHint')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={1}
      />
      {review.error && (
        <Alert color="red" role="alert">
          {errorText(review.error)}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void submit()} loading={review.busy}>
          {t('exam.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
