import { ActionIcon, Badge, Button, Group, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem, OutboxState } from '../../../../shared/contract/outbox';
import { errorCodeLine, errorText } from '../../app/errors';
import { formatBytes, formatDateTime } from '../../lib/format';

export type UploadProgress = { sent: number; total: number };

const STATE_COLOR: Record<OutboxState, string> = {
  queued: 'gray',
  uploading: 'blue',
  delivered: 'teal',
  failed: 'orange',
  rejected: 'red',
};

/** One package: what it holds, where it stands (with upload progress and the last refusal), what can be done. */
export function OutboxRow({
  item,
  progress,
  expanded,
  onToggle,
  onDownload,
  onRequeue,
}: {
  item: OutboxItem;
  progress: UploadProgress | null;
  expanded: boolean;
  onToggle: () => void;
  onDownload: () => void;
  onRequeue: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid={`outbox-row-${item.sequence}`}>
      <Table.Td>
        <ActionIcon variant="subtle" size="sm" aria-label={t('outbox.history')} onClick={onToggle}>
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
        <StateCell item={item} progress={progress} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('outbox.download')}>
            <ActionIcon variant="light" aria-label={t('outbox.download')} onClick={onDownload}>
              <IconDownload size={16} />
            </ActionIcon>
          </Tooltip>
          {item.state === 'rejected' && (
            <Button size="compact-xs" variant="light" onClick={onRequeue}>
              {t('outbox.requeue')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function StateCell({ item, progress }: { item: OutboxItem; progress: UploadProgress | null }) {
  const { t } = useTranslation();
  return (
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
      {progress && <Progress size="sm" value={progress.total ? (100 * progress.sent) / progress.total : 0} animated />}
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
  );
}
