import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TieView } from '../../../../shared/contract/admission';
import { seatLabel } from './seat-label';

/** Ties the allocation could not break: each with who is tied, and (for editors) the button to decide it. */
export function TiesAlert({
  ties,
  editable,
  onDecide,
}: {
  ties: TieView[];
  editable: boolean;
  onDecide: (tie: TieView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconScale size={18} />}
      title={t('admission.ties.title', { count: ties.length })}
      data-testid="ties"
    >
      <Stack gap="xs">
        {ties.map((x) => (
          <Group
            key={`${x.round}-${x.specialtyCode}-${x.category ?? ''}`}
            justify="space-between"
            data-testid={`tie-${x.specialtyCode}`}
          >
            <Text size="sm">
              {t('admission.ties.line', {
                specialty: seatLabel(x),
                round: t(`admission.rounds.${x.round}`),
                seats: x.seatsLeft,
                total: x.total,
              })}
              ：{x.applicants.map((p) => p.name).join('、')}
            </Text>
            {editable && (
              <Button size="xs" color="orange" onClick={() => onDecide(x)}>
                {t('admission.ties.decide')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
