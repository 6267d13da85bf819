import {
  Alert,
  Badge,
  Button,
  FileButton,
  Grid,
  Group,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPrinter, IconRotate, IconSearch, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail, ApplicantSummary, ChecklistState, Decision } from '../../../../shared/contract/applicants';
import type { ApiError } from '../../../../shared/errors';
import { call } from '../../app/call';
import { errorText } from '../../app/errors';
import { notifyError, notifySuccess } from '../../app/notify';
import { Dialog } from '../../components/Dialog';
import { StatusBadge } from '../applicants/ApplicantsPage';
import { readFileAsBase64 } from '../plan/file';

const STATES: readonly ChecklistState[] = ['original', 'copy', 'missing', 'na'];
const STATE_COLORS: Record<ChecklistState, string> = { original: 'teal', copy: 'blue', missing: 'red', na: 'gray' };
const OUTCOME_COLORS = { pass: 'teal', warning: 'yellow', fail: 'red' } as const;

/** Prints the receipt HTML through a hidden iframe, kept in the page so what was printed can be checked. */
function printReceipt(html: string): void {
  let frame = document.getElementById('receipt-frame') as HTMLIFrameElement | null;
  if (!frame) {
    frame = document.createElement('iframe');
    frame.id = 'receipt-frame';
    frame.setAttribute('data-testid', 'receipt-frame');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    document.body.appendChild(frame);
  }
  const f = frame;
  f.onload = () => f.contentWindow?.print();
  f.srcdoc = html;
}

function Checklist({
  detail,
  states,
  onChange,
  cursor,
  setCursor,
}: {
  detail: ApplicantDetail;
  states: Record<string, ChecklistState>;
  onChange: (key: string, s: ChecklistState) => void;
  cursor: number;
  setCursor: (update: (c: number) => number) => void;
}) {
  const { t } = useTranslation();
  const items = detail.checklist;
  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'ArrowDown') setCursor((c) => Math.min(items.length - 1, c + 1));
    else if (e.key === 'ArrowUp') setCursor((c) => Math.max(0, c - 1));
    else if (/^[1-4]$/.test(e.key)) {
      const item = items[cursor];
      if (item) onChange(item.key, STATES[Number(e.key) - 1]!);
      setCursor((c) => Math.min(items.length - 1, c + 1));
    } else return;
    e.preventDefault();
  }
  return (
    <div
      tabIndex={0}
      role="listbox"
      aria-label={t('desk.checklist')}
      aria-activedescendant={`check-${items[cursor]?.key}`}
      onKeyDown={onKey}
      data-testid="checklist"
      style={{ outlineOffset: 2 }}
    >
      <Stack gap={4}>
        {items.map((item, i) => {
          const state = states[item.key] ?? item.state;
          return (
            <Group
              key={item.key}
              id={`check-${item.key}`}
              role="option"
              aria-selected={i === cursor}
              justify="space-between"
              px="xs"
              py={4}
              data-testid={`check-${item.key}`}
              data-state={state}
              style={{
                borderRadius: 4,
                background: i === cursor ? 'var(--mantine-color-blue-light)' : undefined,
                cursor: 'pointer',
              }}
              onClick={() => setCursor(() => i)}
            >
              <Text size="sm">
                {item.label}
                {item.required && (
                  <Text span c="dimmed" size="xs">
                    {' '}
                    · {t('desk.required')}
                  </Text>
                )}
              </Text>
              <Group gap={4}>
                {STATES.map((s, k) => (
                  <Badge
                    key={s}
                    variant={state === s ? 'filled' : 'outline'}
                    color={STATE_COLORS[s]}
                    style={{ cursor: 'pointer' }}
                    onClick={() => onChange(item.key, s)}
                  >
                    {k + 1} {t(`desk.states.${s}`)}
                  </Badge>
                ))}
              </Group>
            </Group>
          );
        })}
      </Stack>
    </div>
  );
}

