import { Table } from '@mantine/core';
import type { TraineeSummary } from '../../../../shared/contract/trainees';
import { RevealButton } from '../../components/RevealButton';
import { useRowT } from '../../i18n/useRowT';
import { formatDate } from '../../lib/format';
import { TraineeStatusBadge } from './TraineeStatusBadge';

/** One trainee: a click opens the detail drawer; the ID number stays masked unless revealed. */
export function TraineeRow({
  r,
  fullIdNumber,
  onOpen,
  onReveal,
}: {
  r: TraineeSummary;
  fullIdNumber: string | undefined;
  onOpen: () => void;
  /** Absent for roles that may not reveal: no reveal column. */
  onReveal: (() => void) | undefined;
}) {
  const t = useRowT();
  return (
    <Table.Tr data-testid="trainee-row" style={{ cursor: 'pointer' }} onClick={onOpen}>
      <Table.Td>{r.name}</Table.Td>
      <Table.Td ff="monospace">{fullIdNumber ?? r.idNumber}</Table.Td>
      <Table.Td>{t(`trainees.programs.${r.program}`)}</Table.Td>
      <Table.Td>{r.specialtyName}</Table.Td>
      <Table.Td>{t('trainees.cohortValue', { year: r.cohortYear })}</Table.Td>
      <Table.Td>{formatDate(r.startDate)}</Table.Td>
      <Table.Td>
        <TraineeStatusBadge status={r.status} />
      </Table.Td>
      <Table.Td>{t(`trainees.sources.${r.source}`)}</Table.Td>
      {onReveal && (
        // The reveal button must not also open the drawer.
        <Table.Td onClick={(e) => e.stopPropagation()}>
          <RevealButton
            revealed={!!fullIdNumber}
            label={t('trainees.reveal')}
            revealedLabel={t('trainees.revealed')}
            name={r.name}
            onReveal={onReveal}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
