import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CandidateSheet, SessionDetail } from '../../../../shared/contract/scores';
import { formatHundredths } from './score-input';

/** Every interviewer's mark for each item of one candidate ("—" where none is given yet). */
export function PanelMarksTable({ session, candidate }: { session: SessionDetail; candidate: CandidateSheet }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder striped fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('scores.interview.interviewer')}</Table.Th>
          {session.items.map((i) => (
            <Table.Th key={i.key}>{i.name}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {session.panel.map((m) => (
          <Table.Tr key={m.username}>
            <Table.Td>{m.username}</Table.Td>
            {session.items.map((i) => {
              const mark = candidate.marks.find((x) => x.interviewer === m.username && x.item === i.key);
              return (
                <Table.Td key={i.key}>
                  {mark ? (mark.unable ? t('scores.interview.unable') : formatHundredths(mark.value ?? 0)) : '—'}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
