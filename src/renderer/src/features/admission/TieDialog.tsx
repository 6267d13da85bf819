import { Checkbox, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissionRunView, TieView } from '../../../../shared/contract/admission';
import { mutate } from '../../lib/query';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { useConsentedChange, type Consent } from './consent';

export function TieDialog({
  tie,
  consent,
  onClose,
  onChanged,
}: {
  tie: TieView | null;
  consent: Consent;
  onClose: () => void;
  onChanged: (v: AdmissionRunView) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const [overflow, setOverflow] = useState(false);
  const [reason, setReason] = useState('');
  const { error, setError, busy, run } = useConsentedChange(consent);
  useEffect(() => {
    setChosen([]);
    setOverflow(false);
    setReason('');
    setError(null);
  }, [tie, setError]);
  if (!tie) return null;
  const current = tie;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (chosen.length === 0) return setError(t('admission.ties.chooseSome'));
    if (chosen.length > current.seatsLeft && !overflow) return setError(t('admission.ties.needOverflow'));
    const v = await run((c) =>
      mutate('admission.resolveTie', {
        round: current.round,
        specialtyCode: current.specialtyCode,
        category: current.category,
        admit: chosen,
        ...(overflow ? { overflowApproved: true } : {}),
        reason: reason.trim(),
        ...(c ? { confirm: true } : {}),
      }),
    );
    if (v) {
      onChanged(v);
      onClose();
    }
  }
  return (
    <Dialog opened onClose={onClose} title={t('admission.ties.dialog')} size="lg">
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Text size="sm">
            {tie.specialtyCode} {tie.specialtyName}
            {tie.category ? `（${tie.category}）` : ''} · {t(`admission.rounds.${tie.round}`)} · {tie.total}
          </Text>
          <Text size="sm" c="dimmed">
            {t('admission.ties.hint', { seats: tie.seatsLeft })}
          </Text>
          <Checkbox.Group value={chosen} onChange={setChosen}>
            <Stack gap="xs">
              {tie.applicants.map((p) => (
                <Checkbox key={p.applicantId} value={p.applicantId} label={`${p.name}（${p.idNumber}）`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Checkbox
            checked={overflow}
            onChange={(e) => setOverflow(e.currentTarget.checked)}
            label={t('admission.ties.overflow')}
            color="orange"
          />
          <Textarea
            label={t('admission.ties.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
          />
          <FormFooter
            error={error}
            onCancel={onClose}
            busy={busy}
            submitLabel={t('admission.ties.submit')}
            disabled={reason.trim().length < 2}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
