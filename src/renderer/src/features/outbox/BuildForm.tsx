import { Button, Checkbox, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../app/notify';
import { useMutation, useQuery } from '../../lib/query';
import { BuildProgressLine, useBuildProgress } from './BuildProgress';
import { useKeyPassphrase } from './KeyPassphrase';

/** Build one package of a chosen kind into the outbox (signed; encrypted to the province unless opted out). */
export function BuildForm({ onBuilt }: { onBuilt: () => void }) {
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
