import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RankingGroup } from '../../../../shared/contract/scores';
import { ConfirmationBadge } from '../applicants/ConfirmationBadge';
import { NOT_ADMISSIBLE_STYLE } from './RankedLine';

/** A candidate without a complete result: where they stand instead of a score, and why they are not ranked. */
export function UnrankedLine({ u, span }: { u: RankingGroup['unranked'][number]; span: number }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="unranked-row" data-admissible={false} style={NOT_ADMISSIBLE_STYLE}>
      <Table.Td>{t('scores.ranking.unranked')}</Table.Td>
      <Table.Td>{u.name}</Table.Td>
      <Table.Td />
      <Table.Td>{u.idMasked}</Table.Td>
      <Table.Td>
        <ConfirmationBadge status={u.confirmation} />
      </Table.Td>
      <Table.Td colSpan={span}>{t(`scores.setup.status.${u.status}`)}</Table.Td>
      <Table.Td>
        <Text size="sm">{t(`scores.ranking.unrankedWhy.${u.status}`)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
