import { Button, Code, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconDownload, IconKey, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeysView } from '../../../../shared/contract/outbox';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { mutate, useQuery } from '../../lib/query';
import { Dialog } from '../../components/Dialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { readableFileName, saveText } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../app/session';
import { useKeyPassphrase } from './KeyPassphrase';

export function KeysPage() {
  const { t } = useTranslation();
  const keys = useQuery('keys.show', {});
  const [busy, setBusy] = useState(false);
  const [rotating, setRotating] = useState(false);
  const dataDir = useSession((s) => s.status?.dataDir ?? '');
  const passphrase = useKeyPassphrase();
  const apply = (
    r: { ok: true; value: KeysView } | { ok: false; error: { code: string; message: string } },
    done?: string,
  ): boolean => {
    if (!r.ok) {
      notifyError(r.error);
      return false;
    }
    keys.setData(r.value);
    if (done) notifySuccess(done);
    return true;
  };
  const generate = async () => {
    setBusy(true);
    await passphrase.guard('new', async (p) => {
      const r = await mutate('keys.init', p ? { passphrase: p } : {});
      if (r.ok) apply(r, t('keys.generated'));
      return r;
    });
    setBusy(false);
  };
  const rotate = (reason: string) =>
    passphrase.guard('new', async (p) => {
      const r = await mutate('keys.rotate', { reason, ...(p ? { passphrase: p } : {}) });
      if (r.ok) apply(r, t('keys.rotated'));
      return r;
    });
  const exportPublic = async () => {
    const r = await call('keys.exportPublic', {});
    if (!r.ok) return notifyError(r.error);
    saveText(readableFileName(r.value.fileName), r.value.text);
  };
  const k = keys.data;
  return (
    <Stack>
      <Title order={2}>{t('outbox.keysNav')}</Title>
      {keys.error && <ErrorState error={keys.error} onRetry={keys.refresh} />}
      {!k && keys.loading && <LoadingState />}
      {k && (
        <>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Text fw={500}>{t('keys.active')}</Text>
              {!k.active ? (
                <EmptyState
                  icon={<IconKey size={28} />}
                  title={t('keys.none')}
                  description={`${t('keys.noneHint')}${k.protector === null ? t('keys.noneHintPassphrase') : ''}`}
                  action={
                    <Button loading={busy} onClick={() => void generate()}>
                      {t('keys.generate')}
                    </Button>
                  }
                />
              ) : (
                <>
                  <Group>
                    <Text>{t('keys.fingerprint')}</Text>
                    <Code data-testid="fingerprint" fz="md">
                      {k.active.fingerprint}
                    </Code>
                    <Text size="sm" c="dimmed">
                      {t('keys.created', { at: formatDateTime(k.active.createdAt) })} ·{' '}
                      {t('keys.sealed', {
                        how: k.active.sealedWith.map((s) => t(`keys.schemes.${s}`, { defaultValue: s })).join('、'),
                      })}
                    </Text>
                  </Group>
                  <Text size="sm" c="dimmed" data-testid="key-storage">
                    {k.active.sealedWith.includes('passphrase-scrypt')
                      ? t('keys.keptPassphrase', { dir: dataDir })
                      : t('keys.keptKeychain', { dir: dataDir })}
                  </Text>
                  <Code block>{k.active.publicKeyMinisign}</Code>
                  <Group>
                    <Button leftSection={<IconDownload size={16} />} onClick={() => void exportPublic()}>
                      {t('keys.exportPublic')}
                    </Button>
                    <Button
                      variant="light"
                      color="orange"
                      leftSection={<IconRefresh size={16} />}
                      onClick={() => setRotating(true)}
                    >
                      {t('keys.rotate')}
                    </Button>
                  </Group>
                </>
              )}
              {k.retired.length > 0 && (
                <>
                  <Text size="sm" fw={500} mt="sm">
                    {t('keys.retired')}
                  </Text>
                  {k.retired.map((r) => (
                    <Text size="sm" key={r.keyId}>
                      <Code>{r.fingerprint}</Code> {formatDateTime(r.createdAt)} –{' '}
                      {r.retiredAt ? formatDateTime(r.retiredAt) : ''}
                    </Text>
                  ))}
                </>
              )}
            </Stack>
          </Paper>
          <RecipientForm current={k.provinceRecipient} onSaved={(v) => apply({ ok: true, value: v }, t('keys.provinceSaved'))} />
          <TrustedKeys view={k} onChanged={(v) => apply({ ok: true, value: v })} />
          <RotateDialog opened={rotating} onClose={() => setRotating(false)} onRotate={rotate} />
          {passphrase.dialog}
        </>
      )}
    </Stack>
  );
}

function RecipientForm({ current, onSaved }: { current: string | null; onSaved: (v: KeysView) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const save = async () => {
    const r = await mutate('keys.setRecipient', { recipient: value, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    if (!r.ok) return notifyError(r.error);
    setValue('');
    setReason('');
    onSaved(r.value);
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={500}>{t('keys.province')}</Text>
        <Text
          size="sm"
          ff="monospace"
          data-testid="province-recipient"
          c={current ? undefined : 'dimmed'}
          style={{ wordBreak: 'break-all' }}
        >
          {current ?? t('keys.provinceNone')}
        </Text>
        <Group align="flex-end">
          <TextInput
            style={{ flex: 2 }}
            label={t('keys.provinceInput')}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
          {current && (
            <TextInput
              style={{ flex: 1 }}
              label={t('keys.provinceReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
          <Button variant="light" disabled={value.trim() === ''} onClick={() => void save()}>
            {t('keys.provinceImport')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function TrustedKeys({ view, onChanged }: { view: KeysView; onChanged: (v: KeysView) => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [text, setText] = useState('');
  const add = async () => {
    const r = await mutate('keys.trust', { publicKey: text, label });
    if (!r.ok) return notifyError(r.error);
    setLabel('');
    setText('');
    onChanged(r.value);
  };
  const remove = async (keyId: string) => {
    const r = await mutate('keys.untrust', { keyId });
    if (!r.ok) return notifyError(r.error);
    onChanged(r.value);
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={500}>{t('keys.trusted')}</Text>
        {view.trusted.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('keys.trustedNone')}
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {view.trusted.map((k) => (
                <Table.Tr key={k.keyId}>
                  <Table.Td>{k.label}</Table.Td>
                  <Table.Td>
                    <Code>{k.fingerprint}</Code>
                  </Table.Td>
                  <Table.Td>{formatDateTime(k.addedAt)}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(k.keyId)}>
                      {t('keys.untrust')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-end">
          <TextInput label={t('keys.trustLabel')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
          <Textarea
            style={{ flex: 1 }}
            autosize
            minRows={2}
            label={t('keys.trustKey')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Button variant="light" disabled={!label.trim() || !text.trim()} onClick={() => void add()}>
            {t('keys.trustAdd')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Collects the reason; the rotation itself (and the new key's passphrase, when asked) follows on close. */
function RotateDialog({
  opened,
  onClose,
  onRotate,
}: {
  opened: boolean;
  onClose: () => void;
  onRotate: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = () => {
    const r = reason.trim();
    setReason('');
    onClose();
    void onRotate(r);
  };
  return (
    <Dialog opened={opened} onClose={onClose} title={t('keys.rotateTitle')}>
      <Stack>
        <Text size="sm">{t('keys.rotateHint')}</Text>
        <TextInput label={t('keys.rotateReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" disabled={!reason.trim()} onClick={submit}>
            {t('keys.rotate')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
