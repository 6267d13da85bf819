import { Alert, Button, FileInput, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconFileZip, IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyOutcome } from '../../../../shared/contract/outbox';
import { call } from '../../app/call';
import { notifyError } from '../../app/notify';
import { readFileAsBase64 } from '../../lib/file';
import { errorCodeLine, errorText } from '../../app/errors';

export function VerifyPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [pubkey, setPubkey] = useState('');
  const [identity, setIdentity] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyOutcome | null>(null);
  const verify = async () => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    const contentBase64 = await readFileAsBase64(file);
    const r = await call('package.verify', {
      fileName: file.name,
      contentBase64,
      ...(pubkey.trim() ? { pubkey } : {}),
      ...(identity.trim() ? { identity: identity.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) return notifyError(r.error);
    setResult(r.value);
  };
  return (
    <Stack>
      <Title order={2}>{t('outbox.verifyNav')}</Title>
      <Text c="dimmed">{t('verify.hint')}</Text>
      <Paper withBorder p="md">
        <Stack>
          <FileInput label={t('verify.file')} leftSection={<IconFileZip size={16} />} value={file} onChange={setFile} clearable />
          <Textarea
            label={t('verify.pubkey')}
            autosize
            minRows={2}
            value={pubkey}
            onChange={(e) => setPubkey(e.currentTarget.value)}
          />
          <Textarea
            label={t('verify.identity')}
            autosize
            minRows={1}
            value={identity}
            onChange={(e) => setIdentity(e.currentTarget.value)}
          />
          <Group>
            <Button loading={busy} disabled={!file} onClick={() => void verify()}>
              {t('verify.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {result?.ok && (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('verify.ok')} data-testid="verify-result">
          <Stack gap={4}>
            <Text size="sm">
              {t('verify.okDetail', {
                base: result.baseName,
                code: result.baseCode,
                kind: t(`outbox.kinds.${result.kind}`, { defaultValue: result.kind }),
                seq: result.sequence,
                date: result.baggingDate,
                files: result.files,
              })}
            </Text>
            <Text size="xs" ff="monospace">
              {result.uuid} · {result.keyFingerprint}
            </Text>
            {result.duplicate && <Text size="sm">{t('verify.duplicate')}</Text>}
            {result.recorded && <Text size="sm">{t('verify.recorded')}</Text>}
          </Stack>
        </Alert>
      )}
      {result && !result.ok && (
        <Alert color="red" icon={<IconShieldX size={18} />} title={t('verify.failed')} data-testid="verify-result">
          <List size="sm">
            {result.errors.map((e, i) => (
              <List.Item key={i} title={errorCodeLine(e)}>
                {errorText(e)}
                {e.file ? ` · ${e.file}` : ''}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
