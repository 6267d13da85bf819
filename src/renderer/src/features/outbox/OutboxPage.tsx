import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconChevronDown,
  IconChevronRight,
  IconDownload,
  IconInfoCircle,
  IconPackage,
  IconRefresh,
  IconSend,
} from '@tabler/icons-react';
import { Fragment, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem, OutboxState } from '../../../../shared/contract/outbox';
import { call } from '../../app/call';
import { errorCodeLine, errorText } from '../../app/errors';
import { notifyError, notifySuccess } from '../../app/notify';
import { mutate, useMutation, useQuery } from '../../lib/query';
import { Dialog } from '../../components/Dialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { BuildProgressLine, useBuildProgress } from './BuildProgress';
import { ConnectivityBadge } from './ConnectivityBadge';
import { readableFileName, saveBase64, saveText } from '../../lib/download';
import { useKeyPassphrase } from './KeyPassphrase';
import { formatBytes, formatDateTime } from '../../lib/format';
import { useOutboxStatus } from './useOutboxStatus';

const STATE_COLOR: Record<OutboxState, string> = {
  queued: 'gray',
  uploading: 'blue',
  delivered: 'teal',
  failed: 'orange',
  rejected: 'red',
};

export function OutboxPage() {
  const { t } = useTranslation();
  const list = useQuery('outbox.list', {});
  const refreshList = list.refresh;
  const onStatusChange = useCallback(() => refreshList(), [refreshList]);
  const status = useOutboxStatus(4000, onStatusChange);
  const [pushing, setPushing] = useState(false);

  const push = async () => {
    setPushing(true);
    const r = await mutate('outbox.push', {});
    setPushing(false);
    list.refresh();
    if (!r.ok) return notifyError(r.error);
    const delivered = r.value.results.filter((x) => x.state === 'delivered').length;
    const failed = r.value.results.length - delivered;
    if (failed > 0) {
      const first = r.value.results.find((x) => x.state !== 'delivered')!;
      notifyError(
        { code: first.errorCode ?? 'OUTBOX_NOT_DELIVERED', message: first.message ?? '' },
        t('outbox.pushDone', { delivered, failed }),
      );
    } else notifySuccess(t('outbox.pushDone', { delivered, failed }));
  };

  const progressOf = (item: OutboxItem) => status?.items.find((i) => i.uuid === item.uuid)?.progress ?? item.progress;
  const sendable = (list.data ?? []).some((i) => i.state === 'queued' || i.state === 'failed' || i.state === 'uploading');

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t('outbox.nav')}</Title>
          <ConnectivityBadge value={status?.connectivity ?? null} />
        </Group>
        <Group>
          <ActionIcon variant="subtle" aria-label={t('common.retry')} onClick={() => list.refresh()}>
            <IconRefresh size={18} />
          </ActionIcon>
          <Button
            leftSection={<IconSend size={16} />}
            loading={pushing || status?.pushing}
            disabled={!sendable}
            onClick={() => void push()}
          >
            {pushing ? t('outbox.pushing') : t('outbox.push')}
          </Button>
        </Group>
      </Group>
      <EndpointForm current={status?.endpoint ?? null} />
      <BuildForm onBuilt={() => list.refresh()} />
      {list.error && <ErrorState error={list.error} onRetry={list.refresh} />}
      {!list.data && list.loading && <LoadingState />}
      {list.data && list.data.length === 0 && <EmptyState title={t('outbox.empty')} description={t('outbox.emptyHint')} />}
      {list.data && list.data.length > 0 && <OutboxTable items={list.data} progressOf={progressOf} onChanged={list.refresh} />}
      <Text size="sm" c="dimmed">
        <IconInfoCircle size={14} style={{ verticalAlign: -2 }} /> {t('outbox.keepNote')}
      </Text>
    </Stack>
  );
}

