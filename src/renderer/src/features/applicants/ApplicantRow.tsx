import { Anchor, Table } from '@mantine/core';
import type { ApplicantSummary } from '../../../../shared/contract/applicants';
import { RevealButton } from '../../components/RevealButton';
import { useRowT } from '../../i18n/useRowT';
import { ChoicesText, RoundBadge } from './ChoiceCells';
import { ConfirmationBadge } from './ConfirmationBadge';

export type RevealedContact = { idNumber: string; phone: string | null };

/** One applicant: masked numbers unless revealed; the name opens the desk for roles that confirm. */
export function ApplicantRow({
  a,
  full,
  linkToDesk,
  onReveal,
}: {
  a: ApplicantSummary;
  full: RevealedContact | undefined;
  linkToDesk: boolean;
  /** Absent for roles that may not reveal: no reveal column. */
  onReveal: (() => void) | undefined;
}) {
  const t = useRowT();
  return (
    <Table.Tr data-testid="applicant-row">
      <Table.Td>
        {linkToDesk ? (
          <Anchor href={`#/desk?id=${encodeURIComponent(a.id)}`} size="sm">
            {a.name}
          </Anchor>
        ) : (
          a.name
        )}
      </Table.Td>
      <Table.Td ff="monospace">{full?.idNumber ?? a.idNumber}</Table.Td>
      <Table.Td ff="monospace">{full ? full.phone : a.phone}</Table.Td>
      <Table.Td>{a.category}</Table.Td>
      <Table.Td>
        <ChoicesText a={a} />
      </Table.Td>
      <Table.Td>
        <RoundBadge a={a} />
      </Table.Td>
      <Table.Td>
        <ConfirmationBadge status={a.confirmation} />
      </Table.Td>
      {onReveal && (
        <Table.Td>
          <RevealButton
            revealed={!!full}
            label={t('applicants.reveal')}
            revealedLabel={t('applicants.revealed')}
            name={a.name}
            onReveal={onReveal}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
