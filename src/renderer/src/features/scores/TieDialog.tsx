import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankingView } from '../../../../shared/contract/scores';
import { mutate } from '../../lib/query';
import { notifyError } from '../../app/notify';
import { Dialog } from '../../components/Dialog';

type Props = {
  groupKey: string;
  candidates: Array<{ applicantId: string; name: string }>;
  onClose: () => void;
  onDone: (v: RankingView) => void;
};

/** A person's decision inside a tie: an order and a reason, recorded in the audit trail. */
export function TieDialog({ groupKey, candidates, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [order, setOrder] = useState(candidates);
  const [reason, setReason] = useState('');
  const move = (i: number, d: -1 | 1) => {
    const next = [...order];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    setOrder(next);
  };
  async function save() {
    const r = await mutate('ranking.reorder', { groupKey, order: order.map((c) => c.applicantId), reason });
    if (!r.ok) return notifyError(r.error);
    onDone(r.value);
    onClose();
  }
  return (
    <Dialog opened onClose={onClose} title={t('scores.ranking.decideTie')}>
      <Stack>
        {order.map((c, i) => (
          <Group key={c.applicantId} justify="space-between">
            <Text>
              {i + 1}. {c.name}
            </Text>
            <Group gap={4}>
              <ActionIcon variant="subtle" disabled={i === 0} aria-label={t('scores.ranking.up')} onClick={() => move(i, -1)}>
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                disabled={i === order.length - 1}
                aria-label={t('scores.ranking.down')}
                onClick={() => move(i, 1)}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
            </Group>
          </Group>
        ))}
        <TextInput label={t('scores.ranking.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button disabled={reason.trim().length < 2} onClick={() => void save()}>
          {t('scores.ranking.saveOrder')}
        </Button>
      </Stack>
    </Dialog>
  );
}
