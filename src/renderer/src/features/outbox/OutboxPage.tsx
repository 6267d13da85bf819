import { ActionIcon, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconRefresh, IconSend } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../shared/contract/outbox';
import { notifyError, notifySuccess } from '../../app/notify';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { mutate, useQuery } from '../../lib/query';
import { BuildForm } from './BuildForm';
import { ConnectivityBadge } from './ConnectivityBadge';
import { EndpointForm } from './EndpointForm';
import { OutboxTable } from './OutboxTable';
import { useOutboxStatus } from './useOutboxStatus';

/** The packages built for the province: build, send, follow each one to delivery, or download it. */
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
