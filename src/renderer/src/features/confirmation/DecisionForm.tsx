import { Alert, Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail, ChecklistState, Decision } from '../../../../shared/contract/applicants';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { useMutation } from '../../lib/query';

/**
 * 确认通过 / 退回补正 / 不予确认 with the checklist as marked. `submitRef` lets the panel's Ctrl+Enter submit
 * from anywhere in it.
 */
export function DecisionForm({
  detail,
  states,
  submitRef,
}: {
  detail: ApplicantDetail;
  states: Record<string, ChecklistState>;
  submitRef: { current: (() => void) | null };
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Decision>('confirmed');
  const [reason, setReason] = useState('');
  const decide = useMutation('confirm.decide');
  const { setError } = decide;

  useEffect(() => {
    setReason('');
    setDecision('confirmed');
    setError(null);
  }, [detail.id, setError]);

  async function submit() {
    if (decision !== 'confirmed' && reason.trim() === '')
      return decide.setError({ code: 'CONFIRM_REASON_REQUIRED', message: t('desk.reasonRequired') });
    const checklist = Object.fromEntries(detail.checklist.map((i) => [i.key, states[i.key] ?? i.state]));
    const r = await decide.run({
      targets: [detail.id],
      decision,
      checklist,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    if (r.ok) notifySuccess(t('desk.decided', { name: detail.name, decision: t(`desk.decisions.${decision}`) }));
  }
  submitRef.current = () => void submit();

  return (
    <Stack gap="xs">
      <Radio.Group label={t('desk.decision')} value={decision} onChange={(v) => setDecision(v as Decision)} name="decision">
        <Group mt={4}>
          {(['confirmed', 'returned', 'rejected'] as const).map((d) => (
            <Radio key={d} value={d} label={t(`desk.decisions.${d}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Textarea
        label={t('desk.reason')}
        description={t('desk.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={1}
      />
      {decide.error && (
        <Alert color="red" role="alert">
          {errorText(decide.error)}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void submit()} loading={decide.busy}>
          {t('desk.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