function EndpointForm({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(current ?? '');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched) setValue(current ?? '');
  }, [current, touched]);
  const save = async () => {
    const r = await mutate('outbox.setEndpoint', { url: value.trim() === '' ? null : value.trim() });
    if (!r.ok) return notifyError(r.error);
    setTouched(false);
    notifySuccess(t('outbox.endpointSaved'));
  };
  return (
    <Paper withBorder p="sm">
      <Group align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          label={t('outbox.endpoint')}
          placeholder={t('outbox.endpointPlaceholder')}
          value={value}
          onChange={(e) => {
            setTouched(true);
            setValue(e.currentTarget.value);
          }}
        />
        <Button variant="light" disabled={!touched} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </Group>
    </Paper>
  );
}

function BuildForm({ onBuilt }: { onBuilt: () => void }) {
  const { t } = useTranslation();
  const kinds = useQuery('package.kinds', {});
  const [kind, setKind] = useState<string | null>('confirmations');
  // Encrypted to the province by default once its key is imported (the core decides); this opts out.
  const [plain, setPlain] = useState(false);
  const buildPackage = useMutation('package.build');
  const passphrase = useKeyPassphrase();
  const tracker = useBuildProgress();
  const build = async () => {
    if (!kind) return;
    // Signing needs the key's passphrase where no keychain holds it (the served UI): asked for, then sent once.
    await passphrase.guard('sign', async (p) => {
      const progressId = tracker.start();
      const r = await buildPackage.run({
        kind: kind as 'confirmations',
        progressId,
        ...(plain ? { encryptToProvince: false } : {}),
        ...(p ? { passphrase: p } : {}),
      });
      tracker.stop();
      if (r.ok) {
        notifySuccess(t('outbox.build.done', { seq: r.value.sequence }));
        onBuilt();
      }
      return r;
    });
  };
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text fw={500}>{t('outbox.build.title')}</Text>
        <Group align="flex-end">
          <Select
            label={t('outbox.build.kind')}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
            data={(kinds.data ?? []).map((k) => ({
              value: k.kind,
              label: k.ready ? t(`outbox.kinds.${k.kind}`) : `${t(`outbox.kinds.${k.kind}`)}（${t('outbox.build.notReady')}）`,
              disabled: !k.ready,
            }))}
          />
          <Checkbox label={t('outbox.build.plain')} checked={plain} onChange={(e) => setPlain(e.currentTarget.checked)} mb={8} />
          <Button leftSection={<IconPackage size={16} />} loading={buildPackage.busy} onClick={() => void build()}>
            {t('outbox.build.submit')}
          </Button>
        </Group>
        <BuildProgressLine progress={tracker.progress} />
        {passphrase.dialog}
      </Stack>
    </Paper>
  );
}

