import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrainingYearRow } from '../../../../shared/contract/admission';

export type TrainingYearStep = 'request' | 'decide' | 'province';

/**
 * One admitted person's training years: default, requested reduction, its state and the years decided. Each
 * step is offered only where it applies: a request for residency, a decision once requested, the province's
 * review once the base approved.
 */
export function TrainingYearTableRow({
  r,
  editable,
  onStep,
}: {
  r: TrainingYearRow;
  editable: boolean;
  onStep: (step: TrainingYearStep) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid={`years-${r.applicantId}`}>
      <Table.Td>{r.name}</Table.Td>
      <Table.Td>{r.specialtyName}</Table.Td>
      <Table.Td>{t(`programs.${r.program}`)}</Table.Td>
      <Table.Td>{t('admission.years.yearsValue', { years: r.defaultYears })}</Table.Td>
      <Table.Td>{r.requested ? t('admission.years.yearsValue', { years: r.requested }) : '—'}</Table.Td>
      <Table.Td>
        <Text size="sm">{t(`admission.years.statuses.${r.status}`)}</Text>
        {r.warning && (
          <Text size="xs" c="orange">
            {r.warning}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {t('admission.years.yearsValue', { years: r.decidedYears })}
        {!r.final && ` ${t('admission.years.pendingProvince')}`}
      </Table.Td>
      {editable && (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            {r.program === 'residency' && (
              <Button size="compact-xs" variant="subtle" onClick={() => onStep('request')}>
                {t('admission.years.request')}
              </Button>
            )}
            {r.requested > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => onStep('decide')}>
                {t('admission.years.decide')}
              </Button>
            )}
            {(r.status === 'base-approved' || r.status.startsWith('province')) && (
              <Button size="compact-xs" variant="subtle" onClick={() => onStep('province')}>
                {t('admission.years.province')}
              </Button>
            )}
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
