import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdmissionRunView, ProposalView } from '../../../../shared/contract/admission';
import { ProposalsList } from './ProposalsList';
import { seatLabel } from './seat-label';

/** Seats left empty, next to the proposals for filling them (调剂). */
export function UnfilledPanel({
  view,
  editable,
  onAssign,
}: {
  view: AdmissionRunView;
  editable: boolean;
  onAssign: (p: ProposalView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Group align="flex-start" grow>
        <Stack gap={4}>
          <Title order={5}>{t('admission.unfilled.title')}</Title>
          {view.unfilled.map((u) => (
            <Text size="sm" key={`${u.specialtyCode}-${u.category ?? ''}`} data-testid={`unfilled-${u.specialtyCode}`}>
              {t('admission.unfilled.line', { specialty: seatLabel(u), seats: u.seatsLeft })}
            </Text>
          ))}
        </Stack>
        {view.proposals.length > 0 && (
          <ProposalsList proposals={view.proposals} seatLabel={seatLabel} editable={editable} onAssign={onAssign} />
        )}
      </Group>
    </Paper>
  );
}
