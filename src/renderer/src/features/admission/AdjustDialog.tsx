import { Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissionRunView, ProposalView } from '../../../../shared/contract/admission';
import { mutate } from '../../lib/query';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { useConsentedChange, type Consent } from './consent';

export function AdjustDialog({
  proposal,
  view,
  consent,
  onClose,
  onChanged,
}: {
  proposal: ProposalView | null;
  view: AdmissionRunView;
  consent: Consent;
  onClose: () => void;
  onChanged: (v: AdmissionRunView) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [over, setOver] = useState('');
  const { error, setError, busy, run } = useConsentedChange(consent);
  useEffect(() => {
    setCode(proposal?.specialtyCode ?? null);
    setReason('');
    setOver('');
    setError(null);
  }, [proposal, setError]);
  if (!proposal) return null;
  const target = proposal;
  const options = [
    ...new Map(view.unfilled.map((u) => [u.specialtyCode, `${u.specialtyCode} ${u.specialtyName}（${u.seatsLeft}）`])).entries(),
  ].map(([value, label]) => ({ value, label }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!code) return;
    const v = await run((c) =>
      mutate('admission.assignAdjustment', {
        applicantId: target.applicantId,
        specialtyCode: code,
        reason: reason.trim(),
        ...(over.trim() ? { overQuotaReason: over.trim() } : {}),
        ...(c ? { confirm: true } : {}),
      }),
    );
    if (v) {
      onChanged(v);
      onClose();
    }
  }
  return (
    <Dialog opened onClose={onClose} title={t('admission.proposals.dialog')}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Text size="sm">
            {proposal.name}（{proposal.idNumber}）· {proposal.total}
          </Text>
          <Select
            label={t('admission.proposals.specialty')}
            data={options}
            value={code}
            onChange={setCode}
            allowDeselect={false}
          />
          <Textarea
            label={t('admission.proposals.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
          />
          <TextInput label={t('admission.proposals.overQuota')} value={over} onChange={(e) => setOver(e.currentTarget.value)} />
          <FormFooter
            error={error}
            onCancel={onClose}
            busy={busy}
            submitLabel={t('admission.proposals.submit')}
            disabled={!code || reason.trim().length < 2}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
