import { Alert, Checkbox, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AdmissionRunView,
  AdmittedRow,
  ProposalView,
  PublicationView,
  TieView,
} from '../../../../shared/contract/admission';
import type { ApiError, Result } from '../../../../shared/errors';
import { call } from '../../app/call';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';

/** Runs a change; when the list is already published, asks for confirmation and a reason, then retries. */
export type Consent = (
  attempt: (confirm: { confirm: true; reason: string } | null) => Promise<Result<AdmissionRunView>>,
) => Promise<AdmissionRunView | null>;

/** Busy and error state of a dialog whose change goes through `consent`; `run` gives the new view, or null once the error is shown. */
function useConsentedChange(consent: Consent) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(attempt: Parameters<Consent>[0]): Promise<AdmissionRunView | null> {
    setBusy(true);
    const v = await consent(attempt).catch((err: ApiError) => {
      setError(errorText(err));
      return null;
    });
    setBusy(false);
    return v;
  }
  return { error, setError, busy, run };
}

export function RerunConfirmDialog({
  request,
  onDone,
}: {
  request: { error: ApiError; retry: (reason: string) => Promise<ApiError | null>; cancel: () => void } | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [request]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!request) return;
    setBusy(true);
    const failed = await request.retry(reason.trim());
    setBusy(false);
    if (failed) return setError(errorText(failed));
    onDone();
  }
  return (
    <Dialog opened={request !== null} onClose={() => request?.cancel()} title={t('admission.rerunConfirm.title')}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Alert color="orange" variant="light">
            {request ? errorText(request.error) : ''}
          </Alert>
          <Textarea
            label={t('admission.rerunConfirm.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
          />
          {error && (
            <Text c="red" size="sm">
              {error}
            </Text>
          )}
          <FormFooter
            onCancel={() => request?.cancel()}
            busy={busy}
            submitLabel={t('admission.rerunConfirm.submit')}
            color="orange"
            disabled={reason.trim().length < 2}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

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
      call('admission.resolveTie', {
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

export function DeclineDialog({
  row,
  consent,
  onClose,
  onChanged,
}: {
  row: AdmittedRow | null;
  consent: Consent;
  onClose: () => void;
  onChanged: (v: AdmissionRunView) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { error, setError, busy, run } = useConsentedChange(consent);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [row, setError]);
  if (!row) return null;
  const target = row;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = await run((c) =>
      call('admission.decline', {
        applicantId: target.applicantId,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(c ? { confirm: true } : {}),
      }),
    );
    if (v) {
      onChanged(v);
      notifySuccess(t('admission.decline.done', { name: target.name }));
      onClose();
    }
  }
  return (
    <Dialog opened onClose={onClose} title={t('admission.decline.dialog')}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Text size="sm">{t('admission.decline.hint', { name: `${row.name}（${row.idNumber}）` })}</Text>
          <TextInput label={t('admission.decline.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <FormFooter error={error} onCancel={onClose} busy={busy} submitLabel={t('admission.decline.submit')} color="red" />
        </Stack>
      </form>
    </Dialog>
  );
}

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
      call('admission.assignAdjustment', {
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

function todayCst(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function PublishDialog({
  opened,
  onClose,
  onPublished,
}: {
  opened: boolean;
  onClose: () => void;
  onPublished: (p: PublicationView) => void;
}) {
  const { t } = useTranslation();
  const [start, setStart] = useState(todayCst());
  const [days, setDays] = useState<number | string>(3);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) {
      setStart(todayCst());
      setDays(3);
      setNote('');
      setError(null);
    }
  }, [opened]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await call('admission.publish', {
      startDate: start,
      days: Number(days),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(errorText(r.error));
    notifySuccess(t('admission.publishDialog.done', { start: r.value.startDate, end: r.value.endDate }));
    onPublished(r.value);
    onClose();
  }
  return (
    <Dialog opened={opened} onClose={onClose} title={t('admission.publishDialog.title')}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('admission.publishDialog.hint')}
          </Text>
          <TextInput
            label={t('admission.publishDialog.start')}
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            placeholder="YYYY-MM-DD"
            required
          />
          <NumberInput label={t('admission.publishDialog.days')} value={days} onChange={setDays} min={1} max={30} />
          <TextInput label={t('admission.publishDialog.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <FormFooter error={error} onCancel={onClose} busy={busy} submitLabel={t('admission.publishDialog.submit')} />
        </Stack>
      </form>
    </Dialog>
  );
}
