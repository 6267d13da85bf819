import {
  Badge,
  Button,
  MultiSelect,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissionRunView, NotAdmittedRow, TrackingRow, TrainingYearRow } from '../../../../shared/contract/admission';
import type { ApiError, Result } from '../../../../shared/errors';
import { call } from '../../app/call';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { useApiQuery } from '../../app/useApiQuery';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { ErrorState, LoadingState } from '../../components/states';
import type { Consent } from './dialogs';

/** A small form in a dialog: the body renders the fields, submit returns the call's result. */
function FormDialog({
  title,
  opened,
  onClose,
  children,
  submit,
  submitLabel,
  canSubmit = true,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  children: ReactNode;
  submit: () => Promise<Result<unknown>>;
  submitLabel?: string;
  canSubmit?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await submit();
    setBusy(false);
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    notifySuccess(title);
    onClose();
  }
  return (
    <Dialog opened={opened} onClose={onClose} title={title}>
      <form onSubmit={(e) => void onSubmit(e)}>
        <Stack>
          {children}
          <FormFooter error={error} onCancel={onClose} busy={busy} submitLabel={submitLabel} disabled={!canSubmit} />
        </Stack>
      </form>
    </Dialog>
  );
}

/** A scrolling follow-up list with these column heads, and an empty head over the row actions when there are actions. */
function FollowupTable({
  label,
  head,
  actions,
  children,
}: {
  label: string;
  head: string[];
  actions: boolean;
  children: ReactNode;
}) {
  return (
    <ScrollArea type="auto">
      <Table striped verticalSpacing={6} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              <Table.Th key={i}>{h}</Table.Th>
            ))}
            {actions && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

export function NotAdmittedTab({ view, editable }: { view: AdmissionRunView; editable: boolean }) {
  const { t } = useTranslation();
  const [second, setSecond] = useState<NotAdmittedRow | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const secondWindow = editable ? view.secondWindowChoices : null;
  const openOptions = [
    ...new Map(view.unfilled.map((u) => [u.specialtyCode, `${u.specialtyCode} ${u.specialtyName}（${u.seatsLeft}）`])).entries(),
  ].map(([value, label]) => ({ value, label }));
  const color: Record<NotAdmittedRow['code'], string> = {
    INELIGIBLE: 'gray',
    DECLINED: 'red',
    NO_SEAT: 'blue',
    AWAITING_TIE: 'orange',
  };
  return (
    <Paper withBorder>
      <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto">
        <Table striped stickyHeader verticalSpacing={6} aria-label={t('admission.tabs.notAdmitted')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>{t('admission.table.name')}</Table.Th>
              <Table.Th w={190}>{t('admission.table.idNumber')}</Table.Th>
              <Table.Th w={80}>{t('admission.table.total')}</Table.Th>
              <Table.Th w={120}>{t('admission.table.status')}</Table.Th>
              <Table.Th>{t('admission.table.why')}</Table.Th>
              {secondWindow !== null && <Table.Th w={90} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.notAdmitted.map((n) => (
              <Table.Tr key={n.applicantId} data-testid={`not-admitted-${n.applicantId}`}>
                <Table.Td>{n.name}</Table.Td>
                <Table.Td ff="monospace">{n.idNumber}</Table.Td>
                <Table.Td>{n.total ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={color[n.code]} variant="light">
                    {t(`admission.notAdmittedCodes.${n.code}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{n.message}</Text>
                </Table.Td>
                {secondWindow !== null && (
                  <Table.Td>
                    {n.code === 'NO_SEAT' && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => {
                          setSecond(n);
                          setCodes([]);
                        }}
                      >
                        {t('admission.second.button')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <FormDialog
        title={t('admission.second.dialog')}
        opened={second !== null}
        onClose={() => setSecond(null)}
        canSubmit={codes.length > 0}
        submit={() => call('admission.setSecondChoices', { applicantId: second?.applicantId ?? '', choices: codes })}
      >
        <Text size="sm">{second?.name}</Text>
        <Text size="xs" c="dimmed">
          {t('admission.second.hint', { count: secondWindow ?? 0 })}
        </Text>
        <MultiSelect
          label={t('admission.second.choices')}
          data={openOptions}
          value={codes}
          onChange={setCodes}
          maxValues={secondWindow ?? 2}
        />
      </FormDialog>
    </Paper>
  );
}

export function TrainingYearsTab({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const q = useApiQuery('admission.trainingYears', {});
  const [dialog, setDialog] = useState<{ kind: 'request' | 'decide' | 'province'; row: TrainingYearRow } | null>(null);
  const [years, setYears] = useState('1');
  const [docs, setDocs] = useState('');
  const [approve, setApprove] = useState('approve');
  const [reason, setReason] = useState('');
  const open = (kind: 'request' | 'decide' | 'province', row: TrainingYearRow) => {
    setDialog({ kind, row });
    setYears(String(row.requested || 1));
    setDocs('');
    setApprove('approve');
    setReason('');
  };
  if (q.error) return <ErrorState error={q.error} onRetry={q.refresh} />;
  if (!q.data) return <LoadingState />;
  const close = () => {
    setDialog(null);
    q.refresh();
  };
  const id = dialog?.row.applicantId ?? '';
  return (
    <Paper withBorder>
      <FollowupTable
        label={t('admission.tabs.years')}
        head={[
          t('admission.table.name'),
          t('admission.table.specialty'),
          t('admission.years.program'),
          t('admission.years.default'),
          t('admission.years.requested'),
          t('admission.years.status'),
          t('admission.years.decided'),
        ]}
        actions={editable}
      >
        {q.data.map((r) => (
          <Table.Tr key={r.applicantId} data-testid={`years-${r.applicantId}`}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td>{r.specialtyName}</Table.Td>
            <Table.Td>{t(`programs.${r.program}`)}</Table.Td>
            <Table.Td>{t('admission.years.yearsValue', { years: r.defaultYears })}</Table.Td>
            <Table.Td>{r.requested ? t('admission.years.yearsValue', { years: r.requested }) : '—'}</Table.Td>
            <Table.Td>
              <Text size="sm">{t(`admission.years.statuses.${r.status}`)}</Text>
              {r.warning && (
                <Text size="xs" c="orange">
                  {r.warning}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {t('admission.years.yearsValue', { years: r.decidedYears })}
              {!r.final && ` ${t('admission.years.pendingProvince')}`}
            </Table.Td>
            {editable && (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {r.program === 'residency' && (
                    <Button size="compact-xs" variant="subtle" onClick={() => open('request', r)}>
                      {t('admission.years.request')}
                    </Button>
                  )}
                  {r.requested > 0 && (
                    <Button size="compact-xs" variant="subtle" onClick={() => open('decide', r)}>
                      {t('admission.years.decide')}
                    </Button>
                  )}
                  {(r.status === 'base-approved' || r.status.startsWith('province')) && (
                    <Button size="compact-xs" variant="subtle" onClick={() => open('province', r)}>
                      {t('admission.years.province')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </FollowupTable>
      <FormDialog
        title={t('admission.years.requestDialog')}
        opened={dialog?.kind === 'request'}
        onClose={close}
        canSubmit={docs.trim() !== ''}
        submit={() =>
          call('admission.requestReduction', {
            applicantId: id,
            years: years === '2' ? 2 : 1,
            documents: docs
              .split('\n')
              .map((d) => d.trim())
              .filter((d) => d !== ''),
          })
        }
      >
        <SegmentedControl
          value={years}
          onChange={setYears}
          data={['1', '2'].map((y) => ({ value: y, label: t('admission.years.yearsValue', { years: y }) }))}
        />
        <Textarea
          label={t('admission.years.documents')}
          value={docs}
          onChange={(e) => setDocs(e.currentTarget.value)}
          autosize
          minRows={3}
        />
      </FormDialog>
      <FormDialog
        title={t('admission.years.decideDialog')}
        opened={dialog?.kind === 'decide'}
        onClose={close}
        canSubmit={reason.trim().length >= 2}
        submit={() =>
          call('admission.decideReduction', {
            applicantId: id,
            approve: approve === 'approve',
            years: years === '2' ? 2 : 1,
            reason: reason.trim(),
          })
        }
      >
        <SegmentedControl
          value={approve}
          onChange={setApprove}
          data={[
            { value: 'approve', label: t('admission.years.approve') },
            { value: 'reject', label: t('admission.years.reject') },
          ]}
        />
        {approve === 'approve' && (
          <SegmentedControl
            value={years}
            onChange={setYears}
            data={['1', '2'].map((y) => ({ value: y, label: t('admission.years.yearsValue', { years: y }) }))}
          />
        )}
        <Textarea
          label={t('admission.years.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
        />
      </FormDialog>
      <FormDialog
        title={t('admission.years.provinceDialog')}
        opened={dialog?.kind === 'province'}
        onClose={close}
        submit={() =>
          call('admission.recordProvinceReview', {
            applicantId: id,
            outcome: approve === 'approve' ? 'approved' : 'rejected',
            ...(reason.trim() ? { note: reason.trim() } : {}),
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
        <TextInput label={t('admission.years.provinceNote')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </FormDialog>
    </Paper>
  );
}

export function TrackingTab({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const q = useApiQuery('admission.tracking', {});
  const [dialog, setDialog] = useState<{ kind: 'report' | 'contract'; row: TrackingRow } | null>(null);
  const [date, setDate] = useState('');
  if (q.error) return <ErrorState error={q.error} onRetry={q.refresh} />;
  if (!q.data) return <LoadingState />;
  const color: Record<TrackingRow['status'], string> = {
    'not-reported': 'gray',
    'awaiting-contract': 'blue',
    overdue: 'red',
    signed: 'teal',
    'signed-late': 'orange',
  };
  const open = (kind: 'report' | 'contract', row: TrackingRow) => {
    setDialog({ kind, row });
    setDate(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  };
  const close = () => {
    setDialog(null);
    q.refresh();
  };
  return (
    <Paper withBorder>
      {q.data[0]?.deadlineDays === null && (
        <Text size="sm" c="dimmed" p="sm">
          {t('admission.tracking.noDeadline')}
        </Text>
      )}
      <FollowupTable
        label={t('admission.tabs.tracking')}
        head={[
          t('admission.table.name'),
          t('admission.table.specialty'),
          t('admission.tracking.reportedOn'),
          t('admission.tracking.deadline'),
          t('admission.tracking.contractOn'),
          t('admission.tracking.status'),
        ]}
        actions={editable}
      >
        {q.data.map((r) => (
          <Table.Tr key={r.applicantId} data-testid={`tracking-${r.applicantId}`}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td>{r.specialtyName}</Table.Td>
            <Table.Td>{r.reportedOn ?? '—'}</Table.Td>
            <Table.Td>
              {r.deadline ?? '—'}
              {r.daysLeft !== null && r.daysLeft >= 0 && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {t('admission.tracking.daysLeft', { days: r.daysLeft })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{r.contractSignedOn ?? '—'}</Table.Td>
            <Table.Td>
              <Badge color={color[r.status]} variant="light">
                {t(`admission.tracking.statuses.${r.status}`)}
              </Badge>
            </Table.Td>
            {editable && (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="subtle" onClick={() => open('report', r)}>
                    {t('admission.tracking.report')}
                  </Button>
                  {r.reportedOn && (
                    <Button size="compact-xs" variant="subtle" onClick={() => open('contract', r)}>
                      {t('admission.tracking.contract')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </FollowupTable>
      <FormDialog
        title={dialog?.kind === 'contract' ? t('admission.tracking.contract') : t('admission.tracking.report')}
        opened={dialog !== null}
        onClose={close}
        submit={() =>
          dialog?.kind === 'contract'
            ? call('admission.recordContract', { applicantId: dialog.row.applicantId, date })
            : call('admission.recordReportIn', { applicantId: dialog?.row.applicantId ?? '', date })
        }
      >
        <Text size="sm">{dialog?.row.name}</Text>
        <TextInput
          label={t('admission.tracking.date')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          placeholder="YYYY-MM-DD"
        />
      </FormDialog>
    </Paper>
  );
}

export function DecisionsTab({
  editable,
  consent,
  onChanged,
}: {
  editable: boolean;
  consent: Consent;
  onChanged: (v: AdmissionRunView) => void;
}) {
  const { t } = useTranslation();
  const q = useApiQuery('admission.decisions', {});
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (q.error) return <ErrorState error={q.error} onRetry={q.refresh} />;
  if (!q.data) return <LoadingState />;
  async function revoke(e: FormEvent) {
    e.preventDefault();
    if (!revoking) return;
    const decisionId = revoking;
    const v = await consent((c) =>
      call('admission.revokeDecision', { decisionId, reason: reason.trim(), ...(c ? { confirm: true } : {}) }),
    ).catch((err: ApiError) => {
      setError(errorText(err));
      return null;
    });
    if (v) {
      onChanged(v);
      setRevoking(null);
      q.refresh();
    }
  }
  return (
    <Paper withBorder>
      <Table striped verticalSpacing={6} aria-label={t('admission.tabs.decisions')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admission.decisions.at')}</Table.Th>
            <Table.Th>{t('admission.decisions.kind')}</Table.Th>
            <Table.Th>{t('admission.decisions.summary')}</Table.Th>
            <Table.Th>{t('admission.decisions.reason')}</Table.Th>
            <Table.Th>{t('admission.decisions.by')}</Table.Th>
            {editable && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.map((d) => (
            <Table.Tr key={d.id} opacity={d.revokedAt ? 0.5 : 1}>
              <Table.Td>{d.createdAt.slice(0, 16).replace('T', ' ')}</Table.Td>
              <Table.Td>{t(`admission.decisionKinds.${d.kind}`)}</Table.Td>
              <Table.Td>{d.summary}</Table.Td>
              <Table.Td>
                {d.reason}
                {d.revokedAt && (
                  <Text size="xs" c="dimmed">
                    {t('admission.decisions.revoked')}：{d.revokeReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{d.createdBy}</Table.Td>
              {editable && (
                <Table.Td>
                  {!d.revokedAt && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => {
                        setRevoking(d.id);
                        setReason('');
                        setError(null);
                      }}
                    >
                      {t('admission.decisions.revoke')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Dialog opened={revoking !== null} onClose={() => setRevoking(null)} title={t('admission.decisions.revoke')}>
        <form onSubmit={(e) => void revoke(e)}>
          <Stack>
            <Textarea
              label={t('admission.decisions.revokeReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            {error && (
              <Text c="red" size="sm">
                {error}
              </Text>
            )}
            <Group justify="flex-end">
              <Button type="submit" color="red" disabled={reason.trim().length < 2}>
                {t('admission.decisions.revoke')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </Paper>
  );
}
