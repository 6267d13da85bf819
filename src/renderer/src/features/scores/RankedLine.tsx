import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExamComponent, RankedRow } from '../../../../shared/contract/scores';
import { formatDateTime } from '../../lib/format';
import { ConfirmationBadge } from '../applicants/ConfirmationBadge';
import { useRoundLabel } from '../applicants/ChoiceCells';
import { formatHundredths } from './score-input';

/** A candidate who cannot be admitted stays in the list, greyed. */
export const NOT_ADMISSIBLE_STYLE = { color: 'var(--mantine-color-dimmed)' };

/** The round the candidate belongs to here, and their choices at other bases. */
function RankRound({ r }: { r: RankedRow }) {
  const label = useRoundLabel();
  return (
    <>
      {r.round != null && (
        <Badge color={r.round === 1 ? 'blue' : 'orange'} variant="light">
          {label(r.round)}
        </Badge>
      )}
      {(r.otherChoices ?? []).map((line) => (
        <Text key={line} size="xs" c="dimmed">
          {line}
        </Text>
      ))}
    </>
  );
}

/** A ranked candidate: rank (tied, or how the tie was decided), round, confirmation, each component and the total. */
export function RankedLine({ r, components }: { r: RankedRow; components: ExamComponent[] }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="ranking-row" data-admissible={r.admissible} style={r.admissible ? undefined : NOT_ADMISSIBLE_STYLE}>
      <Table.Td>
        {r.rank}
        {r.tied && (
          <Badge ml="xs" color="orange" variant="light">
            {t('scores.ranking.tied')}
          </Badge>
        )}
        {r.tieDecision && (
          <>
            <Badge ml="xs" color="teal" variant="light" data-testid="tie-decided">
              {t('scores.ranking.decided')}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('scores.ranking.decidedBy', {
                by: r.tieDecision.decidedBy,
                at: formatDateTime(r.tieDecision.decidedAt),
                outcome: t(r.tieDecision.admitted ? 'scores.ranking.seatGiven' : 'scores.ranking.seatNotGiven'),
              })}
            </Text>
          </>
        )}
        {r.manualReason && (
          <Text size="xs" c="dimmed">
            {t('scores.ranking.manual', { reason: r.manualReason })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{r.name}</Table.Td>
      <Table.Td>
        <RankRound r={r} />
      </Table.Td>
      <Table.Td>{r.idMasked}</Table.Td>
      <Table.Td>
        <ConfirmationBadge status={r.confirmation} />
      </Table.Td>
      {components.map((c) => {
        const v = r.components[c.key];
        return (
          <Table.Td key={c.key}>
            {v === 'absent' ? t('scores.setup.absent') : v === null || v === undefined ? '—' : formatHundredths(v)}
          </Table.Td>
        );
      })}
      <Table.Td fw={700}>{r.totalDisplay}</Table.Td>
      <Table.Td>
        {r.notAdmissible && (
          <Text size="sm" data-testid="not-admissible">
            {r.notAdmissible}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
