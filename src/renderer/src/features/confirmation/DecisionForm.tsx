import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail, ChecklistState, Decision } from '../../../../shared/contract/applicants';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { useMutation } from '../../lib/query';
import { OverrideDialog } from './OverrideDialog';
import { ReasonField } from '../../components/ReasonField';

/**
 * 确认通过 / 退回补正 / 不予确认 with the checklist as marked. Only the items the clerk marked here are sent:
 * an item nobody looked at stays unrecorded (the core then refuses 确认通过 while a required one is open).
 * A failing eligibility rule makes 确认通过 go through the override dialog, which asks for the reason.
 * `submitRef` lets the panel's Ctrl+Enter submit from anywhere in it.
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
  const [overriding, setOverriding] = useState(false);
  const decide = useMutation('confirm.decide');
  const { setError } = decide;
  const failing = detail.eligibility.filter((e) => e.outcome === 'fail');
  const unreviewedOptional = detail.checklist.filter((i) => !i.required && !i.recorded && states[i.key] === undefined);

  useEffect(() => {
    setReason('');
    setDecision('confirmed');
    setOverriding(false);
    setError(null);
  }, [detail.id, setError]);

  async function send(override: string | null) {
    const r = await decide.run({
      targets: [detail.id],
      decision,
      checklist: states,
      ...(override !== null ? { overrideRules: true, reason: override } : reason.trim() ? { reason: reason.trim() } : {}),
    });
    if (!r.ok) return;
    setOverriding(false);
    notifySuccess(t('desk.decided', { name: detail.name, decision: t(`desk.decisions.${decision}`) }));
  }

  function submit() {
    if (decision !== 'confirmed' && reason.trim() === '')
      return decide.setError({ code: 'CONFIRM_REASON_REQUIRED', message: t('desk.reasonRequired') });
    if (decision === 'confirmed' && failing.length > 0) {
      setError(null);
      return setOverriding(true);
    }
    void send(null);
  }
  submitRef.current = submit;

  return (
    <Stack gap="xs">
      <Radio.Group label={t('desk.decision')} value={decision} onChange={(v) => setDecision(v as Decision)} name="decision">
        <Group mt={4}>
          {(['confirmed', 'returned', 'rejected'] as const).map((d) => (
            <Radio key={d} value={d} label={t(`desk.decisions.${d}`)} />
          ))}
        </Group>
      </Radio.Group>
      {decision === 'confirmed' && failing.length > 0 && (
        <Alert color="red" variant="light" data-testid="rules-failed">
          {t('desk.rulesFailed', { count: failing.length })}
        </Alert>
      )}
      {decision === 'confirmed' && unreviewedOptional.length > 0 && (
        <Text size="xs" c="orange.8" data-testid="unreviewed-optional">
          {t('desk.unreviewedOptional', {
            count: unreviewedOptional.length,
            items: unreviewedOptional.map((i) => i.label).join('、'),
          })}
        </Text>
      )}
      <ReasonField label={t('desk.reason')} description={t('desk.reasonHint')} value={reason} onChange={setReason} minRows={1} />
      {decide.error && !overriding && (
        <Alert color="red" role="alert">
          {errorText(decide.error)}
        </Alert>
      )}
      <Group>
        <Button onClick={submit} loading={decide.busy && !overriding}>
          {t('desk.submit')}
        </Button>
      </Group>
      <OverrideDialog
        key={detail.id}
        opened={overriding}
        failing={failing}
        busy={decide.busy}
        error={overriding ? decide.error : null}
        onClose={() => setOverriding(false)}
        onConfirm={(r) => void send(r)}
      />
    </Stack>
  );
}
