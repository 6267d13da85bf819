import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../shared/contract/outbox';
import { formatDateTime } from '../../lib/format';

/** The opened row: the package's identity (uuid, digest, key) and every state change with who and why. */
export function OutboxHistoryRow({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td />
      <Table.Td colSpan={7}>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" ff="monospace">
            {item.uuid} · SHA-512 {item.sha512.slice(0, 32)}… · {t('outbox.fingerprint', { fp: item.keyFingerprint })}
          </Text>
          {item.history.map((h, i) => (
            <Text key={i} size="xs">
              {formatDateTime(h.at)} · {h.actor} · {h.from ? t(`outbox.states.${h.from}`) : '—'} → {t(`outbox.states.${h.to}`)}
              {h.reason ? ` · ${h.reason}` : ''}
              {h.errorCode ? ` · [${h.errorCode}]` : ''}
            </Text>
          ))}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