function ApplicantPanel({
  detail,
  onChanged,
  onDone,
}: {
  detail: ApplicantDetail;
  onChanged: (d: ApplicantDetail) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [states, setStates] = useState<Record<string, ChecklistState>>({});
  const [decision, setDecision] = useState<Decision>('confirmed');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [reopening, setReopening] = useState(false);
  const [reopenReason, setReopenReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [cursor, setCursor] = useState(0);
  const checklistRef = useRef<HTMLDivElement>(null);
  const pending = detail.confirmation === 'pending' || detail.confirmation === 'returned';

  useEffect(() => {
    setStates({});
    setReason('');
    setError(null);
    setDecision('confirmed');
    setCursor(0);
    checklistRef.current?.querySelector<HTMLElement>('[data-testid="checklist"]')?.focus();
  }, [detail.id]);

  async function reload() {
    const r = await call('applicants.get', { id: detail.id });
    if (r.ok) onChanged(r.value);
  }

  async function submit() {
    if (decision !== 'confirmed' && reason.trim() === '')
      return setError({ code: 'CONFIRM_REASON_REQUIRED', message: t('desk.reasonRequired') });
    setBusy(true);
    const checklist = Object.fromEntries(detail.checklist.map((i) => [i.key, states[i.key] ?? i.state]));
    const r = await call('confirm.decide', {
      targets: [detail.id],
      decision,
      checklist,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    notifySuccess(t('desk.decided', { name: detail.name, decision: t(`desk.decisions.${decision}`) }));
    await reload();
    onDone();
  }

  async function print() {
    const r = await call('confirm.receipt', { id: detail.id });
    if (!r.ok) return notifyError(r.error);
    printReceipt(r.value.html);
  }

  async function reopen() {
    const r = await call('confirm.reopen', { id: detail.id, reason: reopenReason.trim() });
    if (!r.ok) return notifyError(r.error);
    setReopening(false);
    setReopenReason('');
    notifySuccess(t('desk.reopenDone', { name: detail.name }));
    onChanged(r.value);
  }

  async function upload(file: File | null, itemKey: string) {
    if (!file) return;
    const r = await call('attachments.add', {
      applicantId: detail.id,
      itemKey,
      fileName: file.name,
      contentBase64: await readFileAsBase64(file),
    });
    if (!r.ok) return notifyError(r.error);
    notifySuccess(t('desk.scanAdded'));
    await reload();
  }

  return (
    <Stack
      gap="sm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') document.getElementById('desk-search')?.focus();
        else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && pending) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <Paper withBorder p="sm">
        <Group justify="space-between">
          <Title order={3} data-testid="desk-name">
            {detail.name}
          </Title>
          <StatusBadge status={detail.confirmation} />
        </Group>
        <Table fz="sm" mt="xs" verticalSpacing={2} withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td c="dimmed">{detail.idType}</Table.Td>
              <Table.Td ff="monospace">{detail.idNumber}</Table.Td>
              <Table.Td c="dimmed">{t('applicants.phone')}</Table.Td>
              <Table.Td ff="monospace">{detail.phone}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">{t('applicants.category')}</Table.Td>
              <Table.Td>{detail.categoryName}</Table.Td>
              <Table.Td c="dimmed">{t('desk.choices')}</Table.Td>
              <Table.Td>
                {detail.choiceNames.join(' / ')}（{t('desk.adjustment')}：
                {detail.acceptsAdjustment ? t('desk.yes') : t('desk.no')}）
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">{t('applicants.fields.highestEducation')}</Table.Td>
              <Table.Td>
                {detail.highestEducation} {detail.highestDegree} {detail.school} {detail.major} {detail.graduationDate}
              </Table.Td>
              <Table.Td c="dimmed">{t('applicants.fields.employer')}</Table.Td>
              <Table.Td>{detail.employer ?? '—'}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {(detail.education.length > 1 || detail.work.length > 0) && (
          <Stack gap={2} mt="xs" data-testid="history">
            {detail.education.map((e, i) => (
              <Text size="xs" key={`e${i}`}>
                {t('desk.educationRow', {
                  from: e.from ?? '',
                  to: e.to ?? '',
                  school: e.school,
                  major: e.major,
                  level: e.level,
                  degree: e.degree ?? '',
                })}
                {e.fullTime === false ? ` · ${t('desk.partTime')}` : ''}
              </Text>
            ))}
            {detail.work.map((w, i) => (
              <Text size="xs" key={`w${i}`}>
                {t('desk.workRow', {
                  from: w.from ?? '',
                  to: w.to ?? '',
                  hospital: w.hospital,
                  department: w.department ?? '',
                  title: w.title ?? '',
                })}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>
      <Paper withBorder p="sm">
        <Text fw={600} mb={4}>
          {t('desk.eligibility')}
        </Text>
        <Stack gap={2} data-testid="eligibility">
          {/* Only what needs the clerk's attention; rules that pass are summarised in one line. */}
          {detail.eligibility
            .filter((e) => e.outcome !== 'pass')
            .map((e) => (
              <Group key={e.ruleId} gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={OUTCOME_COLORS[e.outcome]} variant="light" miw={60}>
                  {t(`desk.outcome.${e.outcome}`)}
                </Badge>
                <Text size="xs">{e.message}</Text>
              </Group>
            ))}
          {detail.eligibility.every((e) => e.outcome === 'pass') && (
            <Group gap="xs">
              <Badge color="teal" variant="light" miw={60}>
                {t('desk.outcome.pass')}
              </Badge>
              <Text size="xs" title={detail.eligibility.map((e) => e.message).join('\n')}>
                {t('desk.allPass', { count: detail.eligibility.length })}
              </Text>
            </Group>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="sm" ref={checklistRef}>
        <Group justify="space-between" mb={4}>
          <Text fw={600}>{t('desk.checklist')}</Text>
          <Text size="xs" c="dimmed">
            {t('desk.keyboardHint')}
          </Text>
        </Group>
        <Checklist
          detail={detail}
          states={states}
          cursor={cursor}
          setCursor={setCursor}
          onChange={(key, s) => setStates((m) => ({ ...m, [key]: s }))}
        />
        <Group mt="xs" gap="xs">
          <FileButton
            onChange={(f) => void upload(f, detail.checklist[cursor]?.key ?? 'id_card')}
            accept="image/jpeg,image/png,application/pdf"
          >
            {(props) => (
              <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} />}>
                {t('desk.uploadScan', { item: detail.checklist[cursor]?.label ?? '' })}
              </Button>
            )}
          </FileButton>
          {detail.attachments.map((a) => (
            <Badge key={a.id} variant="light" color={a.sensitive ? 'red' : 'gray'}>
              {a.itemKey} · {a.fileName}
              {a.sensitive ? ` · ${t('desk.sensitive')}` : ''}
            </Badge>
          ))}
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        {pending ? (
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
            {error && (
              <Alert color="red" role="alert">
                {errorText(error)}
              </Alert>
            )}
            <Group>
              <Button onClick={() => void submit()} loading={busy}>
                {t('desk.submit')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="xs">
            <Text data-testid="current-decision">
              {t('desk.currentDecision', {
                decision: t(`applicants.statuses.${detail.confirmation}`),
                by: detail.decidedBy ?? '',
                at: detail.decidedAt ? new Date(detail.decidedAt).toLocaleString() : '',
              })}
            </Text>
            {detail.decisionReason && <Text size="sm">{detail.decisionReason}</Text>}
          </Stack>
        )}
        {detail.confirmation !== 'pending' && (
          <Group mt="xs">
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void print()}>
              {t('desk.printReceipt')}
            </Button>
            <Button variant="subtle" color="orange" leftSection={<IconRotate size={16} />} onClick={() => setReopening(true)}>
              {t('desk.reopen')}
            </Button>
          </Group>
        )}
      </Paper>
      <Dialog opened={reopening} onClose={() => setReopening(false)} title={t('desk.reopenTitle')}>
        <Stack>
          <Text size="sm">{t('desk.reopenHint')}</Text>
          <Textarea
            label={t('desk.reopenReason')}
            value={reopenReason}
            onChange={(e) => setReopenReason(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button color="orange" disabled={reopenReason.trim() === ''} onClick={() => void reopen()}>
              {t('desk.reopen')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}

/** The confirmation desk: type-ahead search (focused on load), keyboard selection, checklist, decision, receipt. */
export function DeskPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ApplicantSummary[]>([]);
  const [active, setActive] = useState(0);
  const [detail, setDetail] = useState<ApplicantDetail | null>(null);
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Opened from the applicant list (#/desk?id=...): show that applicant; otherwise start at the search box.
    const id = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('id');
    if (id) void open({ id } as ApplicantSummary);
    else input.current?.focus();
  }, []);

  async function search(q: string) {
    setQuery(q);
    const mine = ++seq.current;
    if (q.trim() === '') return setResults([]);
    const r = await call('applicants.search', { query: q, limit: 20 });
    if (mine !== seq.current) return;
    if (r.ok) {
      setResults(r.value.results);
      setActive(0);
    }
  }

  async function open(a: ApplicantSummary | undefined) {
    if (!a) return;
    const r = await call('applicants.get', { id: a.id });
    if (!r.ok) return notifyError(r.error);
    setDetail(r.value);
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(results.length - 1, i + 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (e.key === 'Enter') void open(results[active]);
    else return;
    e.preventDefault();
  }

  return (
    <Stack>
      <Title order={2}>{t('desk.title')}</Title>
      <Grid>
        <Grid.Col span={4}>
          <Stack gap="xs">
            <TextInput
              id="desk-search"
              ref={input}
              label={t('desk.searchLabel')}
              placeholder={t('desk.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={query}
              onChange={(e) => void search(e.currentTarget.value)}
              onKeyDown={onKey}
              role="combobox"
              aria-expanded={results.length > 0}
              aria-controls="desk-results"
              aria-activedescendant={results[active] ? `result-${results[active].id}` : undefined}
              autoComplete="off"
            />
            <Paper withBorder>
              <Stack gap={0} id="desk-results" role="listbox" aria-label={t('desk.searchLabel')}>
                {query.trim() !== '' && results.length === 0 && (
                  <Text size="sm" c="dimmed" p="xs">
                    {t('desk.noResults')}
                  </Text>
                )}
                {results.map((a, i) => (
                  <Group
                    key={a.id}
                    id={`result-${a.id}`}
                    role="option"
                    aria-selected={i === active}
                    data-testid="desk-result"
                    justify="space-between"
                    p="xs"
                    style={{ cursor: 'pointer', background: i === active ? 'var(--mantine-color-blue-light)' : undefined }}
                    onClick={() => void open(a)}
                  >
                    <div>
                      <Text size="sm" fw={500}>
                        {a.name}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {a.idNumber} · {a.phone}
                      </Text>
                    </div>
                    <StatusBadge status={a.confirmation} />
                  </Group>
                ))}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={8}>
          {detail ? (
            <ApplicantPanel
              detail={detail}
              onChanged={setDetail}
              onDone={() => {
                setResults((rs) => rs.map((r) => (r.id === detail.id ? { ...r } : r)));
              }}
            />
          ) : (
            <Text c="dimmed">{t('desk.chooseApplicant')}</Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