function OutboxTable({
  items,
  progressOf,
  onChanged,
}: {
  items: OutboxItem[];
  progressOf: (i: OutboxItem) => { sent: number; total: number } | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [requeue, setRequeue] = useState<OutboxItem | null>(null);
  const download = async (item: OutboxItem) => {
    const r = await call('outbox.download', { uuid: item.uuid });
    if (!r.ok) return notifyError(r.error);
    // The outbox names files by uuid; a person's Downloads folder gets a name that says what the package is.
    const stored = r.value.fileName;
    const name = readableFileName(
      `${t('outbox.fileStem', { kind: t(`outbox.kinds.${item.kind}`), year: item.cohortYear, seq: item.sequence })}${stored.slice(stored.indexOf('.'))}`,
    );
    saveBase64(name, r.value.contentBase64);
    saveText(`${name}.sha512`, r.value.sidecar.replace(stored, name));
    notifySuccess(t('outbox.downloaded', { file: name }));
  };
  return (
    <Paper withBorder>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="outbox-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32} />
            <Table.Th>{t('outbox.columns.seq')}</Table.Th>
            <Table.Th>{t('outbox.columns.kind')}</Table.Th>
            <Table.Th>{t('outbox.columns.created')}</Table.Th>
            <Table.Th>{t('outbox.columns.records')}</Table.Th>
            <Table.Th>{t('outbox.columns.size')}</Table.Th>
            <Table.Th>{t('outbox.columns.state')}</Table.Th>
            <Table.Th>{t('outbox.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const progress = progressOf(item);
            const expanded = open === item.uuid;
            return (
              <Fragment key={item.uuid}>
                <Table.Tr data-testid={`outbox-row-${item.sequence}`}>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      aria-label={t('outbox.history')}
                      onClick={() => setOpen(expanded ? null : item.uuid)}
                    >
                      {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>#{item.sequence}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {t(`outbox.kinds.${item.kind}`, { defaultValue: item.kind })}
                      {item.encrypted && (
                        <Badge size="xs" variant="outline">
                          {t('outbox.encrypted')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
                  <Table.Td>
                    {Object.entries(item.recordCounts)
                      .map(([k, n]) => `${t(`outbox.recordTypes.${k}`, { defaultValue: k })} ${n}`)
                      .join(' · ')}
                  </Table.Td>
                  <Table.Td>{formatBytes(item.bytes)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Group gap={4}>
                        <Badge data-testid="state" color={STATE_COLOR[item.state]} variant="light">
                          {t(`outbox.states.${item.state}`)}
                        </Badge>
                        {item.attempts > 0 && (
                          <Text size="xs" c="dimmed">
                            {t('outbox.attempts', { n: item.attempts })}
                          </Text>
                        )}
                      </Group>
                      {progress && (
                        <Progress size="sm" value={progress.total ? (100 * progress.sent) / progress.total : 0} animated />
                      )}
                      {item.lastError && item.state !== 'delivered' && (
                        <Text
                          size="xs"
                          c={item.state === 'rejected' ? 'red' : 'orange'}
                          data-testid="last-error"
                          title={errorCodeLine(item.lastError)}
                        >
                          {errorText(item.lastError)}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('outbox.download')}>
                        <ActionIcon variant="light" aria-label={t('outbox.download')} onClick={() => void download(item)}>
                          <IconDownload size={16} />
                        </ActionIcon>
                      </Tooltip>
                      {item.state === 'rejected' && (
                        <Button size="compact-xs" variant="light" onClick={() => setRequeue(item)}>
                          {t('outbox.requeue')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={7}>
                      <Stack gap={2}>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {item.uuid} · SHA-512 {item.sha512.slice(0, 32)}… ·{' '}
                          {t('outbox.fingerprint', { fp: item.keyFingerprint })}
                        </Text>
                        {item.history.map((h, i) => (
                          <Text key={i} size="xs">
                            {formatDateTime(h.at)} · {h.actor} · {h.from ? t(`outbox.states.${h.from}`) : '—'} →{' '}
                            {t(`outbox.states.${h.to}`)}
                            {h.reason ? ` · ${h.reason}` : ''}
                            {h.errorCode ? ` · [${h.errorCode}]` : ''}
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      <RequeueDialog item={requeue} onClose={() => setRequeue(null)} onDone={onChanged} />
    </Paper>
  );
}

function RequeueDialog({ item, onClose, onDone }: { item: OutboxItem | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (!item) return;
    const r = await mutate('outbox.requeue', { uuid: item.uuid, reason });
    if (!r.ok) return notifyError(r.error);
    setReason('');
    onClose();
    onDone();
  };
  return (
    <Dialog opened={item !== null} onClose={onClose} title={t('outbox.requeue')}>
      <Stack>
        {item?.lastError && (
          <Alert color="red" variant="light">
            {errorText(item.lastError)}
            <Text size="xs" c="dimmed">
              {errorCodeLine(item.lastError)}
            </Text>
          </Alert>
        )}
        <TextInput label={t('outbox.requeueReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={reason.trim() === ''} onClick={() => void submit()}>
            {t('outbox.requeue')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
