import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowsShuffle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProposalView } from '../../../../shared/contract/admission';
import { useBasePreset } from '../base/queries';

/**
 * Who is left for 调剂. Where the base decides (Chongqing), the greedy proposals are its suggestions. Where the
 * province (Jilin) or the city (Beijing) decides, the base only records the outcome it is sent: the list is
 * then the people awaiting that outcome, with no suggested seat, and the action records a result.
 */
export function ProposalsList({
  proposals,
  seatLabel,
  editable,
  onAssign,
}: {
  proposals: ProposalView[];
  seatLabel: (p: ProposalView) => string;
  editable: boolean;
  onAssign: (p: ProposalView) => void;
}) {
  const { t } = useTranslation();
  const authority = useBasePreset()?.adjustmentBy?.authority ?? null;
  return (
    <Stack gap={4} data-testid="adjustment-list">
      <Title order={5}>{authority ? t(`admission.proposals.recorded.${authority}`) : t('admission.proposals.title')}</Title>
      {authority && (
        <Text size="xs" c="dimmed">
          {t(`admission.proposals.recordedHint.${authority}`)}
        </Text>
      )}
      {proposals.map((p) => (
        <Group key={p.applicantId} justify="space-between" data-testid={`proposal-${p.applicantId}`}>
          <Text size="sm">
            {p.order}. {p.name} · {p.total}
            {authority ? '' : ` → ${seatLabel(p)}`}
          </Text>
          {editable && (
            <Button size="xs" variant="light" leftSection={<IconArrowsShuffle size={14} />} onClick={() => onAssign(p)}>
              {authority ? t('admission.proposals.record') : t('admission.proposals.assign')}
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}
